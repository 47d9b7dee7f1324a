import type { ConsoleApi } from '../api/client';
import type { ApiKey, StepUp } from '../api/types';
import { useMessages } from '../locale';
import { StepUpForm } from '../mfa/StepUpForm';
import { ActionTable, RowWithForm } from '../ui/ActionTable';
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
    <ActionTable
      className="data-table"
      columns={[
        messages.columnName,
        messages.columnKey,
        messages.columnCreated,
        messages.columnLastUsed,
      ]}
    >
      {props.apiKeys.map((apiKey) => (
        <ApiKeyRows
          key={apiKey.id}
          {...props}
          apiKey={apiKey}
          revoking={props.revokingId === apiKey.id}
        />
      ))}
    </ActionTable>
  );
}

interface ApiKeyRowsProps extends ApiKeyTableProps {
  apiKey: ApiKey;
  revoking: boolean;
}

/** Renders a key's row, and below it a row with its revoke form while that form is open. */
function ApiKeyRows(props: ApiKeyRowsProps) {
  const messages = useMessages();
  const { apiKey } = props;

  async function revoke(stepUp: StepUp): Promise<void> {
    await props.api.revokeApiKey(props.appId, apiKey.id, stepUp);
    props.onRevoked(apiKey);
  }

  return (
    <RowWithForm
      heading={apiKey.name}
      cells={
        <>
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
        </>
      }
      actionLabel={messages.revoke}
      formOpen={props.revoking}
      formRowClassName="form-row"
      columnCount={5}
      onToggle={() => props.onRevokeToggle(apiKey.id)}
      onCancel={props.onRevokeCancel}
      renderForm={(cancel) => (
        <StepUpForm
          api={props.api}
          description={messages.revokePrompt(apiKey.name)}
          submitLabel={messages.revokeApiKey}
          danger
          onConfirm={revoke}
          onCancel={cancel}
        />
      )}
    />
  );
}
