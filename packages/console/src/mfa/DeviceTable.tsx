import type { ConsoleApi } from '../api/client';
import type { Authenticator } from '../api/types';
import { useMessages } from '../locale';
import { ActionTable, RowWithForm } from '../ui/ActionTable';
import { DateTime } from '../ui/DateTime';
import { RemoveDeviceForm } from './RemoveDeviceForm';

interface DeviceTableProps {
  api: ConsoleApi;
  authenticators: Authenticator[];
  /** The device whose remove form is open, if any. */
  removingId: string | null;
  onRemoveToggle: (authenticatorId: string) => void;
  onRemoveCancel: () => void;
  onRemoved: (authenticator: Authenticator) => void;
}

export function DeviceTable(props: DeviceTableProps) {
  const messages = useMessages();

  if (props.authenticators.length === 0) {
    return <p>{messages.noDevices}</p>;
  }

  return (
    <ActionTable
      className="device-table"
      columns={[messages.columnName, messages.columnAdded, messages.columnLastUsed]}
    >
      {props.authenticators.map((authenticator) => (
        <DeviceRows
          key={authenticator.id}
          api={props.api}
          authenticator={authenticator}
          removing={props.removingId === authenticator.id}
          isLastDevice={props.authenticators.length === 1}
          onRemoveToggle={props.onRemoveToggle}
          onRemoveCancel={props.onRemoveCancel}
          onRemoved={props.onRemoved}
        />
      ))}
    </ActionTable>
  );
}

interface DeviceRowsProps {
  api: ConsoleApi;
  authenticator: Authenticator;
  removing: boolean;
  isLastDevice: boolean;
  onRemoveToggle: (authenticatorId: string) => void;
  onRemoveCancel: () => void;
  onRemoved: (authenticator: Authenticator) => void;
}

/**
 * Renders a device's row, and below it a row with its remove form while that form is open. The
 * Added column shows when the first code confirmed the device, because it counts for sign-in since.
 */
function DeviceRows(props: DeviceRowsProps) {
  const messages = useMessages();
  const { authenticator } = props;

  return (
    <RowWithForm
      heading={authenticator.name}
      cells={
        <>
          <td>
            <DateTime epochMs={authenticator.confirmedAt} />
          </td>
          <td>
            {authenticator.lastUsedAt === null ? (
              messages.neverUsed
            ) : (
              <DateTime epochMs={authenticator.lastUsedAt} />
            )}
          </td>
        </>
      }
      actionLabel={messages.remove}
      formOpen={props.removing}
      formRowClassName="remove-row"
      columnCount={4}
      onToggle={() => props.onRemoveToggle(authenticator.id)}
      onCancel={props.onRemoveCancel}
      renderForm={(cancel) => (
        <RemoveDeviceForm
          api={props.api}
          authenticator={authenticator}
          isLastDevice={props.isLastDevice}
          onRemoved={props.onRemoved}
          onCancel={cancel}
        />
      )}
    />
  );
}
