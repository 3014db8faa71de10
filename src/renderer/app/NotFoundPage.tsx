import { Link } from 'react-router';
import { PageHeading } from '../components/PageHeading';

export function NotFoundPage() {
  return (
    <div className="page page-narrow">
      <PageHeading title="Page not found" />
      <p>There is no screen at this address. It may have been mistyped or moved.</p>
      <p>
        <Link to="/">Go to your start page</Link>
      </p>
    </div>
  );
}
