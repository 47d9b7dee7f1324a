import { useId, useRef } from 'react';
import type { ConsoleApi } from '../api/client';
import type { Authenticator } from '../api/types';
import { useLocale } from '../locale';
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
  const { messages } = useLocale();

  if (props.authenticators.length === 0) {
    return <p>{messages.noDevices}</p>;
  }

  return (
    <table className="device-table">
      <thead>
        <tr>
          <th scope="col">{messages.columnName}</th>
          <th scope="col">{messages.columnAdded}</th>
          <th scope="col">{messages.columnLastUsed}</th>
          <th scope="col">
            <span className="visually-hidden">{messages.columnActions}</span>
          </th>
        </tr>
      </thead>
      <tbody>
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
      </tbody>
    </table>
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
  const { messages, formatDateTime } = useLocale();
  const nameId = useId();
  const formRowId = useId();
  const removeButtonRef = useRef<HTMLButtonElement>(null);
  const { authenticator } = props;

  function cancelRemoval(): void {
    props.onRemoveCancel();
    removeButtonRef.current?.focus();
  }

  return (
    <>
      <tr>
        <th scope="row" id={nameId}>
          {authenticator.name}
        </th>
        <td>
          <time dateTime={new Date(authenticator.confirmedAt).toISOString()}>
            {formatDateTime(authenticator.confirmedAt)}
          </time>
        </td>
        <td>
          {authenticator.lastUsedAt === null ? (
            messages.neverUsed
          ) : (
            <time dateTime={new Date(authenticator.lastUsedAt).toISOString()}>
              {formatDateTime(authenticator.lastUsedAt)}
            </time>
          )}
        </td>
        <td>
          <button
            ref={removeButtonRef}
            type="button"
            aria-describedby={nameId}
            aria-expanded={props.removing}
            aria-controls={props.removing ? formRowId : undefined}
            onClick={() => props.onRemoveToggle(authenticator.id)}
          >
            {messages.remove}
          </button>
        </td>
      </tr>
      {props.removing && (
        <tr id={formRowId} className="remove-row">
          <td colSpan={4}>
            <RemoveDeviceForm
              api={props.api}
              authenticator={authenticator}
              isLastDevice={props.isLastDevice}
              onRemoved={props.onRemoved}
              onCancel={cancelRemoval}
            />
          </td>
        </tr>
      )}
    </>
  );
}
