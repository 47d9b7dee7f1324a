import { useId, type Ref } from 'react';

interface FieldProps {
  label: string;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  invalid?: boolean;
  /** Id of the form's error message, which describes the field while it is invalid. */
  errorId?: string;
  name?: string;
  autoComplete?: string;
}

interface TextFieldProps extends FieldProps {
  type?: 'text' | 'search' | 'email';
  ref?: Ref<HTMLInputElement>;
}

interface TextAreaFieldProps extends FieldProps {
  rows?: number;
  ref?: Ref<HTMLTextAreaElement>;
}

function describedBy(props: FieldProps, hintId: string): string | undefined {
  const ids: string[] = [];
  if (props.hint !== undefined) {
    ids.push(hintId);
  }
  if (props.invalid === true && props.errorId !== undefined) {
    ids.push(props.errorId);
  }
  return ids.length === 0 ? undefined : ids.join(' ');
}

/** Renders a labelled text input with an optional hint below it. */
export function TextField(props: TextFieldProps) {
  const inputId = useId();
  const hintId = useId();

  return (
    <div className="field">
      <label htmlFor={inputId}>{props.label}</label>
      <input
        ref={props.ref}
        id={inputId}
        name={props.name}
        type={props.type ?? 'text'}
        autoComplete={props.autoComplete ?? 'off'}
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
        aria-invalid={props.invalid === true || undefined}
        aria-describedby={describedBy(props, hintId)}
      />
      {props.hint !== undefined && (
        <p id={hintId} className="hint">
          {props.hint}
        </p>
      )}
    </div>
  );
}

/** Renders a labelled multi-line text input with an optional hint below it. */
export function TextAreaField(props: TextAreaFieldProps) {
  const inputId = useId();
  const hintId = useId();

  return (
    <div className="field">
      <label htmlFor={inputId}>{props.label}</label>
      <textarea
        ref={props.ref}
        id={inputId}
        name={props.name}
        rows={props.rows ?? 3}
        autoComplete={props.autoComplete ?? 'off'}
        spellCheck={false}
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
        aria-invalid={props.invalid === true || undefined}
        aria-describedby={describedBy(props, hintId)}
      />
      {props.hint !== undefined && (
        <p id={hintId} className="hint">
          {props.hint}
        </p>
      )}
    </div>
  );
}
