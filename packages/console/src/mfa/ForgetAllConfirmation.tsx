import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import { useMessages } from '../locale';

interface ForgetAllConfirmationProps {
  count: number;
  pending: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * Asks before every trusted device is forgotten. Focus starts on "Cancel", the choice that
 * changes nothing, and Escape cancels too.
 */
export function ForgetAllConfirmation(props: ForgetAllConfirmationProps) {
  const messages = useMessages();
  const promptId = useId();
  const cancelButtonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    cancelButtonRef.current?.focus();
  }, []);

  function handleKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    if (event.key === 'Escape') {
      event.preventDefault();
      props.onCancel();
    }
  }

  return (
    <div
      role="group"
      aria-labelledby={promptId}
      className="forget-all-confirmation"
      onKeyDown={handleKeyDown}
    >
      <p id={promptId}>{messages.forgetAllPrompt(props.count)}</p>
      <div className="actions">
        <button type="button" className="danger" disabled={props.pending} onClick={props.onConfirm}>
          {messages.forgetAllConfirm}
        </button>
        <button ref={cancelButtonRef} type="button" onClick={props.onCancel}>
          {messages.cancel}
        </button>
      </div>
    </div>
  );
}
