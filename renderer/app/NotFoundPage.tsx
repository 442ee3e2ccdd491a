import { Link } from 'react-router-dom';
import { adminMessages, uiMessages } from '../../shared/index';
import { PageHeading } from '../ui/PageHeading';
import { useTitle } from '../ui/use-title';
import { useSignedIn } from './context';
import { landingPath, seesCases } from './navigation';

export function NotFoundPage() {
  useTitle(uiMessages.app.notFound);
  const { user } = useSignedIn();
  return (
    <div>
      <PageHeading>{uiMessages.app.notFound}</PageHeading>
      <Link to={landingPath(user)}>{seesCases(user) ? uiMessages.app.backToSearch : adminMessages.common.toLanding}</Link>
    </div>
  );
}
