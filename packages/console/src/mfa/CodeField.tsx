import { useId, type Ref } from 'react';
import { useMessages } from '../locale';

interface CodeFieldProps {
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

  return (
    <div className="field">
      <label htmlFor={inputId}>{messages.codeLabel}</label>
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
        aria-describedby={props.describedBy}
      />
    </div>
  );
}
