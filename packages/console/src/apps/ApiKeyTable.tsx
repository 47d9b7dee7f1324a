import { useId, useRef } from 'react';
import type { ConsoleApi } from '../api/client';
import type { ApiKey, StepUp } from '../api/types';
import { useMessages } from '../locale';
import { StepUpForm } from '../mfa/StepUpForm';
import { DateTime } from '../ui/DateTime';

interface ApiKeyTableProps {
  api: ConsoleApi;
  appId: string;
  apiKeys: ApiKey[];
  /** The key whose revoke form is open, if any. */
  revokingId: string | null;
  onRevokeToggle: (keyId: string) => void;
  onRevokeCancel: () => void;
  onRevoked: (apiKey: ApiKey) => void;
}

export function ApiKeyTable(props: ApiKeyTableProps) {
  const messages = useMessages();

  if (props.apiKeys.length === 0) {
    return <p>{messages.noApiKeys}</p>;
  }

  return (
    <table className="data-table">
      <thead>
        <tr>
          <th scope="col">{messages.columnName}</th>
          <th scope="col">{messages.columnKey}</th>
          <th scope="col">{messages.columnCreated}</th>
          <th scope="col">{messages.columnLastUsed}</th>
          <th scope="col">
            <span className="visually-hidden">{messages.columnActions}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {props.apiKeys.map((apiKey) => (
          <ApiKeyRows
            key={apiKey.id}
            {...props}
            apiKey={apiKey}
            revoking={props.revokingId === apiKey.id}
          />
        ))}
      </tbody>
    </table>
  );
}

interface ApiKeyRowsProps extends ApiKeyTableProps {
  apiKey: ApiKey;
  revoking: boolean;
}

/** Renders a key's row, and below it a row with its revoke form while that form is open. */
function ApiKeyRows(props: ApiKeyRowsProps) {
  const messages = useMessages();
  const nameId = useId();
  const formRowId = useId();
  const revokeButtonRef = useRef<HTMLButtonElement>(null);
  const { apiKey } = props;

  function cancelRevoke(): void {
    props.onRevokeCancel();
    revokeButtonRef.current?.focus();
  }

  async function revoke(stepUp: StepUp): Promise<void> {
    await props.api.revokeApiKey(props.appId, apiKey.id, stepUp);
    props.onRevoked(apiKey);
  }

  return (
    <>
      <tr>
        <th scope="row" id={nameId}>
          {apiKey.name}
        </th>
        <td>
          {/* The prefix tells keys apart. The ellipsis stands for the rest, which is never shown. */}
          <code>{`${apiKey.prefix}…`}</code>
        </td>
        <td>
          <DateTime epochMs={apiKey.createdAt} />
        </td>
        <td>
          {apiKey.lastUsedAt === null ? (
            messages.neverUsed
          ) : (
            <DateTime epochMs={apiKey.lastUsedAt} />
          )}
        </td>
        <td>
          <button
            ref={revokeButtonRef}
            type="button"
            aria-describedby={nameId}
            aria-expanded={props.revoking}
            aria-controls={props.revoking ? formRowId : undefined}
            onClick={() => props.onRevokeToggle(apiKey.id)}
          >
            {messages.revoke}
          </button>
        </td>
      </tr>
      {props.revoking && (
        <tr id={formRowId} className="form-row">
          <td colSpan={5}>
            <StepUpForm
              api={props.api}
              description={messages.revokePrompt(apiKey.name)}
              submitLabel={messages.revokeApiKey}
              danger
              onConfirm={revoke}
              onCancel={cancelRevoke}
            />
          </td>
        </tr>
      )}
    </>
  );
}
