import { useMessages } from '../locale';
import { PageHeading } from '../ui/PageHeading';

const signInPath = '/console/login';
const signUpPath = '/console/login?screen=signup';

/** Renders the page for a visitor without a session. Both buttons go to the hosted login pages. */
export function SignedOutPage(props: { sessionEnded: boolean }) {
  const messages = useMessages();

  return (
    <main className="signed-out">
      <PageHeading>{messages.productName}</PageHeading>
      {props.sessionEnded && <p role="status">{messages.sessionEnded}</p>}
      <p>{messages.signedOutIntro}</p>
      <div className="actions">
        <button
          type="button"
          className="primary"
          onClick={() => window.location.assign(signInPath)}
        >
          {messages.signIn}
        </button>
        <button type="button" onClick={() => window.location.assign(signUpPath)}>
          {messages.createAccount}
        </button>
      </div>
    </main>
  );
}
