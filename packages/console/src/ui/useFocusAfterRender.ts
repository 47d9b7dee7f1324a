import { useCallback, useEffect, useRef, type RefObject } from 'react';

/**
 * Returns a ref and a function that focuses the ref's element after the next render. A button
 * that a form replaced while open gets focus back this way, once the render has restored it.
 */
export function useFocusAfterRender<T extends HTMLElement>(): [RefObject<T | null>, () => void] {
  const ref = useRef<T>(null);
  const requested = useRef(false);

  useEffect(() => {
    if (requested.current) {
      requested.current = false;
      ref.current?.focus();
    }
  });

  const requestFocus = useCallback(() => {
    requested.current = true;
  }, []);

  return [ref, requestFocus];
}
