import type { Authenticator } from '../api/types';
import { useMessages } from '../locale';
import { DateTime } from '../ui/DateTime';

/** Renders a user's devices without actions, because an admin removes them all with "Reset MFA". */
export function UserDeviceTable(props: { authenticators: Authenticator[] }) {
  const messages = useMessages();

  if (props.authenticators.length === 0) {
    return <p>{messages.userNoDevices}</p>;
  }

  return (
    <table className="data-table">
      <thead>
        <tr>
          <th scope="col">{messages.columnName}</th>
          <th scope="col">{messages.columnAdded}</th>
          <th scope="col">{messages.columnLastUsed}</th>
        </tr>
      </thead>
      <tbody>
        {props.authenticators.map((authenticator) => (
          <tr key={authenticator.id}>
            <th scope="row">{authenticator.name}</th>
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
          </tr>
        ))}
      </tbody>
    </table>
  );
}
