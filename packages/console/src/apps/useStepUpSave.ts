import { useState } from 'react';
import { ApiError } from '../api/errors';
import type { StepUp } from '../api/types';

interface StepUpSaveOptions<Request, Saved> {
  /** Sends the request to the server, with step-up once the person has confirmed it. */
  send: (request: Request, stepUp?: StepUp) => Promise<Saved>;
  onSaved: (saved: Saved) => void;
  /** Shows a failure of a save without step-up other than 403 `step_up_required`. */
  onError: (caught: unknown) => void;
  /** Runs after the person cancels the step-up form, for example to move focus back. */
  onCancel: () => void;
}

/**
 * Tracks a save that may need step-up. A request that waits for step-up stays stored, so the
 * step-up form sends exactly the request the person saw in the locked fields.
 */
export function useStepUpSave<Request, Saved>(options: StepUpSaveOptions<Request, Saved>) {
  const [awaitingStepUp, setAwaitingStepUp] = useState<Request | null>(null);
  const [pending, setPending] = useState(false);

  async function send(request: Request, stepUp?: StepUp): Promise<void> {
    const saved = await options.send(request, stepUp);
    setAwaitingStepUp(null);
    options.onSaved(saved);
  }

  /** Sends the request without step-up, and keeps it for the step-up form if the server requires it. */
  async function saveWithoutStepUp(request: Request): Promise<void> {
    setPending(true);
    try {
      await send(request);
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'step_up_required') {
        setAwaitingStepUp(request);
      } else {
        options.onError(caught);
      }
    }
    setPending(false);
  }

  function cancelStepUp(): void {
    setAwaitingStepUp(null);
    options.onCancel();
  }

  return {
    /** The request waiting for step-up, or null while the step-up form is closed. */
    awaitingStepUp,
    pending,
    saveWithoutStepUp,
    /** Opens the step-up form for a request that the server always requires step-up for. */
    requireStepUp: (request: Request) => setAwaitingStepUp(request),
    /** Sends the waiting request with step-up. The step-up form shows a failure itself. */
    saveWithStepUp: send,
    cancelStepUp,
  };
}
