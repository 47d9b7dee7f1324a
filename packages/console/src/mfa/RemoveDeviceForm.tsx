import { useEffect, useId, useRef, useState, type SubmitEvent, type KeyboardEvent } from 'react';
import type { ConsoleApi } from '../api/client';
import { describeError } from '../api/errors';
import type { Authenticator } from '../api/types';
import { useMessages } from '../locale';
import { ErrorAlert } from '../ui/ErrorAlert';
import { CodeField } from './CodeField';
import { normalizeCode } from './code';

interface RemoveDeviceFormProps {
  api: ConsoleApi;
  authenticator: Authenticator;
  isLastDevice: boolean;
  onRemoved: (authenticator: Authenticator) => void;
  onCancel: () => void;
}

/**
 * Asks for a current code before a device is removed. The server requires this step-up however
 * recent the sign-in is, and rejects a code that was already used.
 */
export function RemoveDeviceForm(props: RemoveDeviceFormProps) {
  const messages = useMessages();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [pending, setPending] = useState(false);
  const codeInputRef = useRef<HTMLInputElement>(null);
  const promptId = useId();
  const warningId = useId();
  const errorId = useId();

  useEffect(() => {
    codeInputRef.current?.focus();
  }, []);

  function showError(message: string): void {
    setError(message);
    setCode('');
    codeInputRef.current?.focus();
  }

  async function handleSubmit(event: SubmitEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (pending) {
      return;
    }
    setAttempt(attempt + 1);
    setError(null);

    const normalizedCode = normalizeCode(code);
    if (normalizedCode === null) {
      showError(messages.codeFormatInvalid);
      return;
    }

    setPending(true);
    try {
      await props.api.removeAuthenticator(props.authenticator.id, normalizedCode);
      props.onRemoved(props.authenticator);
    } catch (caught) {
      showError(describeError(caught, messages));
      setPending(false);
    }
  }

  function handleKeyDown(event: KeyboardEvent<HTMLFormElement>): void {
    if (event.key === 'Escape') {
      event.preventDefault();
      props.onCancel();
    }
  }

  const describedBy = [promptId];
  if (props.isLastDevice) {
    describedBy.push(warningId);
  }
  if (error !== null) {
    describedBy.push(errorId);
  }

  return (
    <form
      className="remove-form"
      noValidate
      onSubmit={(event) => void handleSubmit(event)}
      onKeyDown={handleKeyDown}
    >
      <p id={promptId}>{messages.removePrompt(props.authenticator.name)}</p>
      {props.isLastDevice && (
        <p id={warningId} className="warning">
          {messages.removeLastDeviceWarning}
        </p>
      )}
      <CodeField
        ref={codeInputRef}
        value={code}
        onChange={setCode}
        invalid={error !== null}
        describedBy={describedBy.join(' ')}
      />
      <ErrorAlert key={attempt} id={errorId} message={error} />
      <div className="actions">
        <button type="submit" className="danger" disabled={pending}>
          {messages.removeDevice}
        </button>
        <button type="button" onClick={props.onCancel}>
          {messages.cancel}
        </button>
      </div>
    </form>
  );
}
