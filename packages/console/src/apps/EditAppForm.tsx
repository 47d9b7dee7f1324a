import { useEffect, useId, useRef, useState, type KeyboardEvent, type SubmitEvent } from 'react';
import type { ConsoleApi } from '../api/client';
import { describeError } from '../api/errors';
import type { App, AppChanges } from '../api/types';
import { useMessages } from '../locale';
import { ErrorAlert } from '../ui/ErrorAlert';
import {
  checkRegistration,
  focusNamedField,
  RegistrationFields,
  SignupField,
  type RegistrationDraft,
  type RegistrationField,
} from './AppFields';
import { formatUrlList } from './urls';

interface EditAppFormProps {
  api: ConsoleApi;
  app: App;
  onSaved: (app: App) => void;
  onCancel: () => void;
}

/**
 * Edits an app's name, URLs and self sign-up, and sends only the fields that changed. The client
 * type is fixed once the app exists, because it decides whether the app has a client secret.
 */
export function EditAppForm(props: EditAppFormProps) {
  const { app } = props;
  const messages = useMessages();
  const [draft, setDraft] = useState<RegistrationDraft>({
    name: app.name,
    redirectUris: formatUrlList(app.redirectUris),
    postLogoutRedirectUris: formatUrlList(app.postLogoutRedirectUris),
  });
  const [signupEnabled, setSignupEnabled] = useState(app.signupEnabled);
  const [error, setError] = useState<string | null>(null);
  const [invalidField, setInvalidField] = useState<RegistrationField | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [pending, setPending] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const errorId = useId();

  useEffect(() => {
    focusNamedField(formRef.current, 'name');
  }, []);

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
    const changes = changedFields(app, { ...registration, signupEnabled });
    if (Object.keys(changes).length === 0) {
      props.onSaved(app);
      return;
    }

    setPending(true);
    try {
      props.onSaved(await props.api.updateApp(app.id, changes));
    } catch (caught) {
      setError(describeError(caught, messages));
      setPending(false);
    }
  }

  function handleKeyDown(event: KeyboardEvent<HTMLFormElement>): void {
    if (event.key === 'Escape') {
      event.preventDefault();
      props.onCancel();
    }
  }

  return (
    <form
      ref={formRef}
      className="app-form"
      noValidate
      onSubmit={(event) => void handleSubmit(event)}
      onKeyDown={handleKeyDown}
    >
      <RegistrationFields
        draft={draft}
        onChange={setDraft}
        invalidField={invalidField}
        errorId={errorId}
      />
      <SignupField checked={signupEnabled} onChange={setSignupEnabled} />
      <ErrorAlert key={attempt} id={errorId} message={error} />
      <div className="actions">
        <button type="submit" className="primary" disabled={pending}>
          {messages.saveChanges}
        </button>
        <button type="button" onClick={props.onCancel}>
          {messages.cancel}
        </button>
      </div>
    </form>
  );
}

/** Returns the fields of `edited` that differ from the saved app. */
function changedFields(app: App, edited: Required<AppChanges>): AppChanges {
  const changes: AppChanges = {};
  if (edited.name !== app.name) {
    changes.name = edited.name;
  }
  if (!sameList(edited.redirectUris, app.redirectUris)) {
    changes.redirectUris = edited.redirectUris;
  }
  if (!sameList(edited.postLogoutRedirectUris, app.postLogoutRedirectUris)) {
    changes.postLogoutRedirectUris = edited.postLogoutRedirectUris;
  }
  if (edited.signupEnabled !== app.signupEnabled) {
    changes.signupEnabled = edited.signupEnabled;
  }
  return changes;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}
