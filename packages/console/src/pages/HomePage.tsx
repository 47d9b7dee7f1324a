import type { ConsoleApi } from '../api/client';
import type { Account } from '../api/types';
import { AppList } from '../apps/AppList';
import { useMessages } from '../locale';
import { Link, paths, useArrivalAnnouncement } from '../routing';
import { PageHeading } from '../ui/PageHeading';

/** Renders the console home: the account's apps, and a way to protect the account itself. */
export function HomePage(props: { account: Account; api: ConsoleApi }) {
  const messages = useMessages();
  const [announcement] = useArrivalAnnouncement();

  return (
    <>
      <PageHeading>{messages.homeHeading}</PageHeading>
      <p role="status" className="announcement">
        {announcement}
      </p>
      <p>{messages.homeSignedInAs(props.account.email)}</p>
      <AppList api={props.api} />
      <h2>{messages.accountSecurityHeading}</h2>
      <p>{messages.homeMfaHint}</p>
      <p>
        <Link to={paths.mfa}>{messages.mfaSetting}</Link>
      </p>
    </>
  );
}
