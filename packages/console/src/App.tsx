import { useCallback, useEffect, useState } from 'react';
import { createConsoleApi, fetchSession, type ConsoleApi } from './api/client';
import { describeError } from './api/errors';
import type { Session } from './api/types';
import { AppPage } from './apps/AppPage';
import { NewAppPage } from './apps/NewAppPage';
import { Header } from './layout/Header';
import { useMessages } from './locale';
import { MfaPage } from './mfa/MfaPage';
import { HomePage } from './pages/HomePage';
import { NotFoundPage } from './pages/NotFoundPage';
import { SignedOutPage } from './pages/SignedOutPage';
import { routeFor, usePathname, type Route } from './routing';
import { ErrorAlert } from './ui/ErrorAlert';
import { UserPage } from './users/UserPage';

type SessionState =
  | { kind: 'loading' }
  | { kind: 'failed'; message: string }
  | { kind: 'signedOut'; sessionEnded: boolean }
  | { kind: 'signedIn'; session: Session; api: ConsoleApi };

export function App() {
  const messages = useMessages();
  const [state, setState] = useState<SessionState>({ kind: 'loading' });

  const loadSession = useCallback(async () => {
    setState({ kind: 'loading' });
    try {
      const session = await fetchSession();
      if (session === null) {
        setState({ kind: 'signedOut', sessionEnded: false });
        return;
      }
      const endSession = () => setState({ kind: 'signedOut', sessionEnded: true });
      setState({ kind: 'signedIn', session, api: createConsoleApi(session.csrfToken, endSession) });
    } catch (error) {
      setState({ kind: 'failed', message: describeError(error, messages) });
    }
  }, [messages]);

  useEffect(() => {
    void loadSession();
  }, [loadSession]);

  switch (state.kind) {
    case 'loading':
      return (
        <main>
          <p role="status">{messages.loading}</p>
        </main>
      );
    case 'failed':
      return (
        <main>
          <ErrorAlert message={state.message} />
          <button type="button" onClick={() => void loadSession()}>
            {messages.retry}
          </button>
        </main>
      );
    case 'signedOut':
      return <SignedOutPage sessionEnded={state.sessionEnded} />;
    case 'signedIn':
      return <SignedInConsole session={state.session} api={state.api} />;
  }
}

function SignedInConsole(props: { session: Session; api: ConsoleApi }) {
  const messages = useMessages();
  const pathname = usePathname();
  const [signingOut, setSigningOut] = useState(false);
  const [signOutError, setSignOutError] = useState<string | null>(null);

  async function signOut(): Promise<void> {
    setSigningOut(true);
    setSignOutError(null);
    try {
      // The server ends the console session and returns where the browser goes next, such as the
      // provider's logout endpoint.
      window.location.assign(await props.api.signOut());
    } catch (error) {
      setSignOutError(describeError(error, messages));
      setSigningOut(false);
    }
  }

  return (
    <>
      <Header
        email={props.session.account.email}
        signingOut={signingOut}
        signOutError={signOutError}
        onSignOut={() => void signOut()}
      />
      <main>{renderRoute(routeFor(pathname), props)}</main>
    </>
  );
}

function renderRoute(route: Route, props: { session: Session; api: ConsoleApi }) {
  switch (route.kind) {
    case 'home':
      return <HomePage account={props.session.account} api={props.api} />;
    case 'mfa':
      return <MfaPage api={props.api} />;
    case 'newApp':
      return <NewAppPage api={props.api} />;
    case 'app':
      // A key per app, so that moving to another app starts from a fresh page.
      return (
        <AppPage key={route.appId} api={props.api} appId={route.appId} section={route.section} />
      );
    case 'user':
      return (
        <UserPage
          key={`${route.appId}/${route.userId}`}
          api={props.api}
          appId={route.appId}
          userId={route.userId}
        />
      );
    case 'notFound':
      return <NotFoundPage />;
  }
}
