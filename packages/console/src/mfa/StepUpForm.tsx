import {
  useCallback,
  useEffect,
  useId,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
  type Ref,
  type SubmitEvent,
} from 'react';
import type { ConsoleApi } from '../api/client';
import { describeError } from '../api/errors';
import type { StepUp } from '../api/types';
import { useMessages } from '../locale';
import { ErrorAlert } from '../ui/ErrorAlert';
import { CodeField } from './CodeField';
import { normalizeCode } from './code';
import { isStepUpRejection } from './stepUpErrors';

type StepUpMethod =
  | { kind: 'loading' }
  | { kind: 'failed'; message: string }
  | { kind: 'code' }
  | { kind: 'password' };

interface StepUpFormProps {
  api: ConsoleApi;
  /** Explanation of the action, shown before the fields and linked to the step-up field. */
  description: string;
  submitLabel: string;
  /** Whether the submit button is styled as a destructive action. */
  danger?: boolean;
  /** Fields of the action itself, such as a name, placed before the step-up field. */
  children?: ReactNode;
  /** Checks the action's own fields, and returns the message to show instead of sending, or null. */
  validate?: () => string | null;
  /** Runs the action with the step-up. The form shows any error it raises and stays open. */
  onConfirm: (stepUp: StepUp) => Promise<void>;
  onCancel: () => void;
}

/**
 * Requests step-up before a sensitive change. It is the account's current 6-digit code when its
 * MFA is on, or its password when it has no authenticator yet. The server requires step-up however
 * recent the sign-in is. Escape cancels the form.
 */
export function StepUpForm(props: StepUpFormProps) {
  const { api } = props;
  const messages = useMessages();
  const [method, setMethod] = useState<StepUpMethod>({ kind: 'loading' });
  const [credential, setCredential] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [credentialInvalid, setCredentialInvalid] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [pending, setPending] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const fieldsRef = useRef<HTMLDivElement>(null);
  const credentialRef = useRef<HTMLInputElement>(null);
  const descriptionId = useId();
  const errorId = useId();

  const loadMethod = useCallback(async () => {
    setMethod({ kind: 'loading' });
    try {
      const status = await api.getMfaStatus();
      setMethod({ kind: status.enabled ? 'code' : 'password' });
    } catch (caught) {
      setMethod({ kind: 'failed', message: describeError(caught, messages) });
    }
  }, [api, messages]);

  useEffect(() => {
    void loadMethod();
  }, [loadMethod]);

  useEffect(() => {
    firstInput(fieldsRef.current)?.focus();
  }, []);

  // The step-up field appears once the MFA status is known. It takes focus unless the person is
  // already typing in one of the action's own fields.
  useEffect(() => {
    if (!formRef.current?.contains(document.activeElement)) {
      credentialRef.current?.focus();
    }
  }, [method.kind]);

  function showError(message: string, focusTarget: HTMLElement | null): void {
    setError(message);
    focusTarget?.focus();
  }

  function rejectCredential(message: string): void {
    setCredential('');
    setCredentialInvalid(true);
    showError(message, credentialRef.current);
  }

  async function handleSubmit(event: SubmitEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (pending || (method.kind !== 'code' && method.kind !== 'password')) {
      return;
    }
    setAttempt(attempt + 1);
    setError(null);
    setCredentialInvalid(false);

    const fieldError = props.validate?.() ?? null;
    if (fieldError !== null) {
      showError(fieldError, firstInput(fieldsRef.current));
      return;
    }
    const stepUp = readStepUp(method.kind);
    if (stepUp === null) {
      return;
    }

    setPending(true);
    try {
      await props.onConfirm(stepUp);
    } catch (caught) {
      handleFailure(caught);
      setPending(false);
    }
  }

  /** Returns the step-up to send, or null after showing why the typed value cannot be sent. */
  function readStepUp(kind: 'code' | 'password'): StepUp | null {
    if (kind === 'password') {
      if (credential === '') {
        rejectCredential(messages.stepUpPasswordMissing);
        return null;
      }
      return { password: credential };
    }
    const code = normalizeCode(credential);
    if (code === null) {
      rejectCredential(messages.codeFormatInvalid);
      return null;
    }
    return { code };
  }

  function handleFailure(caught: unknown): void {
    const message = describeError(caught, messages);
    if (!isStepUpRejection(caught)) {
      showError(message, null);
      return;
    }
    rejectCredential(message);
    // The account's MFA may have been turned on or off since the form loaded, in another tab.
    if (caught.code === 'step_up_required') {
      void loadMethod();
    }
  }

  function handleKeyDown(event: KeyboardEvent<HTMLFormElement>): void {
    if (event.key === 'Escape') {
      event.preventDefault();
      props.onCancel();
    }
  }

  const credentialDescribedBy = [descriptionId];
  if (credentialInvalid) {
    credentialDescribedBy.push(errorId);
  }

  return (
    <form
      ref={formRef}
      className="step-up-form"
      noValidate
      onSubmit={(event) => void handleSubmit(event)}
      onKeyDown={handleKeyDown}
    >
      <p id={descriptionId}>{props.description}</p>
      {props.children !== undefined && <div ref={fieldsRef}>{props.children}</div>}

      {method.kind === 'loading' && <p>{messages.loading}</p>}
      {method.kind === 'failed' && (
        <>
          <ErrorAlert message={method.message} />
          <button type="button" onClick={() => void loadMethod()}>
            {messages.retry}
          </button>
        </>
      )}
      {method.kind === 'code' && (
        <CodeField
          ref={credentialRef}
          label={messages.stepUpCodeLabel}
          hint={messages.stepUpCodeHint}
          value={credential}
          onChange={setCredential}
          invalid={credentialInvalid}
          describedBy={credentialDescribedBy.join(' ')}
        />
      )}
      {method.kind === 'password' && (
        <PasswordField
          inputRef={credentialRef}
          value={credential}
          onChange={setCredential}
          invalid={credentialInvalid}
          describedBy={credentialDescribedBy.join(' ')}
        />
      )}

      <ErrorAlert key={attempt} id={errorId} message={error} />
      <div className="actions">
        <button
          type="submit"
          className={props.danger === true ? 'danger' : 'primary'}
          disabled={pending || method.kind === 'loading' || method.kind === 'failed'}
        >
          {props.submitLabel}
        </button>
        <button type="button" onClick={props.onCancel}>
          {messages.cancel}
        </button>
      </div>
    </form>
  );
}

interface PasswordFieldProps {
  inputRef: Ref<HTMLInputElement>;
  value: string;
  onChange: (value: string) => void;
  invalid: boolean;
  describedBy: string;
}

function PasswordField(props: PasswordFieldProps) {
  const messages = useMessages();
  const inputId = useId();
  const hintId = useId();

  return (
    <div className="field">
      <label htmlFor={inputId}>{messages.stepUpPasswordLabel}</label>
      <input
        ref={props.inputRef}
        id={inputId}
        name="password"
        type="password"
        autoComplete="current-password"
        required
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
        aria-invalid={props.invalid || undefined}
        aria-describedby={`${hintId} ${props.describedBy}`}
      />
      <p id={hintId} className="hint">
        {messages.stepUpPasswordHint}
      </p>
    </div>
  );
}

function firstInput(container: HTMLElement | null): HTMLElement | null {
  return container?.querySelector<HTMLElement>('input, textarea, select') ?? null;
}
