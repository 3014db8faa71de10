import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { MethodName } from '../../contract/methods';
import { PageHeading } from '../components/PageHeading';
import { mayCall } from './permissions';
import { useSignedIn } from './sign-in-context';

/** Shows a screen only to roles allowed to call the method it is built on. */
export function RequireRole({ method, children }: { method: MethodName; children: ReactNode }) {
  const { user } = useSignedIn();
  if (mayCall(user.role, method)) return children;
  return (
    <div className="page page-narrow">
      <PageHeading title="Not available for your role" />
      <p>This screen is not part of your role&apos;s work. If you need it, ask an administrator.</p>
      <p>
        <Link to="/">Go to your start page</Link>
      </p>
    </div>
  );
}
