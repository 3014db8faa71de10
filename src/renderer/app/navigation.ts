import type { MethodName } from '../../contract/methods';
import type { Role } from '../../domain/roles';
import { mayCall } from './permissions';

export interface NavItem {
  to: string;
  label: string;
  /** The method the screen is built on; its access rule decides who sees the item. */
  needs: MethodName;
}

const items: readonly NavItem[] = [
  { to: '/patients', label: 'Patients', needs: 'patients.search' },
  // After Users: an administrator's home is the first item they may see.
  { to: '/users', label: 'Users', needs: 'users.list' },
  { to: '/register', label: 'Register', needs: 'register.overview' },
  { to: '/formulary', label: 'Formulary', needs: 'formulary.update' },
  { to: '/consent-documents', label: 'Consent', needs: 'consents.saveDocument' },
  { to: '/settings', label: 'Clinic settings', needs: 'clinic.update' },
  { to: '/backups', label: 'Backups', needs: 'backups.settings.save' },
  { to: '/devices', label: 'Devices', needs: 'devices.list' },
  { to: '/audit', label: 'Audit log', needs: 'audit.list' },
  { to: '/export', label: 'Export', needs: 'exports.start' },
  { to: '/verify', label: 'Verify a PDF', needs: 'documents.verify' },
  { to: '/certificate', label: 'Signing certificate', needs: 'identity.importPkcs12' },
];

export function navItemsFor(role: Role): NavItem[] {
  return items.filter((item) => mayCall(role, item.needs));
}
