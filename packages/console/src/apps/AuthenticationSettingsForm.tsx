import { useId, useRef, useState, type SubmitEvent } from 'react';
import type { ConsoleApi } from '../api/client';
import { describeError } from '../api/errors';
import type { AppSettings, MfaPolicy, RememberMode } from '../api/types';
import { useMessages } from '../locale';
import type { Messages } from '../messages';
import { StepUpForm } from '../mfa/StepUpForm';
import { RadioGroup, type RadioOption } from '../ui/Choices';
import { ErrorAlert } from '../ui/ErrorAlert';
import { useFocusAfterRender } from '../ui/useFocusAfterRender';
import { maxRememberDays, minRememberDays, parseRememberDays } from './rememberDays';
import { useStepUpSave } from './useStepUpSave';

interface AuthenticationSettingsFormProps {
  api: ConsoleApi;
  appId: string;
  settings: AppSettings;
  onSaved: (settings: AppSettings) => void;
}

/**
 * Edits the MFA policy and the remember mode. A save goes out without step-up first, because the
 * server requires step-up only when a setting changes, not for a save of unchanged settings.
 * Its 403 `step_up_required` opens the step-up form, which sends the same settings again with the
 * step-up. The fields stay locked meanwhile, so the step-up confirms exactly what the person saw.
 */
export function AuthenticationSettingsForm(props: AuthenticationSettingsFormProps) {
  const { api, appId } = props;
  const messages = useMessages();
  const [mfaPolicy, setMfaPolicy] = useState<MfaPolicy>(props.settings.mfaPolicy);
  const [rememberMode, setRememberMode] = useState<RememberMode>(props.settings.rememberMode);
  const [rememberDays, setRememberDays] = useState(String(props.settings.rememberDays));
  const [error, setError] = useState<string | null>(null);
  const [daysInvalid, setDaysInvalid] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [announcement, setAnnouncement] = useState('');
  const [saveButtonRef, focusSaveButton] = useFocusAfterRender<HTMLButtonElement>();
  const daysRef = useRef<HTMLInputElement>(null);
  const daysId = useId();
  const daysHintId = useId();
  const errorId = useId();
  // The request is the checked number of days, because the other settings are locked meanwhile.
  const save = useStepUpSave({
    send: (days: number, stepUp) =>
      api.updateSettings(appId, { mfaPolicy, rememberMode, rememberDays: days }, stepUp),
    onSaved: (saved) => {
      props.onSaved(saved);
      setAnnouncement(messages.settingsSaved);
      focusSaveButton();
    },
    onError: (caught) => setError(describeError(caught, messages)),
    onCancel: focusSaveButton,
  });
  const daysAwaitingStepUp = save.awaitingStepUp;
  const stepUpOpen = daysAwaitingStepUp !== null;

  async function handleSubmit(event: SubmitEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (save.pending || stepUpOpen) {
      return;
    }
    setAttempt(attempt + 1);
    setError(null);
    setDaysInvalid(false);
    setAnnouncement('');

    const days = parseRememberDays(rememberDays);
    if (days === null) {
      setError(messages.rememberDaysInvalid);
      setDaysInvalid(true);
      daysRef.current?.focus();
      return;
    }

    await save.saveWithoutStepUp(days);
  }

  const daysDescribedBy = daysInvalid ? `${daysHintId} ${errorId}` : daysHintId;

  return (
    <>
      <p role="status" className="announcement">
        {announcement}
      </p>
      <form className="settings-form" noValidate onSubmit={(event) => void handleSubmit(event)}>
        <fieldset className="plain" disabled={stepUpOpen}>
          <RadioGroup
            legend={messages.mfaPolicyLegend}
            options={mfaPolicyOptions(messages)}
            value={mfaPolicy}
            onChange={setMfaPolicy}
          />
          <RadioGroup
            legend={messages.rememberModeLegend}
            options={rememberModeOptions(messages)}
            value={rememberMode}
            onChange={setRememberMode}
          />
          <div className="field">
            <label htmlFor={daysId}>{messages.rememberDaysLabel}</label>
            <input
              ref={daysRef}
              id={daysId}
              name="rememberDays"
              type="number"
              className="number-input"
              inputMode="numeric"
              min={minRememberDays}
              max={maxRememberDays}
              step={1}
              required
              value={rememberDays}
              onChange={(event) => setRememberDays(event.target.value)}
              aria-invalid={daysInvalid || undefined}
              aria-describedby={daysDescribedBy}
            />
            <p id={daysHintId} className="hint">
              {messages.rememberDaysHint}
            </p>
          </div>
        </fieldset>
        <ErrorAlert key={attempt} id={errorId} message={error} />
        <button
          ref={saveButtonRef}
          type="submit"
          className="primary"
          disabled={save.pending || stepUpOpen}
        >
          {messages.save}
        </button>
      </form>
      {daysAwaitingStepUp !== null && (
        <StepUpForm
          api={api}
          description={messages.settingsStepUpPrompt}
          submitLabel={messages.confirmAndSave}
          onConfirm={(stepUp) => save.saveWithStepUp(daysAwaitingStepUp, stepUp)}
          onCancel={save.cancelStepUp}
        />
      )}
    </>
  );
}

function mfaPolicyOptions(messages: Messages): RadioOption<MfaPolicy>[] {
  return [
    { value: 'optional', label: messages.mfaPolicyOptional, hint: messages.mfaPolicyOptionalHint },
    { value: 'on', label: messages.mfaPolicyRequired, hint: messages.mfaPolicyRequiredHint },
  ];
}

function rememberModeOptions(messages: Messages): RadioOption<RememberMode>[] {
  return [
    { value: 'always', label: messages.rememberAlways, hint: messages.rememberAlwaysHint },
    {
      value: 'userOptIn',
      label: messages.rememberUserOptIn,
      hint: messages.rememberUserOptInHint,
    },
    { value: 'no', label: messages.rememberNo, hint: messages.rememberNoHint },
  ];
}
