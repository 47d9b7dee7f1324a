import { useId, useState } from 'react';
import { describeError } from '../api/errors';
import type { TrustedDevice } from '../api/types';
import { useMessages } from '../locale';
import { ErrorAlert } from '../ui/ErrorAlert';
import { useFocusAfterRender } from '../ui/useFocusAfterRender';
import { LoadStatus, type Loader } from '../ui/useLoad';
import { ForgetAllConfirmation } from './ForgetAllConfirmation';
import { TrustedDeviceTable } from './TrustedDeviceTable';
import './mfa.css';

interface TrustedDeviceSectionProps {
  /** The trusted devices, loaded by the page so that it can reload them after other changes. */
  devices: Loader<TrustedDevice[]>;
  intro: string;
  emptyText: string;
  forget: (deviceId: string) => Promise<void>;
  forgetAll: () => Promise<void>;
}

/**
 * Renders the "Trusted devices" section: the browsers that skip the code step, each with a
 * "Forget" button, and "Forget all", which requires confirmation first. Forgetting needs no
 * step-up, because it only makes the next sign-in of those browsers require a code again.
 */
export function TrustedDeviceSection(props: TrustedDeviceSectionProps) {
  const { devices } = props;
  const messages = useMessages();
  const [confirmingAll, setConfirmingAll] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [announcement, setAnnouncement] = useState('');
  const [headingRef, focusHeading] = useFocusAfterRender<HTMLHeadingElement>();
  const [forgetAllButtonRef, focusForgetAllButton] = useFocusAfterRender<HTMLButtonElement>();
  const headingId = useId();
  const list = devices.state.kind === 'loaded' ? devices.state.value : [];

  /** Runs one change, then shows its announcement, or its error and the list as it is now. */
  async function change(run: () => Promise<void>, done: () => string): Promise<void> {
    if (pending) {
      return;
    }
    setAttempt(attempt + 1);
    setError(null);
    setAnnouncement('');
    setPending(true);
    try {
      await run();
      setAnnouncement(done());
    } catch (caught) {
      setError(describeError(caught, messages));
      // A device may have expired or been forgotten in another tab since the list loaded.
      devices.reload();
    }
    setPending(false);
  }

  async function forget(device: TrustedDevice): Promise<void> {
    await change(
      () => props.forget(device.id),
      () => {
        devices.setValue(list.filter((listed) => listed.id !== device.id));
        // The row with the focused button is gone, so focus moves to the section's heading.
        focusHeading();
        return messages.trustedDeviceForgotten(device.description);
      },
    );
  }

  async function forgetAll(): Promise<void> {
    await change(props.forgetAll, () => {
      devices.setValue([]);
      setConfirmingAll(false);
      focusHeading();
      return messages.allTrustedDevicesForgotten;
    });
  }

  function cancelForgetAll(): void {
    setConfirmingAll(false);
    focusForgetAllButton();
  }

  return (
    <section className="trusted-devices" aria-labelledby={headingId}>
      <h2 id={headingId} ref={headingRef} tabIndex={-1}>
        {messages.trustedDevicesHeading}
      </h2>
      <p>{props.intro}</p>
      <p role="status" className="announcement">
        {announcement}
      </p>
      <ErrorAlert key={attempt} message={error} />
      <LoadStatus state={devices.state} onRetry={devices.retry} />
      {devices.state.kind === 'loaded' &&
        (list.length === 0 ? (
          <p>{props.emptyText}</p>
        ) : (
          <>
            <TrustedDeviceTable
              devices={list}
              pending={pending}
              onForget={(device) => void forget(device)}
            />
            {confirmingAll ? (
              <ForgetAllConfirmation
                count={list.length}
                pending={pending}
                onConfirm={() => void forgetAll()}
                onCancel={cancelForgetAll}
              />
            ) : (
              <button
                ref={forgetAllButtonRef}
                type="button"
                className="danger"
                disabled={pending}
                onClick={() => {
                  setAnnouncement('');
                  setConfirmingAll(true);
                }}
              >
                {messages.forgetAll}
              </button>
            )}
          </>
        ))}
    </section>
  );
}
