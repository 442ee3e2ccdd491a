import { Link } from 'react-router-dom';
import { uiMessages } from '../../shared/index';
import { PageHeading } from '../ui/PageHeading';
import { useTitle } from '../ui/use-title';

export function NotFoundPage() {
  useTitle(uiMessages.app.notFound);
  return (
    <div>
      <PageHeading>{uiMessages.app.notFound}</PageHeading>
      <Link to="/search">{uiMessages.app.backToSearch}</Link>
    </div>
  );
}
