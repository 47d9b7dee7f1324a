import type { ClientType } from '../api/types';
import { useMessages } from '../locale';
import type { Messages } from '../messages';
import { CheckboxField, RadioGroup } from '../ui/Choices';
import { TextAreaField, TextField } from '../ui/TextField';
import { parseUrlList } from './urls';

// Fields shared by the new-app form and the app's edit form.

export function ClientTypeField(props: {
  value: ClientType;
  onChange: (clientType: ClientType) => void;
}) {
  const messages = useMessages();

  return (
    <RadioGroup
      legend={messages.columnClientType}
      value={props.value}
      onChange={props.onChange}
      options={[
        {
          value: 'confidential',
          label: messages.clientTypeConfidential,
          hint: messages.clientTypeConfidentialHint,
        },
        { value: 'public', label: messages.clientTypePublic, hint: messages.clientTypePublicHint },
      ]}
    />
  );
}

export function SignupField(props: { checked: boolean; onChange: (checked: boolean) => void }) {
  const messages = useMessages();

  return (
    <CheckboxField
      label={messages.signupLabel}
      hint={messages.signupHint}
      checked={props.checked}
      onChange={props.onChange}
    />
  );
}

/** The registration fields as typed, with URLs one per line. */
export interface RegistrationDraft {
  name: string;
  redirectUris: string;
  postLogoutRedirectUris: string;
}

export type RegistrationField = keyof RegistrationDraft;

export type RegistrationCheck =
  | { kind: 'valid'; name: string; redirectUris: string[]; postLogoutRedirectUris: string[] }
  | { kind: 'invalid'; field: RegistrationField; message: string };

/** Checks the typed name and URLs, and returns them trimmed and parsed. */
export function checkRegistration(draft: RegistrationDraft, messages: Messages): RegistrationCheck {
  const name = draft.name.trim();
  if (name === '') {
    return { kind: 'invalid', field: 'name', message: messages.appNameMissing };
  }
  const redirects = parseUrlList(draft.redirectUris);
  if (redirects.kind === 'invalid') {
    return {
      kind: 'invalid',
      field: 'redirectUris',
      message: messages.urlInvalid(redirects.value),
    };
  }
  const postLogout = parseUrlList(draft.postLogoutRedirectUris);
  if (postLogout.kind === 'invalid') {
    const message = messages.urlInvalid(postLogout.value);
    return { kind: 'invalid', field: 'postLogoutRedirectUris', message };
  }
  return {
    kind: 'valid',
    name,
    redirectUris: redirects.urls,
    postLogoutRedirectUris: postLogout.urls,
  };
}

interface RegistrationFieldsProps {
  draft: RegistrationDraft;
  onChange: (draft: RegistrationDraft) => void;
  invalidField: RegistrationField | null;
  /** Id of the form's error message. */
  errorId: string;
}

/**
 * Renders the name and URL fields. Each input's `name` is its draft key, so a form can focus the
 * invalid one through `form.elements`.
 */
export function RegistrationFields(props: RegistrationFieldsProps) {
  const messages = useMessages();
  const { draft } = props;
  const fieldProps = (field: RegistrationField) => ({
    name: field,
    value: draft[field],
    onChange: (value: string) => props.onChange({ ...draft, [field]: value }),
    invalid: props.invalidField === field,
    errorId: props.errorId,
  });

  return (
    <>
      <TextField
        label={messages.appNameLabel}
        hint={messages.appNameHint}
        {...fieldProps('name')}
      />
      <TextAreaField
        label={messages.redirectUrisLabel}
        hint={messages.redirectUrisHint}
        {...fieldProps('redirectUris')}
      />
      <TextAreaField
        label={messages.postLogoutRedirectUrisLabel}
        hint={messages.postLogoutRedirectUrisHint}
        {...fieldProps('postLogoutRedirectUris')}
      />
    </>
  );
}

/** Focuses a form's input by its `name`. */
export function focusNamedField(form: HTMLFormElement | null, name: string): void {
  const element = form?.elements.namedItem(name);
  if (element instanceof HTMLElement) {
    element.focus();
  }
}
