import type { SignIn } from '../services/sign-in';
import { createSignIn } from '../services/sign-in';
import type { ConsentDocumentVersion } from '../contract/consent-methods';
import { demoFormulary, demoPump } from './demo-clinical';
import type { Call } from './demo-caller';
import { writeDemoConsentDocument } from './demo-consents';
import { configureDemoCourse } from './demo-course';
import { demoUsers } from './demo-users';

/**
 * The day the demo clinic opens (the caller's clock): its set-up, one user per role (each
 * changing the temporary password), the formulary with the clinic's own limits, its consent
 * text and its course-of-treatment settings. Returns the consent text's version.
 */
export function openDemoClinic(call: Call, zone: string): ConsentDocumentVersion {
  const [admin, ...staff] = demoUsers;
  if (admin === undefined) throw new Error('demo: no admin account defined');
  const adminSignIn = createSignIn();
  call(adminSignIn, 'setup.initialize', {
    clinic: {
      name: 'Harbor Infusion Clinic (demo)',
      address: '1 Harbor Way, Portland, ME 04101',
      timeZone: zone,
    },
    admin: {
      username: admin.username,
      displayName: admin.displayName,
      credentials: admin.credentials,
      password: admin.password,
    },
  });
  const signIns: SignIn[] = [adminSignIn];
  for (const user of staff) {
    const temporaryPassword = `${user.password}-first`;
    call(adminSignIn, 'users.create', {
      username: user.username,
      displayName: user.displayName,
      credentials: user.credentials,
      role: user.role,
      temporaryPassword,
      adminPassword: user.role === 'auditor' ? undefined : admin.password,
    });
    const signIn = createSignIn();
    call(signIn, 'auth.signIn', { username: user.username, password: temporaryPassword });
    call(signIn, 'auth.changePassword', { currentPassword: temporaryPassword, newPassword: user.password });
    signIns.push(signIn);
  }
  call(adminSignIn, 'formulary.update', {
    content: { ...demoFormulary, pumps: [demoPump] },
    password: admin.password,
    reason: 'Ketamine with the demo clinic’s own limits, for the demonstration ledger',
  });
  const consentText = writeDemoConsentDocument(call, adminSignIn);
  configureDemoCourse(call, adminSignIn);
  for (const signIn of signIns) call(signIn, 'auth.signOut', {});
  return consentText;
}
