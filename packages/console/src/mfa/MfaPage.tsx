import { useCallback, useEffect, useRef, useState } from 'react';
import type { ConsoleApi } from '../api/client';
import { describeError } from '../api/errors';
import type { Authenticator, MfaStatus } from '../api/types';
import { useMessages } from '../locale';
import { ErrorAlert } from '../ui/ErrorAlert';
import { PageHeading } from '../ui/PageHeading';
import { useLoad } from '../ui/useLoad';
import { AddDeviceForm } from './AddDeviceForm';
import { DeviceTable } from './DeviceTable';
import { TrustedDeviceSection } from './TrustedDeviceSection';
import './mfa.css';

type LoadState =
  { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'loaded'; status: MfaStatus };

// One form at a time, so the page never shows two inputs labelled "6-digit code".
type OpenForm = { kind: 'add' } | { kind: 'remove'; authenticatorId: string } | null;

type FocusTarget = 'addButton' | 'devicesHeading';

/**
 * Renders the "Multi-factor Authentication Setting" page: MFA status, the devices, and the
 * trusted devices that skip the code step.
 */
export function MfaPage(props: { api: ConsoleApi }) {
  const { api } = props;
  const messages = useMessages();
  const [load, setLoad] = useState<LoadState>({ kind: 'loading' });
  const [openForm, setOpenForm] = useState<OpenForm>(null);
  const [announcement, setAnnouncement] = useState('');
  const trustedDevices = useLoad(useCallback(() => api.listTrustedDevices(), [api]));
  const addButtonRef = useRef<HTMLButtonElement>(null);
  const devicesHeadingRef = useRef<HTMLHeadingElement>(null);
  // Focus moves only after the render that removes the form, since the target may appear in it.
  const pendingFocus = useRef<FocusTarget | null>(null);

  const loadStatus = useCallback(async () => {
    try {
      setLoad({ kind: 'loaded', status: await api.getMfaStatus() });
    } catch (error) {
      setLoad({ kind: 'failed', message: describeError(error, messages) });
    }
  }, [api, messages]);

  useEffect(() => {
    void loadStatus();
  }, [loadStatus]);

  useEffect(() => {
    const target = pendingFocus.current;
    pendingFocus.current = null;
    if (target === 'addButton') {
      addButtonRef.current?.focus();
    } else if (target === 'devicesHeading') {
      devicesHeadingRef.current?.focus();
    }
  });

  function closeForm(focusTarget: FocusTarget | null): void {
    pendingFocus.current = focusTarget;
    setOpenForm(null);
  }

  function openAddForm(): void {
    setAnnouncement('');
    setOpenForm({ kind: 'add' });
  }

  function toggleRemoveForm(authenticatorId: string): void {
    setAnnouncement('');
    const isOpen = openForm?.kind === 'remove' && openForm.authenticatorId === authenticatorId;
    setOpenForm(isOpen ? null : { kind: 'remove', authenticatorId });
  }

  function handleAdded(authenticator: Authenticator): void {
    closeForm('addButton');
    setAnnouncement(messages.deviceAdded(authenticator.name));
    void loadStatus();
  }

  function handleRemoved(authenticator: Authenticator): void {
    closeForm('devicesHeading');
    setAnnouncement(messages.deviceRemoved(authenticator.name));
    void loadStatus();
    // Removing the last device turns MFA off, and the server then forgets every trusted device.
    trustedDevices.reload();
  }

  return (
    <>
      <PageHeading>{messages.mfaSetting}</PageHeading>
      <p role="status" className="announcement">
        {announcement}
      </p>
      {load.kind === 'loading' && <p>{messages.loading}</p>}
      {load.kind === 'failed' && (
        <>
          <ErrorAlert message={load.message} />
          <button type="button" onClick={() => void loadStatus()}>
            {messages.retry}
          </button>
        </>
      )}
      {load.kind === 'loaded' && (
        <>
          <p className={load.status.enabled ? 'mfa-status mfa-on' : 'mfa-status mfa-off'}>
            {load.status.enabled ? messages.mfaOn : messages.mfaOff}
          </p>
          <h2 ref={devicesHeadingRef} tabIndex={-1}>
            {messages.devicesHeading}
          </h2>
          <DeviceTable
            api={api}
            authenticators={load.status.authenticators}
            removingId={openForm?.kind === 'remove' ? openForm.authenticatorId : null}
            onRemoveToggle={toggleRemoveForm}
            onRemoveCancel={() => closeForm(null)}
            onRemoved={handleRemoved}
          />
          {openForm?.kind === 'add' ? (
            <AddDeviceForm
              api={api}
              mfaEnabled={load.status.enabled}
              onStepUpRequired={() => void loadStatus()}
              onAdded={handleAdded}
              onCancel={() => closeForm('addButton')}
            />
          ) : (
            <button ref={addButtonRef} type="button" className="primary" onClick={openAddForm}>
              {messages.addDevice}
            </button>
          )}
          <TrustedDeviceSection
            devices={trustedDevices}
            intro={messages.trustedDevicesIntro}
            emptyText={messages.noTrustedDevices}
            forget={(deviceId) => api.forgetTrustedDevice(deviceId)}
            forgetAll={() => api.forgetAllTrustedDevices()}
          />
        </>
      )}
    </>
  );
}
