import { useId, type Ref } from 'react';
import { useMessages } from '../locale';

interface CodeFieldProps {
  /** Defaults to "6-digit code". */
  label?: string;
  /** A sentence under the input, such as where to find the code. */
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  invalid: boolean;
  /** Ids of the elements that explain the field, such as its error. */
  describedBy?: string;
  ref?: Ref<HTMLInputElement>;
}

/** Renders the labelled input for a 6-digit TOTP code. */
export function CodeField(props: CodeFieldProps) {
  const messages = useMessages();
  const inputId = useId();
  const hintId = useId();
  const describedBy = [props.hint === undefined ? '' : hintId, props.describedBy ?? '']
    .filter((id) => id !== '')
    .join(' ');

  return (
    <div className="field">
      <label htmlFor={inputId}>{props.label ?? messages.codeLabel}</label>
      <input
        ref={props.ref}
        id={inputId}
        name="code"
        type="text"
        className="code-input"
        inputMode="numeric"
        autoComplete="one-time-code"
        spellCheck={false}
        required
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
        aria-invalid={props.invalid || undefined}
        aria-describedby={describedBy === '' ? undefined : describedBy}
      />
      {props.hint !== undefined && (
        <p id={hintId} className="hint">
          {props.hint}
        </p>
      )}
    </div>
  );
}
