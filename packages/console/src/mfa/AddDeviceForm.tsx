import { useEffect, useId, useRef, useState, type SubmitEvent, type KeyboardEvent } from 'react';
import type { ConsoleApi } from '../api/client';
import { describeError } from '../api/errors';
import type { Authenticator, PendingEnrolment } from '../api/types';
import { useMessages } from '../locale';
import { ErrorAlert } from '../ui/ErrorAlert';
import { CodeField } from './CodeField';
import { normalizeCode } from './code';
import { SetupKey } from './SetupKey';

interface AddDeviceFormProps {
  api: ConsoleApi;
  onAdded: (authenticator: Authenticator) => void;
  onCancel: () => void;
}

/**
 * Enrols a device in two steps: "Show QR Code" starts a pending enrolment under the typed name,
 * and "Certification" confirms it with the first code that the authenticator app shows. A wrong
 * code keeps the QR code on screen, so the person can try the next code.
 */
export function AddDeviceForm(props: AddDeviceFormProps) {
  const messages = useMessages();
  const [deviceName, setDeviceName] = useState('');
  const [enrolment, setEnrolment] = useState<PendingEnrolment | null>(null);
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [pending, setPending] = useState(false);
  const nameInputRef = useRef<HTMLInputElement>(null);
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

  function startAttempt(): void {
    setAttempt(attempt + 1);
    setError(null);
  }

  async function showQrCode(event: SubmitEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (pending || enrolment !== null) {
      return;
    }
    startAttempt();

    const name = deviceName.trim();
    if (name === '') {
      setError(messages.deviceNameMissing);
      nameInputRef.current?.focus();
      return;
    }

    setPending(true);
    try {
      setEnrolment(await props.api.startEnrolment(name));
    } catch (caught) {
      setError(describeError(caught, messages));
      nameInputRef.current?.focus();
    }
    setPending(false);
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
  const nameDescribedBy = enrolment === null && error !== null ? `${hintId} ${errorId}` : hintId;

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
            aria-invalid={(enrolment === null && error !== null) || undefined}
            aria-describedby={nameDescribedBy}
          />
          <p id={hintId} className="hint">
            {messages.deviceNameHint}
          </p>
        </div>
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
