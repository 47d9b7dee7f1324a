import { useEffect, useId, useRef, useState } from 'react';
import { useMessages } from '../locale';

interface OneTimeSecretProps {
  /** Label of the value, such as "New client secret". */
  label: string;
  value: string;
  copyLabel: string;
  onDone: () => void;
  /** Whether the value takes focus when it appears. Defaults to true. */
  autoFocus?: boolean;
}

/**
 * Shows a secret that the server returns only once, such as a new client secret or API key, with
 * a warning to copy it now. Focusing the read-only input selects the whole value.
 */
export function OneTimeSecret(props: OneTimeSecretProps) {
  const messages = useMessages();
  const [copyStatus, setCopyStatus] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const warningId = useId();
  // The Clipboard API exists only in secure contexts: HTTPS, or a loopback host such as localhost.
  const canCopy = window.isSecureContext && 'clipboard' in navigator;

  const autoFocus = props.autoFocus ?? true;
  useEffect(() => {
    if (autoFocus) {
      inputRef.current?.focus();
    }
  }, [autoFocus]);

  async function copyValue(): Promise<void> {
    setCopyStatus('');
    try {
      await navigator.clipboard.writeText(props.value);
      setCopyStatus(messages.secretCopied);
    } catch {
      setCopyStatus(messages.secretCopyFailed);
    }
  }

  return (
    <div className="one-time-secret">
      <p id={warningId} className="warning">
        {messages.secretShownOnce}
      </p>
      <div className="field">
        <label htmlFor={inputId}>{props.label}</label>
        <input
          ref={inputRef}
          id={inputId}
          type="text"
          className="secret-value"
          readOnly
          spellCheck={false}
          autoComplete="off"
          value={props.value}
          aria-describedby={warningId}
          onFocus={(event) => event.target.select()}
        />
      </div>
      <div className="actions">
        {canCopy && (
          <button type="button" className="primary" onClick={() => void copyValue()}>
            {props.copyLabel}
          </button>
        )}
        <button type="button" onClick={props.onDone}>
          {messages.secretDone}
        </button>
      </div>
      <p role="status" className="copy-status">
        {copyStatus}
      </p>
    </div>
  );
}
