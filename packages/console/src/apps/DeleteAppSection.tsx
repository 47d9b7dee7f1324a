import { useId, useState } from 'react';
import type { ConsoleApi } from '../api/client';
import type { App, StepUp } from '../api/types';
import { useMessages } from '../locale';
import { StepUpForm } from '../mfa/StepUpForm';
import { navigate, paths } from '../routing';
import { TextField } from '../ui/TextField';
import { useFocusAfterRender } from '../ui/useFocusAfterRender';

/**
 * Deletes the app after step-up and after the person types the app's name, which guards against
 * deleting the wrong app from a tab left open. Goes to the app list afterwards.
 */
export function DeleteAppSection(props: { api: ConsoleApi; app: App }) {
  const { api, app } = props;
  const messages = useMessages();
  const [open, setOpen] = useState(false);
  const [typedName, setTypedName] = useState('');
  const [nameInvalid, setNameInvalid] = useState(false);
  const [openButtonRef, focusOpenButton] = useFocusAfterRender<HTMLButtonElement>();
  const headingId = useId();

  function checkTypedName(): string | null {
    const matches = typedName.trim() === app.name;
    setNameInvalid(!matches);
    return matches ? null : messages.confirmAppNameMismatch;
  }

  async function deleteApp(stepUp: StepUp): Promise<void> {
    await api.deleteApp(app.id, stepUp);
    navigate(paths.home, { announcement: messages.appDeleted(app.name) });
  }

  function close(): void {
    setOpen(false);
    setTypedName('');
    setNameInvalid(false);
    focusOpenButton();
  }

  return (
    <section className="danger-zone" aria-labelledby={headingId}>
      <h3 id={headingId}>{messages.deleteApp}</h3>
      {open ? (
        <StepUpForm
          api={api}
          description={messages.deleteAppIntro}
          submitLabel={messages.deleteApp}
          danger
          validate={checkTypedName}
          onConfirm={deleteApp}
          onCancel={close}
        >
          <TextField
            label={messages.confirmAppNameLabel}
            hint={messages.confirmAppNameHint(app.name)}
            value={typedName}
            onChange={setTypedName}
            invalid={nameInvalid}
          />
        </StepUpForm>
      ) : (
        <>
          <p>{messages.deleteAppIntro}</p>
          <button
            ref={openButtonRef}
            type="button"
            className="danger"
            onClick={() => setOpen(true)}
          >
            {messages.deleteApp}
          </button>
        </>
      )}
    </section>
  );
}
