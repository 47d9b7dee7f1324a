import type { Account } from '../api/types';
import { useMessages } from '../locale';
import { Link, paths } from '../routing';
import { PageHeading } from '../ui/PageHeading';

export function HomePage(props: { account: Account }) {
  const messages = useMessages();

  return (
    <>
      <PageHeading>{messages.homeHeading}</PageHeading>
      <p>{messages.homeSignedInAs(props.account.email)}</p>
      <p>{messages.homeIntro}</p>
      <p>
        <Link to={paths.mfa}>{messages.mfaSetting}</Link>
      </p>
    </>
  );
}
