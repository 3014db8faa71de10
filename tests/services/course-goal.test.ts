import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeExam, planWith } from '../../src/cli/demo-clinical';
import type { ResponseDefinition } from '../../src/domain/response-definitions';
import { definitionsAsWorded } from '../../src/domain/response-definitions';
import { starterSessionConfiguration } from '../../src/domain/session-configuration';
import { localDate } from '../../src/domain/time';
import type { SignIn } from '../../src/services/sign-in';
import { patientInput } from '../support/fixtures';
import { signedPlanFor } from '../support/session-entries';
import type { TestApp } from '../support/test-app';
import { createTestApp, saveFormulary, setUpClinic, signedInUser, staffPassword } from '../support/test-app';

let app: TestApp;
let admin: SignIn;
let physician: SignIn;
let patientId: number;

const definitions: ResponseDefinition[] = [
  { id: 'response', label: 'Response', scale: 'phq9', rule: { type: 'percent-drop', percent: '50' }, retired: false },
  { id: 'remission', label: 'Remission', scale: 'phq9', rule: { type: 'below', value: 5 }, retired: false },
];

/** A signed exam and a plan draft on it, as the physician starts a new series. */
function planDraft(): { versionId: number; weight: ReturnType<typeof planWith>['weight'] } {
  const today = localDate(new Date(), 'UTC');
  const exam = app.ok(physician, 'records.create', { type: 'exam', patientId });
  const examVersionId = exam.versions[0]?.id ?? 0;
  app.ok(physician, 'records.saveDraft', { type: 'exam', versionId: examVersionId, content: completeExam(today) });
  app.ok(physician, 'records.sign', { versionId: examVersionId, meaning: 'authored', password: staffPassword });
  const plan = app.ok(physician, 'records.create', { type: 'plan', patientId, examRecordId: exam.id });
  const draft = plan.versions[0];
  if (draft?.recordType !== 'plan') throw new Error('no plan draft');
  return { versionId: draft.id, weight: draft.content.weight };
}

beforeAll(() => {
  app = createTestApp();
  admin = setUpClinic(app, 'UTC');
  physician = signedInUser(app, admin, 'physician');
  saveFormulary(app, admin);
  patientId = app.ok(physician, 'patients.create', {
    patient: patientInput({ mrn: 'G-1', familyName: 'Okafor', givenNames: 'Chiamaka', dateOfBirth: '1975-05-05' }),
  }).id;
});
afterAll(() => app.cleanup());

describe('the goal of a series', () => {
  it('is not asked while the clinic has configured no response definitions', () => {
    expect(() => signedPlanFor(app, physician, patientId)).not.toThrow();
  });

  it('is asked before signing once the clinic has definitions, and audited when they are saved', () => {
    const saved = app.ok(admin, 'clinic.sessionConfiguration.update', {
      expectedVersion: 0,
      content: { ...starterSessionConfiguration, responseDefinitions: definitions },
    });
    expect(saved.content.responseDefinitions).toEqual(definitions);
    const audit = app
      .ok(admin, 'audit.list', { limit: 5 })
      .entries.find((entry) => entry.action === 'session-configuration.updated');
    expect(JSON.stringify(audit)).toContain('responseDefinitions');

    const draft = planDraft();
    app.ok(physician, 'records.saveDraft', {
      type: 'plan',
      versionId: draft.versionId,
      content: planWith(draft.weight),
    });
    const refused = app.call(physician, 'records.sign', {
      versionId: draft.versionId,
      meaning: 'authored',
      password: staffPassword,
    });
    expect(refused.ok === false && refused.error.code).toBe('NOT_READY_TO_SIGN');
    expect(refused.ok === false && refused.error.issues).toContainEqual({
      path: 'courseGoal.goal',
      message: 'Record the goal of this series',
    });
  });

  it('keeps the definitions as worded when signed, whatever the clinic changes later', () => {
    const draft = planDraft();
    const courseGoal = {
      goal: 'PHQ-9 halved after six infusions',
      responseDefinitionIds: ['response'],
      definitionsAsWorded: definitionsAsWorded(['response'], definitions),
    };
    app.ok(physician, 'records.saveDraft', {
      type: 'plan',
      versionId: draft.versionId,
      content: planWith(draft.weight, { courseGoal }),
    });
    const signed = app.ok(physician, 'records.sign', {
      versionId: draft.versionId,
      meaning: 'authored',
      password: staffPassword,
    });
    app.ok(admin, 'clinic.sessionConfiguration.update', {
      expectedVersion: 1,
      content: {
        ...starterSessionConfiguration,
        responseDefinitions: definitions.map((definition) =>
          definition.id === 'response'
            ? { ...definition, rule: { type: 'percent-drop' as const, percent: '40' }, retired: true }
            : definition,
        ),
      },
    });
    const read = app.ok(physician, 'records.get', { recordId: signed.id }).versions.at(-1);
    expect(read?.recordType === 'plan' && read.content.courseGoal).toEqual(courseGoal);
  });

  it('refuses a definition the clinic has since retired, on a plan not yet signed', () => {
    const draft = planDraft();
    app.ok(physician, 'records.saveDraft', {
      type: 'plan',
      versionId: draft.versionId,
      content: planWith(draft.weight, {
        courseGoal: {
          goal: 'Less pain at work',
          responseDefinitionIds: ['response'],
          definitionsAsWorded: definitionsAsWorded(['response'], definitions),
        },
      }),
    });
    const refused = app.call(physician, 'records.sign', {
      versionId: draft.versionId,
      meaning: 'authored',
      password: staffPassword,
    });
    expect(refused.ok === false && refused.error.issues?.map((issue) => issue.path)).toEqual([
      'courseGoal.responseDefinitionIds',
    ]);
  });
});
