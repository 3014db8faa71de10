import { Navigate } from 'react-router';
import { navItemsFor } from './navigation';
import { useSignedIn } from './sign-in-context';

/** Each role starts on the first screen of its menu. */
export function HomeRedirect() {
  const { user } = useSignedIn();
  const first = navItemsFor(user.role)[0];
  return <Navigate to={first?.to ?? '/patients'} replace />;
}
