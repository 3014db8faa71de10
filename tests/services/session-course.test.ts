import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/cli/demo';
import { credentialsOf } from '../../src/cli/demo-users';
import type { MethodInput } from '../../src/contract/methods';
import { cumulativeDose, sessionDose } from '../../src/domain/cumulative-dose';
import type { PlanContent } from '../../src/domain/plan';
import type { RecordView } from '../../src/domain/record-view';
import { scaleTotal } from '../../src/domain/scales';
import { effectiveEntries } from '../../src/domain/session-state';
import type { SessionEntryView, SessionView } from '../../src/domain/session-view';
import { coursePoints } from '../../src/renderer/features/sessions/course-points';
import { courseSeries } from '../../src/renderer/features/sessions/course-series';
import type { SignIn } from '../../src/services/sign-in';
import type { TestApp } from '../support/test-app';
import { createTestApp } from '../support/test-app';

/**
 * `sessions.course` (issue 14) against what the course page worked out from every session in
 * full (`sessions.list`) before it: the same figures for every session of every patient of the
 * demo clinic, corrected entries counting as their corrections (a correction of a correction too).
 */

let app: TestApp;
let nurse: SignIn;
let auditor: SignIn;
let patientIds: number[];
/** The patient whose sessions the corrections below amend. */
let corrected: number;
const corrections: string[] = [];

function signedIn(role: 'nurse' | 'auditor'): SignIn {
  const signIn = app.newSignIn();
  app.ok(signIn, 'auth.signIn', credentialsOf(role));
  return signIn;
}

type Entry<K extends SessionEntryView['kind']> = Extract<SessionEntryView, { kind: K }>;
const standing = <K extends SessionEntryView['kind']>(view: SessionView, kind: K): Entry<K>[] =>
  effectiveEntries(view.entries).filter((entry): entry is Entry<K> => entry.kind === kind);

/** Corrects an entry as charted (same time), noting what was corrected when the service accepts it. */
function correct(
  what: string,
  view: SessionView,
  entry: SessionEntryView,
  body: MethodInput<'sessions.correct'>['entry'],
): void {
  const input = {
    sessionId: view.id,
    entryId: entry.id,
    reason: `Test: ${what}`,
    occurredAt: entry.occurredAt,
    entry: body,
    witness: credentialsOf('physician'),
  };
  let result = app.call(nurse, 'sessions.correct', input);
  if (!result.ok && body.kind === 'checklist') {
    // A checklist corrected at a time the plan does not allow asks why, as at the start.
    result = app.call(nurse, 'sessions.correct', {
      ...input,
      timingReason: 'Test: corrected as charted',
      monitoringReason: 'Test: corrected as charted',
    });
  }
  if (result.ok) corrections.push(what);
}

/** Amends the patient's sessions: checklist scales (twice), the last check's pain (a value, none), the volume. */
function amend(patientId: number): void {
  const views = app.ok(nurse, 'sessions.list', { patientId }).sessions;
  const [first, second, third] = views.filter((view) => standing(view, 'checklist').length > 0);
  const checklist = first === undefined ? undefined : standing(first, 'checklist')[0];
  if (first !== undefined && checklist !== undefined) {
    const scales = { ...checklist.content.scales, phq9: [1, 1, 1, 1, 1, 1, 1, 0, 0], painNrs: 2 };
    correct('checklist scales', first, checklist, { kind: 'checklist', content: { ...checklist.content, scales } });
    const again = app.ok(nurse, 'sessions.get', { sessionId: first.id });
    const correction = standing(again, 'checklist')[0];
    if (correction !== undefined && correction.id !== checklist.id) {
      const rescored = { ...correction.content.scales, phq9: null, gad7: [2, 2, 2, 2, 2, 2, 2], painNrs: 5 };
      correct('the correction of the checklist', again, correction, {
        kind: 'checklist',
        content: { ...correction.content, scales: rescored },
      });
    }
  }
  for (const [view, painNrs] of [
    [second, 9],
    [third, null],
  ] as const) {
    const check = view === undefined ? undefined : standing(view, 'observation').at(-1);
    if (view !== undefined && check !== undefined) {
      correct(`last check's pain to ${painNrs}`, view, check, {
        kind: 'observation',
        content: { ...check.content, painNrs },
      });
    }
  }
  const ended = views.find((view) =>
    standing(view, 'event').some((entry) => entry.content.type === 'end' && entry.content.volumeInfusedMl !== null),
  );
  const end = ended === undefined ? undefined : standing(ended, 'event').find((entry) => entry.content.type === 'end');
  if (ended !== undefined && end !== undefined) {
    correct('volume infused', ended, end, {
      kind: 'event',
      content: { ...end.content, volumeInfusedMl: '37.5', reason: 'Test: the pump was stopped at 37.5 mL' },
    });
  }
}

beforeAll(() => {
  app = createTestApp();
  seedDemo(app.ledger, { patientCount: 12 });
  nurse = signedIn('nurse');
  auditor = signedIn('auditor');
  const rows = app.ledger.raw
    .prepare('SELECT patient_id AS id, count(*) AS n FROM infusion_sessions GROUP BY 1 ORDER BY 2 DESC, 1')
    .all() as { id: number; n: number }[];
  patientIds = (app.ledger.raw.prepare('SELECT id FROM patients ORDER BY id').pluck().all() as number[]).slice();
  corrected = rows[0]?.id ?? 0;
  amend(corrected);
}, 600_000);
afterAll(() => app.cleanup());

function planContent(records: readonly RecordView[], recordId: number, versionId: number): PlanContent | null {
  const version = records.find((record) => record.id === recordId)?.versions.find((one) => one.id === versionId);
  return version?.recordType === 'plan' ? version.content : null;
}

/** What the course page computed from a full view before (`coursePoints`, `sessionDose`), and its list row. */
function fromFullView(view: SessionView, records: readonly RecordView[]) {
  const entries = effectiveEntries(view.entries);
  const checklist = entries.find((entry) => entry.kind === 'checklist');
  const scales = checklist?.kind === 'checklist' ? checklist.content.scales : null;
  const pains = entries.flatMap((entry) =>
    entry.kind === 'observation' && entry.content.painNrs !== null ? [entry.content.painNrs] : [],
  );
  return {
    id: view.id,
    patientId: view.patientId,
    planRecordId: view.planRecordId,
    planVersionId: view.planVersionId,
    seriesNumber: view.seriesNumber,
    seriesTotal: view.seriesTotal,
    createdAt: view.createdAt,
    createdByPrintedName: view.createdByPrintedName,
    status: view.status,
    startedAt: view.startedAt,
    endedAt: view.endedAt,
    doseGivenMg: sessionDose(view, planContent(records, view.planRecordId, view.planVersionId)).mg,
    signed: view.signatures.some((signature) => signature.meaning === 'performed'),
    phq9: scaleTotal(scales?.phq9 ?? null),
    gad7: scaleTotal(scales?.gad7 ?? null),
    pcl5: scaleTotal(scales?.pcl5 ?? null),
    painBefore: scales?.painNrs ?? null,
    painLastCheck: pains.at(-1) ?? null,
  };
}

describe('sessions.course', () => {
  it('amends the demo: checklist scales, a correction of it, the last pain, the volume infused', () => {
    expect(corrections).toEqual([
      'checklist scales',
      'the correction of the checklist',
      "last check's pain to 9",
      "last check's pain to null",
      'volume infused',
    ]);
  });

  it('gives every patient the figures the full views give, oldest first, corrections counted as corrected', () => {
    let sessions = 0;
    for (const patientId of patientIds) {
      const full = app.ok(auditor, 'sessions.list', { patientId }).sessions;
      const records = app.ok(auditor, 'records.list', { patientId }).records;
      const expected = [...full]
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id - b.id)
        .map((view) => fromFullView(view, records));
      const course = app.ok(auditor, 'sessions.course', { patientId }).sessions;
      expect(course, `patient ${patientId}`).toEqual(expected);
      sessions += course.length;

      // What the page adds up from them: the drug given per series and in total, as before.
      const { total } = courseSeries(coursePoints(course), records, undefined);
      expect(total).toEqual(
        cumulativeDose(expected.map((one) => ({ ...one, sessionId: one.id, mg: one.doseGivenMg }))),
      );
      expect(app.ok(auditor, 'sessions.doses', { patientId })).toEqual(
        cumulativeDose(
          [...full]
            .sort((a, b) => a.id - b.id)
            .map((view) => sessionDose(view, planContent(records, view.planRecordId, view.planVersionId))),
        ),
      );
    }
    expect(sessions).toBeGreaterThan(10);
    // The corrections show: the amended patient's figures are the corrected ones.
    const course = app.ok(auditor, 'sessions.course', { patientId: corrected }).sessions;
    expect(course.some((one) => one.gad7 === 14 && one.phq9 === null && one.painBefore === 5)).toBe(true);
    expect(course.some((one) => one.painLastCheck === 9)).toBe(true);
    expect(course.some((one) => one.doseGivenMg !== null)).toBe(true);
  });

  it('refuses an unknown patient and malformed input, and changes nothing', () => {
    const before = app.ledger.raw.prepare('SELECT count(*) FROM audit_log').pluck().get();
    const unknown = app.call(auditor, 'sessions.course', { patientId: 99_999 });
    expect(unknown.ok === false && unknown.error.code).toBe('NOT_FOUND');
    fc.assert(
      fc.property(
        fc.oneof(
          fc.record({
            patientId: fc.oneof(
              fc.integer({ max: 0 }),
              fc.double().filter((value) => !Number.isInteger(value)),
              fc.string(),
              fc.constant(null),
            ),
          }),
          fc.record({ patientId: fc.integer({ min: 1 }), extra: fc.anything() }),
          fc.anything(),
        ),
        (input) => {
          const result = app.call(auditor, 'sessions.course', input as MethodInput<'sessions.course'>);
          expect(result.ok === false && result.error.code).toBe('INVALID_INPUT');
        },
      ),
      { numRuns: 60 },
    );
    expect(app.ledger.raw.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(before);
  });
});
