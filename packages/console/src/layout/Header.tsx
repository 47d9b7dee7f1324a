import { useMessages } from '../locale';
import { Link, paths } from '../routing';
import { ErrorAlert } from '../ui/ErrorAlert';
import { UserMenu } from './UserMenu';

interface HeaderProps {
  email: string;
  signingOut: boolean;
  signOutError: string | null;
  onSignOut: () => void;
}

export function Header(props: HeaderProps) {
  const messages = useMessages();

  return (
    <header className="site-header">
      <div className="site-header-bar">
        <Link to={paths.home} className="product-name">
          {messages.productName}
        </Link>
        <UserMenu email={props.email} signingOut={props.signingOut} onSignOut={props.onSignOut} />
      </div>
      <ErrorAlert message={props.signOutError} />
    </header>
  );
}
