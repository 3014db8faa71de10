import { describe, expect, it } from 'vitest';
import { navItemsFor } from '../../src/renderer/app/navigation';

/** Each role lands on the first screen it may see: where its day starts. */
describe('the navigation', () => {
  it('starts administrators at Users and the others at Patients, with the register for all', () => {
    expect(navItemsFor('admin')[0]?.to).toBe('/users');
    for (const role of ['physician', 'nurse', 'auditor'] as const) expect(navItemsFor(role)[0]?.to).toBe('/patients');
    for (const role of ['admin', 'physician', 'nurse', 'auditor'] as const) {
      expect(navItemsFor(role).map((item) => item.to)).toContain('/register');
    }
  });

  it('shows the consent documents to administrators only, after Formulary', () => {
    const admin = navItemsFor('admin').map((item) => item.to);
    expect(admin.indexOf('/consent-documents')).toBe(admin.indexOf('/formulary') + 1);
    for (const role of ['physician', 'nurse', 'auditor'] as const) {
      expect(navItemsFor(role).map((item) => item.to)).not.toContain('/consent-documents');
    }
  });
});
