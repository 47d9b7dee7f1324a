import {
  useEffect,
  useState,
  useSyncExternalStore,
  type AnchorHTMLAttributes,
  type MouseEvent,
} from 'react';

// Client-side routes on the History API. The server serves index.html for every /console/* path,
// so each of these addresses also works when loaded or reloaded directly.

export const paths = {
  home: '/console/',
  mfa: '/console/mfa',
  newApp: '/console/apps/new',
} as const;

/** The tabs of an app's page, each with its own address. */
export type AppSection = 'overview' | 'clientSecret' | 'apiKeys' | 'users' | 'settings';

const appSectionSlugs: Record<AppSection, string | null> = {
  overview: null,
  clientSecret: 'client-secret',
  apiKeys: 'api-keys',
  users: 'users',
  // Advanced Settings has tabs of its own, and Authentication is the only one so far.
  settings: 'settings/authentication',
};

export type Route =
  | { kind: 'home' }
  | { kind: 'mfa' }
  | { kind: 'newApp' }
  | { kind: 'app'; appId: string; section: AppSection }
  | { kind: 'user'; appId: string; userId: string }
  | { kind: 'notFound' };

const appsPrefix = '/console/apps/';

/** Returns the address of an app's tab. Ids are opaque, so each is percent-encoded. */
export function appPath(appId: string, section: AppSection = 'overview'): string {
  const slug = appSectionSlugs[section];
  const base = appsPrefix + encodeURIComponent(appId);
  return slug === null ? base : `${base}/${slug}`;
}

export function userPath(appId: string, userId: string): string {
  return `${appsPrefix}${encodeURIComponent(appId)}/users/${encodeURIComponent(userId)}`;
}

const navigationEvent = 'portcullis:navigate';

// Set by a navigation and read by the next page heading, which then takes focus so that screen
// reader users hear that the page changed. A first page load leaves focus where the browser put it.
let headingFocusRequested = false;

// A sentence for the page that a navigation leads to, such as the result of a deletion on the
// page that no longer exists.
let pendingAnnouncement: string | null = null;

export function routeFor(pathname: string): Route {
  const trimmed = pathname.replace(/\/+$/, '');
  if (trimmed === '/console') {
    return { kind: 'home' };
  }
  if (trimmed === paths.mfa) {
    return { kind: 'mfa' };
  }
  if (trimmed === paths.newApp) {
    return { kind: 'newApp' };
  }
  if (trimmed.startsWith(appsPrefix)) {
    return appRouteFor(trimmed.slice(appsPrefix.length).split('/'));
  }
  return { kind: 'notFound' };
}

function appRouteFor(encodedSegments: string[]): Route {
  const segments = decodeSegments(encodedSegments);
  if (segments === null) {
    return { kind: 'notFound' };
  }
  const [appId, ...rest] = segments;
  const resource = rest.join('/');
  if (appId === undefined) {
    return { kind: 'notFound' };
  }
  if (rest.length === 2 && rest[0] === 'users' && rest[1] !== undefined) {
    return { kind: 'user', appId, userId: rest[1] };
  }
  if (resource === 'settings') {
    return { kind: 'app', appId, section: 'settings' };
  }
  const sections = Object.keys(appSectionSlugs) as AppSection[];
  const section = sections.find((candidate) => (appSectionSlugs[candidate] ?? '') === resource);
  return section === undefined ? { kind: 'notFound' } : { kind: 'app', appId, section };
}

/** Percent-decodes path segments, or returns null when one is empty or malformed. */
function decodeSegments(encodedSegments: string[]): string[] | null {
  try {
    const segments = encodedSegments.map((segment) => decodeURIComponent(segment));
    return segments.every((segment) => segment !== '') ? segments : null;
  } catch {
    // decodeURIComponent raises a URIError on a malformed escape such as "%E0%A4%A".
    return null;
  }
}

/**
 * Changes the route without reloading. `announcement` is a sentence for the status region of the
 * page navigated to, read there by useArrivalAnnouncement.
 */
export function navigate(path: string, options: { announcement?: string } = {}): void {
  if (path === window.location.pathname) {
    return;
  }
  pendingAnnouncement = options.announcement ?? null;
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

/** Returns the announcement of the last navigation once, or null when it had none. */
function takeAnnouncement(): string | null {
  const announcement = pendingAnnouncement;
  pendingAnnouncement = null;
  return announcement;
}

/**
 * Returns the status sentence of a page, starting with the announcement of the navigation that
 * led to it. The sentence is set after the first render, because screen readers announce a
 * change inside a role="status" element but not the text it is created with.
 */
export function useArrivalAnnouncement(): [string, (announcement: string) => void] {
  const [announcement, setAnnouncement] = useState('');

  useEffect(() => {
    const arrival = takeAnnouncement();
    if (arrival !== null) {
      setAnnouncement(arrival);
    }
  }, []);

  return [announcement, setAnnouncement];
}

function subscribe(onChange: () => void): () => void {
  function onPopState(): void {
    headingFocusRequested = true;
    pendingAnnouncement = null;
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
