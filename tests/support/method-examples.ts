import { completeExam, demoFormulary } from '../../src/cli/demo-clinical';
import type { MethodInput, MethodName } from '../../src/contract/methods';
import { starterSessionConfiguration } from '../../src/domain/session-configuration';
import { patientInput } from './fixtures';
import { testChecklist, testObservation } from './session-entries';
import { unexpiredLot } from './unexpired-lot';

const checklist = testChecklist;
const observation = testObservation;

const endEvent = {
  kind: 'event' as const,
  content: {
    type: 'end' as const,
    rateMlPerH: null,
    reason: '',
    lotNumber: 'LOT-1',
    lotExpiry: unexpiredLot,
    volumeInfusedMl: '100',
    wasteMg: '10',
  },
};

/**
 * A valid input for each contract method. Tests derive near misses from them and send them
 * where only the refusal matters; contract.property.test.ts checks that each one parses and
 * that every method has one.
 */
export const methodExamples: { [M in MethodName]?: MethodInput<M> } = {
  'signIn.get': {},
  'signIn.heartbeat': {},
  'setup.initialize': {
    clinic: { name: 'Second Clinic', address: '2 Harbor Way', timeZone: 'Asia/Kolkata' },
    admin: { username: 'second', displayName: 'Second Admin', credentials: 'MD', password: 'Second-admin-2026' },
  },
  'setup.restore': { backupPath: '/no/such/folder/backup.ledger.age', passphrase: 'a long backup passphrase' },
  'setup.restoreJob': { jobId: '00000000-0000-4000-8000-000000000000' },
  'auth.signIn': { username: 'nurse', password: 'Not-the-password-1' },
  'auth.signOut': {},
  'auth.unlock': { password: 'Not-the-password-1' },
  'auth.changePassword': { currentPassword: 'Not-the-password-1', newPassword: 'Another-password-2' },
  'clinic.get': {},
  'clinic.update': {
    name: 'Harbor',
    address: '',
    timeZone: 'UTC',
    autoLockMinutes: 10,
    expectedUpdatedAt: '2026-01-01T00:00:00.000Z',
  },
  'clinic.sessionConfiguration.get': {},
  'clinic.sessionConfiguration.update': { expectedVersion: 0, content: starterSessionConfiguration },
  'users.list': {},
  'users.create': {
    username: 'property',
    displayName: 'Property Test',
    credentials: 'RN',
    role: 'nurse',
    temporaryPassword: 'Temporary-pass-2026!',
    adminPassword: 'Not-the-password-1',
  },
  'users.setActive': { userId: 2, active: true },
  'users.resetPassword': { userId: 2, temporaryPassword: 'Temporary-pass-2026!', adminPassword: 'Not-the-password-1' },
  'patients.search': { query: 'ruiz', limit: 10 },
  'patients.get': { patientId: 1 },
  'patients.create': { patient: patientInput({ mrn: 'EXAMPLE-1' }) },
  'patients.update': { patientId: 1, expectedVersion: 1, patient: patientInput({ mrn: 'EXAMPLE-1' }) },
  'audit.list': { beforeSeq: 5, limit: 10 },
  'audit.verify': {},
  'formulary.get': {},
  'formulary.update': {
    expectedVersion: 0,
    content: demoFormulary,
    password: 'Not-the-password-1',
    reason: 'Adds a concentration',
  },
  'formulary.history': {},
  'records.list': { patientId: 1 },
  'records.get': { recordId: 1 },
  'records.create': { type: 'plan', patientId: 1, examRecordId: 1 },
  'records.saveDraft': {
    type: 'exam',
    versionId: 1,
    expectedUpdatedAt: '2026-01-01T00:00:00.000Z',
    content: completeExam('2026-01-01'),
  },
  'records.discardDraft': { versionId: 1 },
  'records.sign': { versionId: 1, meaning: 'authored', username: 'physician', password: 'Not-the-password-1' },
  'records.amend': { recordId: 1, reason: 'Corrects the findings' },
  'records.discontinue': { recordId: 1, reason: 'Declined further infusions', password: 'Not-the-password-1' },
  'records.verify': { recordId: 1 },
  'chairside.get': { patientId: 1 },
  'chairside.status': { planRecordId: 1 },
  'sessions.start': { planRecordId: 1, planVersionId: 2, occurredAt: '2026-01-01T10:00:00.000Z', checklist },
  'sessions.addEntry': {
    sessionId: 1,
    occurredAt: '2026-01-01T10:40:00.000Z',
    entry: endEvent,
    witness: { username: 'nurse2', password: 'Not-the-password-1' },
  },
  'sessions.correct': {
    sessionId: 1,
    entryId: 2,
    reason: 'Wrong sedation score',
    occurredAt: '2026-01-01T10:20:00.000Z',
    entry: { kind: 'observation', content: observation },
  },
  'sessions.sign': {
    sessionId: 1,
    lastEntryId: 3,
    meaning: 'performed',
    username: 'nurse',
    password: 'Not-the-password-1',
  },
  'sessions.get': { sessionId: 1 },
  'sessions.status': { sessionId: 1, lastEntryId: 0, signatureCount: 0 },
  'sessions.list': { patientId: 1 },
  'exports.start': { from: '2026-01-01', to: '2026-12-31' },
  'exports.status': { exportId: '00000000-0000-4000-8000-000000000000' },
  'exports.cancel': { exportId: '00000000-0000-4000-8000-000000000000' },
  'exports.download': { exportId: '00000000-0000-4000-8000-000000000000', offset: 0 },
  'documents.forVersion': { versionId: 1 },
  'documents.forSessionSignature': { sessionSignatureId: 1 },
  'documents.verify': { pdfBase64: 'JVBERi0xLjcK' },
  'identity.rootCertificate': {},
  'backups.settings.get': {},
  'backups.settings.save': {
    destination: '/nonexistent/backups',
    dailyAt: '18:30',
    onQuit: true,
    keepDaily: 14,
    keepMonthly: 12,
    passphrase: 'a long backup passphrase',
    passphraseAgain: 'a long backup passphrase',
    expectedUpdatedAt: null,
  },
  'backups.run': {},
  'backups.job': { jobId: '00000000-0000-4000-8000-000000000000' },
  'backups.list': { limit: 20 },
  'backups.testRestore': {
    fileName: 'dosing-ledger-20260307-140501Z.ledger.age',
    passphrase: 'a long backup passphrase',
  },
  'backups.status': {},
  'host.issueCertificate': {
    hostNames: ['clinic-host.local'],
    addresses: ['192.168.1.20'],
    publicKeyPem: '-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n-----END PUBLIC KEY-----\n',
    adminPassword: 'Not-the-password-1',
  },
  'host.certificates': { limit: 20, offset: 0 },
  'devices.list': { limit: 20, offset: 0 },
  'devices.approve': { pairingCode: 'k7qm4z2p', name: 'Chair 3 tablet' },
  'devices.rename': { deviceId: 1, expectedName: 'Chair 3 tablet', name: 'Chair 4 tablet' },
  'devices.revoke': { deviceId: 1, reason: 'Tablet lost' },
  'identity.importPkcs12': { p12Base64: 'MAA=', p12Password: 'x', password: 'Not-the-password-1' },
};
