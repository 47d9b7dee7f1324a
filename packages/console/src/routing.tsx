import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';

// Client-side routes on the History API. The server serves index.html for every /console/* path,
// so each of these addresses also works when loaded or reloaded directly.

export const paths = {
  home: '/console/',
  mfa: '/console/mfa',
} as const;

export type Route = 'home' | 'mfa' | 'notFound';

const navigationEvent = 'portcullis:navigate';

// Set by a navigation and read by the next page heading, which then takes focus so that screen
// reader users hear that the page changed. A first page load leaves focus where the browser put it.
let headingFocusRequested = false;

export function routeFor(pathname: string): Route {
  const trimmed = pathname.replace(/\/+$/, '');
  if (trimmed === '/console') {
    return 'home';
  }
  if (trimmed === paths.mfa) {
    return 'mfa';
  }
  return 'notFound';
}

export function navigate(path: string): void {
  if (path === window.location.pathname) {
    return;
  }
  window.history.pushState(null, '', path);
  window.scrollTo(0, 0);
  headingFocusRequested = true;
  window.dispatchEvent(new Event(navigationEvent));
}

/** Returns true once after each navigation, for the heading of the page that was navigated to. */
export function takeHeadingFocusRequest(): boolean {
  const requested = headingFocusRequested;
  headingFocusRequested = false;
  return requested;
}

function subscribe(onChange: () => void): () => void {
  function onPopState(): void {
    headingFocusRequested = true;
    onChange();
  }
  window.addEventListener('popstate', onPopState);
  window.addEventListener(navigationEvent, onChange);
  return () => {
    window.removeEventListener('popstate', onPopState);
    window.removeEventListener(navigationEvent, onChange);
  };
}

export function usePathname(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname);
}

type LinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & { to: string };

/**
 * Renders a link that changes route without reloading. A modified or non-primary click keeps the
 * browser's behaviour, such as opening a new tab.
 */
export function Link({ to, onClick, ...anchorProps }: LinkProps) {
  function handleClick(event: MouseEvent<HTMLAnchorElement>): void {
    onClick?.(event);
    const modified = event.metaKey || event.ctrlKey || event.shiftKey || event.altKey;
    if (event.defaultPrevented || event.button !== 0 || modified) {
      return;
    }
    event.preventDefault();
    navigate(to);
  }

  return <a {...anchorProps} href={to} onClick={handleClick} />;
}
