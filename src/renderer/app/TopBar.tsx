import { NavLink } from 'react-router';
import { roleLabels } from '../../domain/roles';
import { formatPrintedName } from '../../domain/user';
import { navItemsFor } from './navigation';
import { useSignIn, useSignedIn } from './sign-in-context';

/** On every signed-in screen: where you are, who you are, where you can go, and the way out. */
export function TopBar() {
  const { user, clinic } = useSignedIn();
  const { signOut } = useSignIn();
  return (
    <header className="topbar">
      <div className="topbar-brand">
        <span className="topbar-app">Dosing Ledger</span>
        <span className="topbar-clinic">
          <span dir="auto">{clinic.name}</span>
        </span>
      </div>
      <nav className="topbar-nav" aria-label="Main">
        <ul>
          {navItemsFor(user.role).map((item) => (
            <li key={item.to}>
              <NavLink to={item.to} className="topbar-link">
                {item.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      {/* Who is signed in, said in words: the name with its credentials, then the role. */}
      <p className="topbar-user">
        <span className="topbar-user-label">Signed in as</span>{' '}
        <span className="topbar-user-name">
          <span dir="auto">{formatPrintedName(user)}</span>
        </span>
        <span className="visually-hidden">, </span> <span className="topbar-user-role">{roleLabels[user.role]}</span>
      </p>
      <button type="button" className="button button-on-dark" onClick={() => void signOut()}>
        Sign out
      </button>
    </header>
  );
}
