import { useId } from 'react';

export interface RadioOption<Value extends string> {
  value: Value;
  label: string;
  hint?: string;
}

interface RadioGroupProps<Value extends string> {
  legend: string;
  options: RadioOption<Value>[];
  value: Value;
  onChange: (value: Value) => void;
}

/** Renders a fieldset of radio buttons, each labelled and described by its own hint. */
export function RadioGroup<Value extends string>(props: RadioGroupProps<Value>) {
  const groupName = useId();

  return (
    <fieldset className="choices">
      <legend>{props.legend}</legend>
      {props.options.map((option) => {
        const inputId = `${groupName}-${option.value}`;
        const hintId = `${inputId}-hint`;
        return (
          <div key={option.value} className="choice">
            <input
              id={inputId}
              type="radio"
              name={groupName}
              value={option.value}
              checked={option.value === props.value}
              onChange={() => props.onChange(option.value)}
              aria-describedby={option.hint === undefined ? undefined : hintId}
            />
            <label htmlFor={inputId}>{option.label}</label>
            {option.hint !== undefined && (
              <p id={hintId} className="hint">
                {option.hint}
              </p>
            )}
          </div>
        );
      })}
    </fieldset>
  );
}

interface CheckboxFieldProps {
  label: string;
  hint?: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}

/** Renders a labelled checkbox with an optional hint below it. */
export function CheckboxField(props: CheckboxFieldProps) {
  const inputId = useId();
  const hintId = useId();

  return (
    <div className="choice">
      <input
        id={inputId}
        type="checkbox"
        checked={props.checked}
        onChange={(event) => props.onChange(event.target.checked)}
        aria-describedby={props.hint === undefined ? undefined : hintId}
      />
      <label htmlFor={inputId}>{props.label}</label>
      {props.hint !== undefined && (
        <p id={hintId} className="hint">
          {props.hint}
        </p>
      )}
    </div>
  );
}
