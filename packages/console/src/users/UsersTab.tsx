import { useCallback, useState, type SubmitEvent } from 'react';
import type { ConsoleApi } from '../api/client';
import type { User, UserPage } from '../api/types';
import { useMessages } from '../locale';
import { Link, useArrivalAnnouncement, userPath } from '../routing';
import { DateTime } from '../ui/DateTime';
import { TextField } from '../ui/TextField';
import { LoadStatus, useLoad } from '../ui/useLoad';

const pageSize = 20;

interface UserSearchState {
  query: string;
  page: number;
}

/**
 * Lists the app's users, 20 to a page, with a search by email. The search and page are kept in
 * the address with replaceState, so Back from a user's page returns to the same results.
 */
export function UsersTab(props: { api: ConsoleApi; appId: string }) {
  const { api, appId } = props;
  const messages = useMessages();
  const [search, setSearch] = useState<UserSearchState>(readSearchFromAddress);
  const [typedQuery, setTypedQuery] = useState(search.query);
  const [announcement] = useArrivalAnnouncement();
  const users = useLoad(
    useCallback(
      () => api.listUsers(appId, { query: search.query, page: search.page, pageSize }),
      [api, appId, search],
    ),
  );

  function changeSearch(next: UserSearchState): void {
    setSearch(next);
    writeSearchToAddress(next);
  }

  function handleSearch(event: SubmitEvent<HTMLFormElement>): void {
    event.preventDefault();
    changeSearch({ query: typedQuery.trim(), page: 1 });
  }

  return (
    <>
      <h2>{messages.tabUsers}</h2>
      <p role="status" className="announcement">
        {announcement}
      </p>
      <form role="search" className="search-form" onSubmit={handleSearch}>
        <TextField
          type="search"
          label={messages.searchUsersLabel}
          name="query"
          value={typedQuery}
          onChange={setTypedQuery}
        />
        <button type="submit">{messages.search}</button>
      </form>
      <LoadStatus state={users.state} onRetry={users.retry} />
      {users.state.kind === 'loaded' && (
        <UserResults
          result={users.state.value}
          appId={appId}
          query={search.query}
          pending={users.pending}
          onPageChange={(page) => changeSearch({ ...search, page })}
        />
      )}
    </>
  );
}

interface UserResultsProps {
  result: UserPage;
  appId: string;
  query: string;
  pending: boolean;
  onPageChange: (page: number) => void;
}

function UserResults(props: UserResultsProps) {
  const messages = useMessages();
  const { result } = props;

  if (result.total === 0) {
    return (
      <p role="status">
        {props.query === '' ? messages.noUsers : messages.noUsersMatch(props.query)}
      </p>
    );
  }

  const first = (result.page - 1) * result.pageSize + 1;
  const last = first + result.users.length - 1;
  const pageCount = Math.ceil(result.total / result.pageSize);

  return (
    <>
      <p role="status">
        {result.users.length === 0
          ? messages.usersPageEmpty
          : messages.usersRange(first, last, result.total)}
      </p>
      {result.users.length > 0 && <UserTable users={result.users} appId={props.appId} />}
      <nav aria-label={messages.userPages} className="actions">
        <PageButton
          label={messages.previousPage}
          disabled={props.pending || result.page <= 1}
          onClick={() => props.onPageChange(result.page - 1)}
        />
        <PageButton
          label={messages.nextPage}
          disabled={props.pending || result.page >= pageCount}
          onClick={() => props.onPageChange(result.page + 1)}
        />
      </nav>
    </>
  );
}

/**
 * Renders a paging button. It is marked aria-disabled rather than disabled, so that pressing Next
 * onto the last page leaves focus on the button instead of dropping it to the page body.
 */
function PageButton(props: { label: string; disabled: boolean; onClick: () => void }) {
  return (
    <button
      type="button"
      aria-disabled={props.disabled}
      onClick={() => {
        if (!props.disabled) {
          props.onClick();
        }
      }}
    >
      {props.label}
    </button>
  );
}

function UserTable(props: { users: User[]; appId: string }) {
  const messages = useMessages();

  return (
    <table className="data-table">
      <thead>
        <tr>
          <th scope="col">{messages.columnEmail}</th>
          <th scope="col">{messages.columnMfa}</th>
          <th scope="col">{messages.columnDevices}</th>
          <th scope="col">{messages.columnCreated}</th>
        </tr>
      </thead>
      <tbody>
        {props.users.map((user) => (
          <tr key={user.id}>
            <th scope="row">
              <Link to={userPath(props.appId, user.id)}>{user.email}</Link>
            </th>
            <td>{user.mfa.enabled ? messages.mfaEnabledShort : messages.mfaDisabledShort}</td>
            <td>
              {user.mfa.authenticators.length === 0
                ? messages.noDevicesShort
                : user.mfa.authenticators
                    .map((authenticator) => authenticator.name)
                    .join(messages.listSeparator)}
            </td>
            <td>
              <DateTime epochMs={user.createdAt} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function readSearchFromAddress(): UserSearchState {
  const params = new URLSearchParams(window.location.search);
  const page = Number(params.get('page'));
  return {
    query: params.get('query') ?? '',
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

function writeSearchToAddress(search: UserSearchState): void {
  const params = new URLSearchParams();
  if (search.query !== '') {
    params.set('query', search.query);
  }
  if (search.page > 1) {
    params.set('page', String(search.page));
  }
  const query = params.toString();
  const address = query === '' ? window.location.pathname : `${window.location.pathname}?${query}`;
  window.history.replaceState(window.history.state, '', address);
}
