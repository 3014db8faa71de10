import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, setUpClinic, signedInUser } from '../support/test-app';
import type { TestApp } from '../support/test-app';

let app: TestApp;
afterEach(() => app.cleanup());

describe('smoke', () => {
  it('sets up, creates a patient, searches', () => {
    app = createTestApp();
    const admin = setUpClinic(app);
    const nurse = signedInUser(app, admin, 'nurse');
    const created = app.ok(nurse, 'patients.create', {
      patient: {
        mrn: 'mrn-001',
        familyName: 'Ruiz',
        givenNames: 'Ana María',
        preferredName: '',
        dateOfBirth: '1945-07-14',
        sex: 'female',
        phone: '',
        emergencyContact: null,
        allergies: { status: 'none-known' },
      },
    });
    expect(created.mrn).toBe('MRN-001');
    expect(app.ok(nurse, 'patients.search', { query: 'maria', limit: 10 }).patients.map((p) => p.id)).toEqual([
      created.id,
    ]);
    expect(app.ok(nurse, 'patients.search', { query: 'RUI', limit: 10 }).patients).toHaveLength(1);
    expect(app.ok(nurse, 'patients.search', { query: '14-Jul-1945', limit: 10 }).patients).toHaveLength(1);
    expect(app.ok(admin, 'audit.verify', {})).toMatchObject({ ok: true });
  });
});
