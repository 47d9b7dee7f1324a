import { useEffect, useId, useRef, useState, type SubmitEvent, type KeyboardEvent } from 'react';
import type { ConsoleApi } from '../api/client';
import { describeError } from '../api/errors';
import type { Authenticator, PendingEnrolment } from '../api/types';
import { useMessages } from '../locale';
import { ErrorAlert } from '../ui/ErrorAlert';
import { CodeField } from './CodeField';
import { normalizeCode } from './code';
import { SetupKey } from './SetupKey';
import { isStepUpRejection } from './stepUpErrors';

interface AddDeviceFormProps {
  api: ConsoleApi;
  /** Whether the account has MFA on, as the page last loaded it. */
  mfaEnabled: boolean;
  /** Called when the server requires step-up while `mfaEnabled` is false, to reload the status. */
  onStepUpRequired: () => void;
  onAdded: (authenticator: Authenticator) => void;
  onCancel: () => void;
}

/**
 * Enrols a device in two steps: "Show QR Code" starts a pending enrolment under the typed name,
 * and "Certification" confirms it with the first code that the authenticator app shows. A wrong
 * code keeps the QR code on screen, so the person can try the next code.
 *
 * While MFA is on, "Show QR Code" also needs a current code from a device the account already
 * has (step-up). Otherwise a stolen session could add its own device and then pass every later
 * step-up with it. The step-up field goes away with the QR code, so that only one input on the
 * page is labelled with "6-digit code" at a time.
 */
export function AddDeviceForm(props: AddDeviceFormProps) {
  const messages = useMessages();
  const [deviceName, setDeviceName] = useState('');
  const [stepUpCode, setStepUpCode] = useState('');
  const [enrolment, setEnrolment] = useState<PendingEnrolment | null>(null);
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  // The field of the first step that the error is about, if any.
  const [invalidField, setInvalidField] = useState<'name' | 'stepUpCode' | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [pending, setPending] = useState(false);
  const nameInputRef = useRef<HTMLInputElement>(null);
  const stepUpInputRef = useRef<HTMLInputElement>(null);
  // Set when the step-up field must take focus once it is rendered, which may be only after the
  // page has reloaded the MFA status.
  const stepUpFocusRequested = useRef(false);
  const codeInputRef = useRef<HTMLInputElement>(null);
  const instructionsRef = useRef<HTMLParagraphElement>(null);
  const headingId = useId();
  const nameId = useId();
  const hintId = useId();
  const instructionsId = useId();
  const errorId = useId();

  useEffect(() => {
    nameInputRef.current?.focus();
  }, []);

  useEffect(() => {
    if (enrolment !== null) {
      instructionsRef.current?.focus();
    }
  }, [enrolment]);

  useEffect(() => {
    if (stepUpFocusRequested.current && stepUpInputRef.current !== null) {
      stepUpFocusRequested.current = false;
      stepUpInputRef.current.focus();
    }
  });

  function startAttempt(): void {
    setAttempt(attempt + 1);
    setError(null);
    setInvalidField(null);
    stepUpFocusRequested.current = false;
  }

  async function showQrCode(event: SubmitEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (pending || enrolment !== null) {
      return;
    }
    startAttempt();

    const name = deviceName.trim();
    if (name === '') {
      rejectName(messages.deviceNameMissing);
      return;
    }
    const normalizedStepUpCode = props.mfaEnabled ? normalizeCode(stepUpCode) : undefined;
    if (normalizedStepUpCode === null) {
      rejectStepUpCode(messages.codeFormatInvalid);
      return;
    }

    setPending(true);
    try {
      setEnrolment(await props.api.startEnrolment(name, normalizedStepUpCode));
    } catch (caught) {
      handleStartFailure(caught);
    }
    setPending(false);
  }

  function handleStartFailure(caught: unknown): void {
    const message = describeError(caught, messages);
    // The server may have accepted the step-up code before the request failed, and an accepted
    // code never works again.
    setStepUpCode('');
    if (!isStepUpRejection(caught)) {
      rejectName(message);
      return;
    }
    rejectStepUpCode(message);
    // MFA was turned on in another tab after this page loaded, so the step-up field appears only
    // once the page has reloaded the status.
    if (caught.code === 'step_up_required' && !props.mfaEnabled) {
      props.onStepUpRequired();
    }
  }

  function rejectName(message: string): void {
    setError(message);
    setInvalidField('name');
    nameInputRef.current?.focus();
  }

  /** Shows why the step-up code was rejected, clears it and moves focus to its field. */
  function rejectStepUpCode(message: string): void {
    setError(message);
    setInvalidField('stepUpCode');
    setStepUpCode('');
    stepUpFocusRequested.current = true;
  }

  async function certify(event: SubmitEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (pending || enrolment === null) {
      return;
    }
    startAttempt();

    const normalizedCode = normalizeCode(code);
    if (normalizedCode === null) {
      rejectCode(messages.codeFormatInvalid);
      return;
    }

    setPending(true);
    try {
      props.onAdded(await props.api.confirmEnrolment(enrolment.id, normalizedCode));
    } catch (caught) {
      rejectCode(describeError(caught, messages));
      setPending(false);
    }
  }

  function rejectCode(message: string): void {
    setError(message);
    setCode('');
    codeInputRef.current?.focus();
  }

  function handleKeyDown(event: KeyboardEvent<HTMLElement>): void {
    if (event.key === 'Escape') {
      event.preventDefault();
      props.onCancel();
    }
  }

  const errorAlert = <ErrorAlert key={attempt} id={errorId} message={error} />;
  const nameInvalid = enrolment === null && invalidField === 'name';
  const stepUpShown = props.mfaEnabled && enrolment === null;
  const stepUpInvalid = invalidField === 'stepUpCode';

  return (
    <section className="add-device" aria-labelledby={headingId} onKeyDown={handleKeyDown}>
      <h2 id={headingId}>{messages.addDevice}</h2>
      <form noValidate onSubmit={(event) => void showQrCode(event)}>
        <div className="field">
          <label htmlFor={nameId}>{messages.deviceNameLabel}</label>
          <input
            ref={nameInputRef}
            id={nameId}
            name="name"
            type="text"
            autoComplete="off"
            required
            readOnly={enrolment !== null}
            value={deviceName}
            onChange={(event) => setDeviceName(event.target.value)}
            aria-invalid={nameInvalid || undefined}
            aria-describedby={nameInvalid ? `${hintId} ${errorId}` : hintId}
          />
          <p id={hintId} className="hint">
            {messages.deviceNameHint}
          </p>
        </div>
        {stepUpShown && (
          <CodeField
            ref={stepUpInputRef}
            label={messages.stepUpCodeLabel}
            hint={messages.addDeviceStepUpHint}
            value={stepUpCode}
            onChange={setStepUpCode}
            invalid={stepUpInvalid}
            describedBy={stepUpInvalid ? errorId : undefined}
          />
        )}
        {enrolment === null && errorAlert}
        <button type="submit" className="primary" disabled={pending || enrolment !== null}>
          {messages.showQrCode}
        </button>
      </form>

      {enrolment !== null && (
        <form noValidate onSubmit={(event) => void certify(event)}>
          <SetupKey
            enrolment={enrolment}
            instructionsRef={instructionsRef}
            instructionsId={instructionsId}
          />
          <CodeField
            ref={codeInputRef}
            value={code}
            onChange={setCode}
            invalid={error !== null}
            describedBy={error === null ? instructionsId : `${instructionsId} ${errorId}`}
          />
          {errorAlert}
          <button type="submit" className="primary" disabled={pending}>
            {messages.certification}
          </button>
        </form>
      )}

      <button type="button" onClick={props.onCancel}>
        {messages.cancel}
      </button>
    </section>
  );
}
