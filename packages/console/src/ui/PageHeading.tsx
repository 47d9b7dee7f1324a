import { useEffect, useRef, type ReactNode } from 'react';
import { takeHeadingFocusRequest } from '../routing';

/** Renders the page's h1, which takes focus after a client-side navigation to announce the page. */
export function PageHeading(props: { children: ReactNode }) {
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (takeHeadingFocusRequest()) {
      headingRef.current?.focus();
    }
  }, []);

  return (
    <h1 ref={headingRef} tabIndex={-1}>
      {props.children}
    </h1>
  );
}
