import { defaultAutoLockMinutes } from '../domain/clinic';
import { insertClinic, getClinic } from '../db/clinic-repo';
import { rowAuditFields } from '../db/row-state';
import { countUsers, insertUser } from '../db/users-repo';
import type { Handlers } from './context';
import { assertPasswordAllowed } from './auth';
import { establishClinicRoot } from './identities';
import { hashPassword } from './passwords';
import { ServiceError } from './service-error';
import { signInInfo } from './sign-in-info';
import { startSignIn } from './sign-in';

export const setupHandlers: Handlers<'setup.initialize' | 'signIn.get' | 'signIn.heartbeat'> = {
  'setup.initialize': (context, input) => {
    if (context.clinic !== undefined || countUsers(context.ledger.db) > 0) {
      throw new ServiceError('ALREADY_INITIALIZED', 'This clinic is already set up. Sign in instead.');
    }
    assertPasswordAllowed(input.admin.password, input.admin.username, 'admin.password');
    const settings = { ...input.clinic, autoLockMinutes: defaultAutoLockMinutes };
    insertClinic(context.ledger.db, settings, context.nowIso);
    context.clinic = getClinic(context.ledger.db);
    const admin = insertUser(
      context.ledger.db,
      {
        ...input.admin,
        role: 'admin',
        passwordHash: hashPassword(input.admin.password),
        mustChangePassword: false,
      },
      context.nowIso,
    );
    context.user = admin;
    context.audit('clinic.created', 'clinic', 1, { ...settings, ...rowAuditFields(context.ledger.raw, 'clinic', 1) });
    context.audit('user.created', 'user', admin.id, {
      username: admin.username,
      displayName: admin.displayName,
      credentials: admin.credentials,
      role: admin.role,
      ...rowAuditFields(context.ledger.raw, 'users', admin.id),
    });
    establishClinicRoot(context, admin, input.admin.password);
    startSignIn(context.signIn, admin.id, context.now.getTime());
    context.audit('auth.signed-in', 'user', admin.id, { sessionId: context.signIn.id });
    return signInInfo(context);
  },
  'signIn.get': (context) => signInInfo(context),
  'signIn.heartbeat': (context) => signInInfo(context),
};
