import { useMessages } from '../locale';
import { Link, paths } from '../routing';
import { PageHeading } from '../ui/PageHeading';

export function NotFoundPage() {
  const messages = useMessages();

  return (
    <>
      <PageHeading>{messages.notFoundHeading}</PageHeading>
      <p>{messages.notFoundBody}</p>
      <p>
        <Link to={paths.home}>{messages.goHome}</Link>
      </p>
    </>
  );
}
