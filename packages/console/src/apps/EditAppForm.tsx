import { useEffect, useId, useRef, useState, type KeyboardEvent, type SubmitEvent } from 'react';
import type { ConsoleApi } from '../api/client';
import { describeError } from '../api/errors';
import type { App, AppChanges } from '../api/types';
import { useMessages } from '../locale';
import { StepUpForm } from '../mfa/StepUpForm';
import { ErrorAlert } from '../ui/ErrorAlert';
import { useFocusAfterRender } from '../ui/useFocusAfterRender';
import {
  checkRegistration,
  focusNamedField,
  RegistrationFields,
  SignupField,
  type RegistrationDraft,
  type RegistrationField,
} from './AppFields';
import { changedFields, changesNeedStepUp } from './appChanges';
import { formatUrlList } from './urls';
import { useStepUpSave } from './useStepUpSave';

interface EditAppFormProps {
  api: ConsoleApi;
  app: App;
  onSaved: (app: App) => void;
  onCancel: () => void;
}

/**
 * Edits an app's name, URLs and self sign-up, and sends only the fields that changed. The client
 * type is fixed once the app exists, because it decides whether the app has a client secret.
 *
 * Saving changed callback or post-logout URLs opens the step-up form before anything is sent,
 * because the server requires step-up for them. Any other change goes out without step-up, and a
 * 403 `step_up_required` opens the step-up form too. The fields stay locked while it is open, so
 * the step-up confirms exactly what the person saw.
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
  const formRef = useRef<HTMLFormElement>(null);
  const [saveButtonRef, focusSaveButton] = useFocusAfterRender<HTMLButtonElement>();
  const errorId = useId();
  const save = useStepUpSave({
    send: (changes: AppChanges, stepUp) => props.api.updateApp(app.id, changes, stepUp),
    onSaved: props.onSaved,
    onError: (caught) => setError(describeError(caught, messages)),
    onCancel: focusSaveButton,
  });
  const changesAwaitingStepUp = save.awaitingStepUp;
  const stepUpOpen = changesAwaitingStepUp !== null;

  useEffect(() => {
    focusNamedField(formRef.current, 'name');
  }, []);

  async function handleSubmit(event: SubmitEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (save.pending || stepUpOpen) {
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
    if (changesNeedStepUp(changes)) {
      save.requireStepUp(changes);
      return;
    }
    await save.saveWithoutStepUp(changes);
  }

  function handleKeyDown(event: KeyboardEvent<HTMLFormElement>): void {
    if (event.key === 'Escape') {
      event.preventDefault();
      props.onCancel();
    }
  }

  return (
    <>
      <form
        ref={formRef}
        className="app-form"
        noValidate
        onSubmit={(event) => void handleSubmit(event)}
        onKeyDown={handleKeyDown}
      >
        <fieldset className="plain" disabled={stepUpOpen}>
          <RegistrationFields
            draft={draft}
            onChange={setDraft}
            invalidField={invalidField}
            errorId={errorId}
          />
          <SignupField checked={signupEnabled} onChange={setSignupEnabled} />
        </fieldset>
        <ErrorAlert key={attempt} id={errorId} message={error} />
        <div className="actions">
          <button
            ref={saveButtonRef}
            type="submit"
            className="primary"
            disabled={save.pending || stepUpOpen}
          >
            {messages.saveChanges}
          </button>
          <button type="button" onClick={props.onCancel}>
            {messages.cancel}
          </button>
        </div>
      </form>
      {changesAwaitingStepUp !== null && (
        <StepUpForm
          api={props.api}
          description={
            changesNeedStepUp(changesAwaitingStepUp)
              ? messages.appUrlsStepUpPrompt
              : messages.appChangesStepUpPrompt
          }
          submitLabel={messages.confirmAndSave}
          onConfirm={(stepUp) => save.saveWithStepUp(changesAwaitingStepUp, stepUp)}
          onCancel={save.cancelStepUp}
        />
      )}
    </>
  );
}
