import { useState } from 'react';
import type { ConsoleApi } from '../api/client';
import type { App, StepUp } from '../api/types';
import { useMessages } from '../locale';
import { StepUpForm } from '../mfa/StepUpForm';
import { OneTimeSecret } from '../ui/OneTimeSecret';
import { useFocusAfterRender } from '../ui/useFocusAfterRender';

type View = { kind: 'idle' } | { kind: 'stepUp' } | { kind: 'regenerated'; clientSecret: string };

/**
 * Regenerates the client secret after step-up and shows the new one once. The server stores only
 * a hash, so the current secret can never be shown. A public client has no secret to regenerate.
 */
export function ClientSecretTab(props: { api: ConsoleApi; app: App }) {
  const { api, app } = props;
  const messages = useMessages();
  const [view, setView] = useState<View>({ kind: 'idle' });
  const [buttonRef, focusButton] = useFocusAfterRender<HTMLButtonElement>();

  async function regenerate(stepUp: StepUp): Promise<void> {
    const clientSecret = await api.regenerateClientSecret(app.id, stepUp);
    setView({ kind: 'regenerated', clientSecret });
  }

  function close(): void {
    focusButton();
    setView({ kind: 'idle' });
  }

  if (app.clientType === 'public') {
    return (
      <>
        <h2>{messages.tabClientSecret}</h2>
        <p>{messages.publicClientHasNoSecret}</p>
      </>
    );
  }

  return (
    <>
      <h2>{messages.tabClientSecret}</h2>
      <p>{messages.clientSecretIntro}</p>
      {view.kind === 'idle' && (
        <button
          ref={buttonRef}
          type="button"
          className="primary"
          onClick={() => setView({ kind: 'stepUp' })}
        >
          {messages.regenerateClientSecret}
        </button>
      )}
      {view.kind === 'stepUp' && (
        <StepUpForm
          api={api}
          description={messages.regeneratePrompt}
          submitLabel={messages.regenerateClientSecret}
          onConfirm={regenerate}
          onCancel={close}
        />
      )}
      {view.kind === 'regenerated' && (
        <>
          <p className="announcement">{messages.clientSecretRegenerated}</p>
          <OneTimeSecret
            label={messages.clientSecretLabel}
            value={view.clientSecret}
            copyLabel={messages.copyClientSecret}
            onDone={close}
          />
        </>
      )}
    </>
  );
}
