import { useId, useRef, useState, type SubmitEvent } from 'react';
import type { ConsoleApi } from '../api/client';
import { ApiError, describeError } from '../api/errors';
import type { AppSettings, MfaPolicy, RememberMode, StepUp } from '../api/types';
import { useMessages } from '../locale';
import type { Messages } from '../messages';
import { StepUpForm } from '../mfa/StepUpForm';
import { RadioGroup, type RadioOption } from '../ui/Choices';
import { ErrorAlert } from '../ui/ErrorAlert';
import { useFocusAfterRender } from '../ui/useFocusAfterRender';
import { maxRememberDays, minRememberDays, parseRememberDays } from './rememberDays';

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
  // The checked number of days of a save that waits for step-up, or null when none waits.
  const [daysAwaitingStepUp, setDaysAwaitingStepUp] = useState<number | null>(null);
  const stepUpOpen = daysAwaitingStepUp !== null;
  const [error, setError] = useState<string | null>(null);
  const [daysInvalid, setDaysInvalid] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [pending, setPending] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const [saveButtonRef, focusSaveButton] = useFocusAfterRender<HTMLButtonElement>();
  const daysRef = useRef<HTMLInputElement>(null);
  const daysId = useId();
  const daysHintId = useId();
  const errorId = useId();

  async function send(days: number, stepUp?: StepUp): Promise<void> {
    const saved = await api.updateSettings(
      appId,
      { mfaPolicy, rememberMode, rememberDays: days },
      stepUp,
    );
    props.onSaved(saved);
    setDaysAwaitingStepUp(null);
    setAnnouncement(messages.settingsSaved);
    focusSaveButton();
  }

  async function handleSubmit(event: SubmitEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (pending || stepUpOpen) {
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

    setPending(true);
    try {
      await send(days);
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'step_up_required') {
        setDaysAwaitingStepUp(days);
      } else {
        setError(describeError(caught, messages));
      }
    }
    setPending(false);
  }

  function cancelStepUp(): void {
    setDaysAwaitingStepUp(null);
    focusSaveButton();
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
          disabled={pending || stepUpOpen}
        >
          {messages.save}
        </button>
      </form>
      {daysAwaitingStepUp !== null && (
        <StepUpForm
          api={api}
          description={messages.settingsStepUpPrompt}
          submitLabel={messages.confirmAndSave}
          onConfirm={(stepUp) => send(daysAwaitingStepUp, stepUp)}
          onCancel={cancelStepUp}
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
