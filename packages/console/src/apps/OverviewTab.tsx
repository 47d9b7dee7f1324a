import { useState } from 'react';
import type { ConsoleApi } from '../api/client';
import type { App } from '../api/types';
import { useMessages } from '../locale';
import { DateTime } from '../ui/DateTime';
import { useFocusAfterRender } from '../ui/useFocusAfterRender';
import { DeleteAppSection } from './DeleteAppSection';
import { EditAppForm } from './EditAppForm';
import { clientTypeLabel } from './labels';

interface OverviewTabProps {
  api: ConsoleApi;
  app: App;
  onAppChanged: (app: App) => void;
}

/** Shows the app's registration, with an edit form in place of it while editing. */
export function OverviewTab(props: OverviewTabProps) {
  const messages = useMessages();
  const [editing, setEditing] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const [editButtonRef, focusEditButton] = useFocusAfterRender<HTMLButtonElement>();

  function closeEditor(): void {
    focusEditButton();
    setEditing(false);
  }

  function handleSaved(app: App): void {
    props.onAppChanged(app);
    setAnnouncement(messages.appSaved);
    closeEditor();
  }

  return (
    <>
      <h2>{messages.tabOverview}</h2>
      <p role="status" className="announcement">
        {announcement}
      </p>
      {editing ? (
        <EditAppForm api={props.api} app={props.app} onSaved={handleSaved} onCancel={closeEditor} />
      ) : (
        <>
          <AppDetails app={props.app} />
          <button
            ref={editButtonRef}
            type="button"
            onClick={() => {
              setAnnouncement('');
              setEditing(true);
            }}
          >
            {messages.editApp}
          </button>
        </>
      )}
      <DeleteAppSection api={props.api} app={props.app} />
    </>
  );
}

function AppDetails(props: { app: App }) {
  const messages = useMessages();
  const { app } = props;

  return (
    <dl className="details">
      <dt>{messages.appNameLabel}</dt>
      <dd>{app.name}</dd>
      <dt>{messages.columnClientId}</dt>
      <dd>
        <code>{app.clientId}</code>
      </dd>
      <dt>{messages.columnClientType}</dt>
      <dd>{clientTypeLabel(app.clientType, messages)}</dd>
      <dt>{messages.redirectUrisLabel}</dt>
      <dd>
        <UrlList urls={app.redirectUris} />
      </dd>
      <dt>{messages.postLogoutRedirectUrisLabel}</dt>
      <dd>
        <UrlList urls={app.postLogoutRedirectUris} />
      </dd>
      <dt>{messages.signupTerm}</dt>
      <dd>{app.signupEnabled ? messages.signupAllowed : messages.signupNotAllowed}</dd>
      <dt>{messages.columnCreated}</dt>
      <dd>
        <DateTime epochMs={app.createdAt} />
      </dd>
    </dl>
  );
}

function UrlList(props: { urls: string[] }) {
  const messages = useMessages();

  if (props.urls.length === 0) {
    return <>{messages.noUrls}</>;
  }
  return (
    <ul className="url-list">
      {props.urls.map((url) => (
        <li key={url}>
          <code>{url}</code>
        </li>
      ))}
    </ul>
  );
}
