import { useEffect, useId, useRef, useState, type SubmitEvent } from 'react';
import type { ConsoleApi } from '../api/client';
import { describeError } from '../api/errors';
import type { ClientType, CreatedApp } from '../api/types';
import { useMessages } from '../locale';
import { appPath, Link, navigate, paths } from '../routing';
import { ErrorAlert } from '../ui/ErrorAlert';
import { OneTimeSecret } from '../ui/OneTimeSecret';
import { PageHeading } from '../ui/PageHeading';
import {
  checkRegistration,
  ClientTypeField,
  focusNamedField,
  RegistrationFields,
  SignupField,
  type RegistrationDraft,
  type RegistrationField,
} from './AppFields';
import './apps.css';

const emptyDraft: RegistrationDraft = { name: '', redirectUris: '', postLogoutRedirectUris: '' };

/** Registers an app, then shows its client secret once. */
export function NewAppPage(props: { api: ConsoleApi }) {
  const messages = useMessages();
  const [created, setCreated] = useState<CreatedApp | null>(null);

  return (
    <>
      <PageHeading>{messages.newAppHeading}</PageHeading>
      {created === null ? (
        <NewAppForm api={props.api} onCreated={setCreated} />
      ) : (
        <CreatedAppResult created={created} />
      )}
    </>
  );
}

function NewAppForm(props: { api: ConsoleApi; onCreated: (created: CreatedApp) => void }) {
  const messages = useMessages();
  const [draft, setDraft] = useState<RegistrationDraft>(emptyDraft);
  const [clientType, setClientType] = useState<ClientType>('confidential');
  const [signupEnabled, setSignupEnabled] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [invalidField, setInvalidField] = useState<RegistrationField | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [pending, setPending] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const errorId = useId();

  async function handleSubmit(event: SubmitEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (pending) {
      return;
    }
    setAttempt(attempt + 1);
    setError(null);
    setInvalidField(null);

    const registration = checkRegistration(draft, messages);
    if (registration.kind === 'invalid') {
      setError(registration.message);
      setInvalidField(registration.field);
      focusNamedField(formRef.current, registration.field);
      return;
    }

    setPending(true);
    try {
      const created = await props.api.createApp({
        name: registration.name,
        redirectUris: registration.redirectUris,
        postLogoutRedirectUris: registration.postLogoutRedirectUris,
        clientType,
        signupEnabled,
      });
      props.onCreated(created);
    } catch (caught) {
      setError(describeError(caught, messages));
      setPending(false);
    }
  }

  return (
    <form
      ref={formRef}
      className="app-form"
      noValidate
      onSubmit={(event) => void handleSubmit(event)}
    >
      <RegistrationFields
        draft={draft}
        onChange={setDraft}
        invalidField={invalidField}
        errorId={errorId}
      />
      <ClientTypeField value={clientType} onChange={setClientType} />
      <SignupField checked={signupEnabled} onChange={setSignupEnabled} />
      <ErrorAlert key={attempt} id={errorId} message={error} />
      <div className="actions">
        <button type="submit" className="primary" disabled={pending}>
          {messages.createApp}
        </button>
        <Link to={paths.home} className="button-link">
          {messages.cancel}
        </Link>
      </div>
    </form>
  );
}

/** Shows the new app's client ID, and its client secret once unless it is a public client. */
function CreatedAppResult(props: { created: CreatedApp }) {
  const messages = useMessages();
  const { app, clientSecret } = props.created;
  const resultRef = useRef<HTMLParagraphElement>(null);

  // The result sentence takes focus in place of the form, and the secret with its warning follows.
  useEffect(() => {
    resultRef.current?.focus();
  }, []);

  return (
    <>
      <p ref={resultRef} tabIndex={-1} className="announcement">
        {messages.appCreated(app.name)}
      </p>
      <dl className="details">
        <dt>{messages.columnClientId}</dt>
        <dd>
          <code>{app.clientId}</code>
        </dd>
      </dl>
      {clientSecret === null ? (
        <p>{messages.publicClientHasNoSecret}</p>
      ) : (
        <OneTimeSecret
          label={messages.clientSecretLabel}
          value={clientSecret}
          copyLabel={messages.copyClientSecret}
          onDone={() => navigate(appPath(app.id))}
          autoFocus={false}
        />
      )}
      <p>
        <Link to={appPath(app.id)}>{messages.openApp}</Link>
      </p>
    </>
  );
}
