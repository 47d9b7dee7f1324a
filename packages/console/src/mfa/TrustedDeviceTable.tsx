import { useId } from 'react';
import type { TrustedDevice } from '../api/types';
import { useMessages } from '../locale';
import { ActionTable } from '../ui/ActionTable';
import { DateTime } from '../ui/DateTime';

interface TrustedDeviceTableProps {
  devices: TrustedDevice[];
  /** Whether a change is running, which disables the buttons until it ends. */
  pending: boolean;
  onForget: (device: TrustedDevice) => void;
}

/**
 * Renders trusted devices with the time each was remembered, last used and stops being trusted.
 * Two browsers of the same kind share a description, so the times tell them apart.
 */
export function TrustedDeviceTable(props: TrustedDeviceTableProps) {
  const messages = useMessages();

  return (
    <ActionTable
      className="device-table"
      columns={[
        messages.columnBrowser,
        messages.columnFirstUsed,
        messages.columnLastUsed,
        messages.columnExpires,
      ]}
    >
      {props.devices.map((device) => (
        <TrustedDeviceRow
          key={device.id}
          device={device}
          pending={props.pending}
          onForget={props.onForget}
        />
      ))}
    </ActionTable>
  );
}

function TrustedDeviceRow(props: {
  device: TrustedDevice;
  pending: boolean;
  onForget: (device: TrustedDevice) => void;
}) {
  const messages = useMessages();
  const descriptionId = useId();
  const { device } = props;

  return (
    <tr>
      <th scope="row" id={descriptionId}>
        {device.description}
      </th>
      <td>
        <DateTime epochMs={device.createdAt} />
      </td>
      <td>
        <DateTime epochMs={device.lastUsedAt} />
      </td>
      <td>
        <DateTime epochMs={device.expiresAt} />
      </td>
      <td>
        <button
          type="button"
          aria-describedby={descriptionId}
          disabled={props.pending}
          onClick={() => props.onForget(device)}
        >
          {messages.forget}
        </button>
      </td>
    </tr>
  );
}
