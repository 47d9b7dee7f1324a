import { useCallback, useId } from 'react';
import type { ConsoleApi } from '../api/client';
import type { App } from '../api/types';
import { useLocale } from '../locale';
import { appPath, Link, paths } from '../routing';
import { LoadStatus, useLoad } from '../ui/useLoad';
import { DateTime } from '../ui/DateTime';
import { clientTypeLabel } from './labels';
import './apps.css';

/** Renders the account's apps, each name linking to the app's page, and a link to add one. */
export function AppList(props: { api: ConsoleApi }) {
  const { api } = props;
  const { messages } = useLocale();
  const headingId = useId();
  const apps = useLoad(useCallback(() => api.listApps(), [api]));

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{messages.appsHeading}</h2>
      <p>{messages.appsIntro}</p>
      <p>
        <Link to={paths.newApp} className="button-link primary">
          {messages.newApp}
        </Link>
      </p>
      <LoadStatus state={apps.state} onRetry={apps.retry} />
      {apps.state.kind === 'loaded' && <AppTable apps={apps.state.value} />}
    </section>
  );
}

function AppTable(props: { apps: App[] }) {
  const { messages } = useLocale();

  if (props.apps.length === 0) {
    return <p>{messages.noApps}</p>;
  }

  return (
    <table className="data-table">
      <thead>
        <tr>
          <th scope="col">{messages.columnName}</th>
          <th scope="col">{messages.columnClientId}</th>
          <th scope="col">{messages.columnClientType}</th>
          <th scope="col">{messages.columnCreated}</th>
        </tr>
      </thead>
      <tbody>
        {props.apps.map((app) => (
          <tr key={app.id}>
            <th scope="row">
              <Link to={appPath(app.id)}>{app.name}</Link>
            </th>
            <td>
              <code>{app.clientId}</code>
            </td>
            <td>{clientTypeLabel(app.clientType, messages)}</td>
            <td>
              <DateTime epochMs={app.createdAt} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
