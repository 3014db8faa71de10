import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeExam, demoFormulary } from '../../src/cli/demo-clinical';
import type { ExamContent } from '../../src/domain/exam';
import { starterSessionConfiguration } from '../../src/domain/session-configuration';
import type { SignIn } from '../../src/services/sign-in';
import { patientInput } from '../support/fixtures';
import { auditSince } from '../support/ledger-state';
import type { TestApp } from '../support/test-app';
import { createTestApp, saveFormulary, setUpClinic, signedInUser, staffPassword } from '../support/test-app';

let app: TestApp;
let admin: SignIn;
let physician: SignIn;
let patientId: number;
const today = new Date().toISOString().slice(0, 10);
const question = 'Any plan or intent to act on these thoughts?';

beforeAll(() => {
  app = createTestApp();
  admin = setUpClinic(app, 'UTC');
  physician = signedInUser(app, admin, 'physician');
  saveFormulary(app, admin, demoFormulary);
  patientId = app.ok(physician, 'patients.create', { patient: patientInput() }).id;
});
afterAll(() => app.cleanup());

function newExam(): { versionId: number; content: ExamContent } {
  const view = app.ok(physician, 'records.create', { type: 'exam', patientId });
  const version = view.versions[0];
  if (version?.recordType !== 'exam') throw new Error('expected an exam draft');
  return { versionId: version.id, content: version.content };
}

const save = (versionId: number, content: ExamContent) =>
  app.ok(physician, 'records.saveDraft', { type: 'exam', versionId, content });
const sign = (versionId: number) =>
  app.call(physician, 'records.sign', {
    versionId,
    meaning: 'authored',
    username: 'physician',
    password: staffPassword,
  });
const lastSeq = () => (app.ledger.raw.prepare('SELECT MAX(seq) AS seq FROM audit_log').get() as { seq: number }).seq;

describe('an exam that predates the risk screen', () => {
  it('reads and signs with neither a screen nor an acknowledgement', () => {
    const { versionId, content } = newExam();
    expect(content.riskScreen).toBeUndefined();
    save(versionId, completeExam(today));
    const before = lastSeq();
    const signed = sign(versionId);
    expect(signed.ok).toBe(true);
    const audit = auditSince(app.ledger.raw, before).find((row) => row.action === 'record.signed');
    expect(audit?.details.suicideRisk).toBeUndefined();
  });
});

describe("with the clinic's risk screen configured", () => {
  beforeAll(() => {
    app.ok(admin, 'clinic.sessionConfiguration.update', {
      expectedVersion: 0,
      content: {
        ...starterSessionConfiguration,
        riskScreen: { items: [{ itemId: 'plan-or-intent', label: question }] },
      },
    });
  });

  it('starts a new exam with the question as worded, unanswered', () => {
    expect(newExam().content.riskScreen).toEqual([{ itemId: 'plan-or-intent', label: question, answer: null }]);
  });

  it('refuses to sign a flagged exam without what was done, saying why; signs it with; audits both', () => {
    const { versionId, content } = newExam();
    const flagged: ExamContent = {
      ...completeExam(today),
      scales: { phq9: [1, 2, 1, 0, 1, 2, 1, 0, 2], gad7: null, pcl5: null, painNrs: null },
      riskScreen: (content.riskScreen ?? []).map((item) => ({ ...item, answer: 'no' as const })),
    };
    save(versionId, flagged);
    const refused = sign(versionId);
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.code).toBe('NOT_READY_TO_SIGN');
    expect(refused.error.message).toContain('Suicide risk flagged (PHQ-9 item 9 scored 2 of 3');
    expect(refused.error.message).toContain('record what was done');
    expect(refused.error.issues?.map((issue) => issue.path)).toEqual(['riskAcknowledgement.actionTaken']);

    const flaggedBy =
      'PHQ-9 item 9 scored 2 of 3 (More than half the days: “Thoughts that you would be better off dead or of hurting yourself in some way”)';
    const actionTaken = 'Safety plan written with the patient; crisis line number given';
    save(versionId, { ...flagged, riskAcknowledgement: { actionTaken, flaggedBy } });
    const before = lastSeq();
    const signed = sign(versionId);
    expect(signed.ok).toBe(true);
    const audit = auditSince(app.ledger.raw, before).find((row) => row.action === 'record.signed');
    expect(audit?.details.suicideRisk).toEqual({ flags: [flaggedBy], actionTaken, flaggedBy });
    const stored = signed.ok ? signed.value.versions[0] : undefined;
    expect(stored?.recordType === 'exam' && stored.content.riskAcknowledgement?.actionTaken).toBe(actionTaken);
  });

  it('refuses an unanswered risk screen question, and flags a yes to it', () => {
    const { versionId, content } = newExam();
    save(versionId, { ...completeExam(today), riskScreen: content.riskScreen });
    const unanswered = sign(versionId);
    expect(!unanswered.ok && unanswered.error.issues?.map((issue) => issue.path)).toEqual(['riskScreen.0.answer']);
    const yes = (content.riskScreen ?? []).map((item) => ({ ...item, answer: 'yes' as const }));
    save(versionId, { ...completeExam(today), riskScreen: yes });
    const flagged = sign(versionId);
    expect(!flagged.ok && flagged.error.message).toContain(`Risk screen answered yes: “${question}”`);
  });

  it('refuses a save that drops or rewords the questions asked, writing nothing', () => {
    const { versionId, content } = newExam();
    const before = lastSeq();
    const answered = (content.riskScreen ?? []).map((item) => ({ ...item, answer: 'no' as const }));
    for (const riskScreen of [undefined, [], answered.map((item) => ({ ...item, label: 'Anything else?' }))]) {
      const refused = app.call(physician, 'records.saveDraft', {
        type: 'exam',
        versionId,
        content: { ...completeExam(today), riskScreen },
      });
      expect(!refused.ok && refused.error.issues?.map((issue) => issue.path)).toEqual(['riskScreen']);
    }
    expect(lastSeq()).toBe(before);
    save(versionId, { ...completeExam(today), riskScreen: answered });
    expect(sign(versionId).ok).toBe(true);
  });
});
