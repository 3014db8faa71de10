import type { Role } from '../domain/roles';
import type { SignIn } from '../services/sign-in';
import { createSignIn } from '../services/sign-in';
import type { Call } from './demo-caller';

export interface DemoUser {
  username: string;
  password: string;
  role: Role;
  displayName: string;
  credentials: string;
}

/** Demo accounts. Their passwords are printed by `dosing-ledger demo`: never use them for real. */
export const demoUsers: DemoUser[] = [
  { username: 'admin', password: 'Lighthouse-demo-2026', role: 'admin', displayName: 'Morgan Reyes', credentials: '' },
  { username: 'dr.ruiz', password: 'Anchor-demo-2026', role: 'physician', displayName: 'Ana Ruiz', credentials: 'MD' },
  { username: 'nurse.chen', password: 'Compass-demo-2026', role: 'nurse', displayName: 'Li Chen', credentials: 'RN' },
  {
    username: 'auditor.okafor',
    password: 'Tidewater-demo-2026',
    role: 'auditor',
    displayName: 'Chidi Okafor',
    credentials: 'CPA',
  },
];

/** The demo account of a role, to sign, check, witness or count as the second person. */
export function credentialsOf(role: Role): { username: string; password: string } {
  const account = demoUsers.find((user) => user.role === role);
  return { username: account?.username ?? '', password: account?.password ?? '' };
}

/** A sign-in of the demo account of `role` at the caller's time. */
export function signedIn(call: Call, role: Role): SignIn {
  const signIn = createSignIn();
  call(signIn, 'auth.signIn', credentialsOf(role));
  return signIn;
}
