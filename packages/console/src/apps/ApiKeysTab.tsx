import { useCallback, useState } from 'react';
import type { ConsoleApi } from '../api/client';
import type { ApiKey, CreatedApiKey, StepUp } from '../api/types';
import { useMessages } from '../locale';
import { StepUpForm } from '../mfa/StepUpForm';
import { OneTimeSecret } from '../ui/OneTimeSecret';
import { TextField } from '../ui/TextField';
import { useFocusAfterRender } from '../ui/useFocusAfterRender';
import { LoadStatus, useLoad } from '../ui/useLoad';
import { ApiKeyTable } from './ApiKeyTable';

// One form at a time, so the page never shows two step-up fields with the same label.
type OpenForm =
  | { kind: 'create' }
  | { kind: 'created'; created: CreatedApiKey }
  | { kind: 'revoke'; keyId: string }
  | null;

/** Lists the app's API keys, creates one after step-up and shows it once, and revokes keys. */
export function ApiKeysTab(props: { api: ConsoleApi; appId: string }) {
  const { api, appId } = props;
  const messages = useMessages();
  const apiKeys = useLoad(useCallback(() => api.listApiKeys(appId), [api, appId]));
  const [openForm, setOpenForm] = useState<OpenForm>(null);
  const [announcement, setAnnouncement] = useState('');
  const [createButtonRef, focusCreateButton] = useFocusAfterRender<HTMLButtonElement>();

  function showCreated(created: CreatedApiKey): void {
    setOpenForm({ kind: 'created', created });
    apiKeys.reload();
  }

  function closeCreateForm(): void {
    focusCreateButton();
    setOpenForm(null);
  }

  function toggleRevokeForm(keyId: string): void {
    setAnnouncement('');
    const isOpen = openForm?.kind === 'revoke' && openForm.keyId === keyId;
    setOpenForm(isOpen ? null : { kind: 'revoke', keyId });
  }

  function handleRevoked(apiKey: ApiKey): void {
    focusCreateButton();
    setOpenForm(null);
    setAnnouncement(messages.apiKeyRevoked(apiKey.name));
    apiKeys.reload();
  }

  return (
    <>
      <h2>{messages.tabApiKeys}</h2>
      <p>{messages.apiKeysIntro}</p>
      <p role="status" className="announcement">
        {announcement}
      </p>
      <LoadStatus state={apiKeys.state} onRetry={apiKeys.retry} />
      {apiKeys.state.kind === 'loaded' && (
        <ApiKeyTable
          api={api}
          appId={appId}
          apiKeys={apiKeys.state.value}
          revokingId={openForm?.kind === 'revoke' ? openForm.keyId : null}
          onRevokeToggle={toggleRevokeForm}
          onRevokeCancel={() => setOpenForm(null)}
          onRevoked={handleRevoked}
        />
      )}
      {openForm?.kind === 'create' && (
        <CreateApiKeyForm
          api={api}
          appId={appId}
          onCreated={showCreated}
          onCancel={closeCreateForm}
        />
      )}
      {openForm?.kind === 'created' && (
        <>
          <p className="announcement">{messages.apiKeyCreated(openForm.created.apiKey.name)}</p>
          <OneTimeSecret
            label={messages.apiKeyLabel}
            value={openForm.created.key}
            copyLabel={messages.copyApiKey}
            onDone={closeCreateForm}
          />
        </>
      )}
      {openForm?.kind !== 'create' && openForm?.kind !== 'created' && (
        <button
          ref={createButtonRef}
          type="button"
          className="primary"
          onClick={() => {
            setAnnouncement('');
            setOpenForm({ kind: 'create' });
          }}
        >
          {messages.createApiKey}
        </button>
      )}
    </>
  );
}

interface CreateApiKeyFormProps {
  api: ConsoleApi;
  appId: string;
  onCreated: (created: CreatedApiKey) => void;
  onCancel: () => void;
}

function CreateApiKeyForm(props: CreateApiKeyFormProps) {
  const messages = useMessages();
  const [name, setName] = useState('');
  const [nameInvalid, setNameInvalid] = useState(false);

  function checkName(): string | null {
    const missing = name.trim() === '';
    setNameInvalid(missing);
    return missing ? messages.apiKeyNameMissing : null;
  }

  async function create(stepUp: StepUp): Promise<void> {
    props.onCreated(await props.api.createApiKey(props.appId, name.trim(), stepUp));
  }

  return (
    <StepUpForm
      api={props.api}
      description={messages.createApiKeyPrompt}
      submitLabel={messages.createApiKey}
      validate={checkName}
      onConfirm={create}
      onCancel={props.onCancel}
    >
      <TextField
        label={messages.apiKeyNameLabel}
        hint={messages.apiKeyNameHint}
        value={name}
        onChange={setName}
        invalid={nameInvalid}
      />
    </StepUpForm>
  );
}
