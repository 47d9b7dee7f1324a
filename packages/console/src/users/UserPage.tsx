import { useCallback, useId, useState } from 'react';
import type { ConsoleApi } from '../api/client';
import type { StepUp, User } from '../api/types';
import { useMessages } from '../locale';
import { StepUpForm } from '../mfa/StepUpForm';
import { TrustedDeviceSection } from '../mfa/TrustedDeviceSection';
import { appPath, Link, navigate } from '../routing';
import { DateTime } from '../ui/DateTime';
import { PageHeading } from '../ui/PageHeading';
import { useFocusAfterRender } from '../ui/useFocusAfterRender';
import { LoadStatus, useLoad } from '../ui/useLoad';
import { UserDeviceTable } from './UserDeviceTable';
import '../apps/apps.css';

interface UserPageProps {
  api: ConsoleApi;
  appId: string;
  userId: string;
}

/**
 * Renders one user of an app with their MFA devices, "Reset MFA", their trusted devices and
 * "Delete user".
 */
export function UserPage(props: UserPageProps) {
  const { api, appId, userId } = props;
  const messages = useMessages();
  const user = useLoad(useCallback(() => api.getUser(appId, userId), [api, appId, userId]));
  const usersPath = appPath(appId, 'users');

  return (
    <>
      <p className="back-link">
        <Link to={usersPath}>{messages.backToUsers}</Link>
      </p>
      {user.state.kind === 'loading' && <LoadStatus state={user.state} onRetry={user.retry} />}
      {user.state.kind === 'failed' && (
        <>
          <PageHeading>{messages.userFallbackHeading}</PageHeading>
          <LoadStatus state={user.state} onRetry={user.retry} />
        </>
      )}
      {user.state.kind === 'loaded' && (
        <UserDetails
          api={api}
          appId={appId}
          user={user.state.value}
          usersPath={usersPath}
          onChanged={user.reload}
        />
      )}
    </>
  );
}

type OpenForm = 'resetMfa' | 'deleteUser' | null;

interface UserDetailsProps {
  api: ConsoleApi;
  appId: string;
  user: User;
  usersPath: string;
  onChanged: () => void;
}

function UserDetails(props: UserDetailsProps) {
  const { api, appId, user } = props;
  const messages = useMessages();
  const [openForm, setOpenForm] = useState<OpenForm>(null);
  const [announcement, setAnnouncement] = useState('');
  const [resetButtonRef, focusResetButton] = useFocusAfterRender<HTMLButtonElement>();
  const [deleteButtonRef, focusDeleteButton] = useFocusAfterRender<HTMLButtonElement>();
  const mfaHeadingId = useId();
  const deleteHeadingId = useId();
  const trustedDevices = useLoad(
    useCallback(() => api.listUserTrustedDevices(appId, user.id), [api, appId, user.id]),
  );

  function open(form: OpenForm): void {
    setAnnouncement('');
    setOpenForm(form);
  }

  async function resetMfa(stepUp: StepUp): Promise<void> {
    await api.resetUserMfa(appId, user.id, stepUp);
    focusResetButton();
    setOpenForm(null);
    setAnnouncement(messages.mfaResetDone(user.email));
    props.onChanged();
    // Resetting MFA also ends every trusted device of the user.
    trustedDevices.reload();
  }

  async function deleteUser(stepUp: StepUp): Promise<void> {
    await api.deleteUser(appId, user.id, stepUp);
    navigate(props.usersPath, { announcement: messages.userDeleted(user.email) });
  }

  return (
    <>
      <PageHeading>{user.email}</PageHeading>
      <p role="status" className="announcement">
        {announcement}
      </p>
      <dl className="details">
        <dt>{messages.columnCreated}</dt>
        <dd>
          <DateTime epochMs={user.createdAt} />
        </dd>
      </dl>

      <section aria-labelledby={mfaHeadingId}>
        <h2 id={mfaHeadingId}>{messages.userMfaHeading}</h2>
        <p>{user.mfa.enabled ? messages.userMfaOn : messages.userMfaOff}</p>
        <UserDeviceTable authenticators={user.mfa.authenticators} />
        {openForm === 'resetMfa' ? (
          <StepUpForm
            api={api}
            description={messages.resetMfaIntro}
            submitLabel={messages.resetMfa}
            danger
            onConfirm={resetMfa}
            onCancel={() => {
              focusResetButton();
              setOpenForm(null);
            }}
          />
        ) : (
          <>
            <p>{messages.resetMfaIntro}</p>
            <button
              ref={resetButtonRef}
              type="button"
              className="danger"
              onClick={() => open('resetMfa')}
            >
              {messages.resetMfa}
            </button>
          </>
        )}
      </section>

      <TrustedDeviceSection
        devices={trustedDevices}
        intro={messages.userTrustedDevicesIntro}
        emptyText={messages.userNoTrustedDevices}
        forget={(deviceId) => api.forgetUserTrustedDevice(appId, user.id, deviceId)}
        forgetAll={() => api.forgetAllUserTrustedDevices(appId, user.id)}
      />

      <section className="danger-zone" aria-labelledby={deleteHeadingId}>
        <h2 id={deleteHeadingId}>{messages.deleteUser}</h2>
        {openForm === 'deleteUser' ? (
          <StepUpForm
            api={api}
            description={messages.deleteUserIntro}
            submitLabel={messages.deleteUser}
            danger
            onConfirm={deleteUser}
            onCancel={() => {
              focusDeleteButton();
              setOpenForm(null);
            }}
          />
        ) : (
          <>
            <p>{messages.deleteUserIntro}</p>
            <button
              ref={deleteButtonRef}
              type="button"
              className="danger"
              onClick={() => open('deleteUser')}
            >
              {messages.deleteUser}
            </button>
          </>
        )}
      </section>
    </>
  );
}
