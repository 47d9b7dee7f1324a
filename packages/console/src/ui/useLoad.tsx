import { useCallback, useEffect, useRef, useState } from 'react';
import { describeError } from '../api/errors';
import { useMessages } from '../locale';
import { ErrorAlert } from './ErrorAlert';

export type LoadState<T> =
  { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'loaded'; value: T };

export interface Loader<T> {
  state: LoadState<T>;
  /** True while a request runs, including a reload that keeps the previous value on screen. */
  pending: boolean;
  /** Loads again and keeps the current value on screen until the new one arrives. */
  reload: () => void;
  /** Loads again after a failure, showing the loading text meanwhile. */
  retry: () => void;
  /** Replaces the value with one that a change returned, such as an updated app. */
  setValue: (value: T) => void;
}

/**
 * Runs `load` on mount and whenever it changes, which a caller controls with useCallback. Only the
 * latest request sets the state, so a slow response to an older search never replaces a newer one.
 */
export function useLoad<T>(load: () => Promise<T>): Loader<T> {
  const messages = useMessages();
  const [state, setState] = useState<LoadState<T>>({ kind: 'loading' });
  const [pending, setPending] = useState(true);
  const latestRequest = useRef(0);

  const run = useCallback(async () => {
    latestRequest.current += 1;
    const request = latestRequest.current;
    setPending(true);
    let next: LoadState<T>;
    try {
      next = { kind: 'loaded', value: await load() };
    } catch (error) {
      next = { kind: 'failed', message: describeError(error, messages) };
    }
    if (request === latestRequest.current) {
      setState(next);
      setPending(false);
    }
  }, [load, messages]);

  useEffect(() => {
    void run();
  }, [run]);

  const retry = useCallback(() => {
    setState({ kind: 'loading' });
    void run();
  }, [run]);

  const setValue = useCallback((value: T) => setState({ kind: 'loaded', value }), []);

  return { state, pending, reload: () => void run(), retry, setValue };
}

/** Renders the loading text, or a failed load's error with a retry button, or nothing. */
export function LoadStatus(props: { state: LoadState<unknown>; onRetry: () => void }) {
  const messages = useMessages();

  if (props.state.kind === 'loading') {
    return <p>{messages.loading}</p>;
  }
  if (props.state.kind === 'failed') {
    return (
      <>
        <ErrorAlert message={props.state.message} />
        <button type="button" onClick={props.onRetry}>
          {messages.retry}
        </button>
      </>
    );
  }
  return null;
}
