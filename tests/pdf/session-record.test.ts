import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/domain/canonical-json';
import type { RecordVersionView } from '../../src/domain/record-view';
import type { SessionView } from '../../src/domain/session-view';
import { renderSessionRecordSync } from '../../src/pdf/session-record';
import type { SessionRecordInput } from '../../src/pdf/session-record-input';
import { checkNames, verifyPdf } from '../../src/signing/verify-pdf';
import { ruizSession } from '../export/support/session-fixture';
import { createClinic, scratchDirectory, signedPlanSummary, writeScratch } from '../signing/signing-fixture';
import { clinic, patient, planRecord } from './summary-fixture';

type PlanVersion = Extract<RecordVersionView, { recordType: 'plan' }>;

/** What the session service binds (sessionDocumentText): the session and entry rows, as canonical JSON. */
function sealed(session: SessionView): { recordJson: string; recordSha256: string } {
  const recordJson = canonicalJson({
    kind: 'dosing-ledger/infusion-session',
    schema: 1,
    session: {
      id: session.id,
      patientId: session.patientId,
      planRecordId: session.planRecordId,
      planVersionId: session.planVersionId,
      seriesNumber: session.seriesNumber,
      createdAt: session.createdAt,
      createdBy: 3,
    },
    entries: session.entries.map((entry) => ({
      id: entry.id,
      sessionId: session.id,
      kind: entry.kind,
      occurredAt: entry.occurredAt,
      recordedAt: entry.recordedAt,
      userId: entry.userId,
      printedName: entry.printedName,
      content: entry.content,
      correctsEntryId: entry.correctsEntryId,
      correctionReason: entry.correctionReason,
      witnessUserId: null,
      witnessPrintedName: entry.witnessPrintedName,
    })),
  });
  return { recordJson, recordSha256: createHash('sha256').update(recordJson).digest('hex') };
}

function sessionInput(override: (session: SessionView) => SessionView = (session) => session): SessionRecordInput {
  const plan = planRecord().versions[1]?.view as PlanVersion;
  if (plan.computed === null) throw new Error('the fixture plan has no computed figures');
  const session = override({ ...ruizSession(plan.computed.derived.rateMlPerH ?? null), planVersionId: plan.id });
  return {
    clinic,
    patient,
    session,
    plan: {
      recordId: plan.recordId,
      version: plan.version,
      versionId: plan.id,
      content: plan.content,
      computed: plan.computed,
      signatures: plan.signatures,
    },
    signatures: session.signatures,
    ...sealed(session),
  };
}

function text(pdf: Buffer): string {
  const path = writeScratch(scratchDirectory(), 'session.pdf', pdf);
  return execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

let rendered: Buffer;
let pages: string;

beforeAll(() => {
  rendered = renderSessionRecordSync(sessionInput());
  pages = text(rendered);
});

describe('signed infusion session record (PDF)', () => {
  it('prints the infusion as a MAR: plan in force, events, vitals table and chart, adverse events, discharge', () => {
    for (const expected of [
      'Infusion session record',
      'ŻÓŁĆ, Zoë Łucja',
      'Plan in force',
      'Pre-infusion checklist',
      'Administration',
      'Timed vital signs and scales',
      'Blood pressure and heart rate over the session',
      'Systolic BP (mmHg)',
      'Adverse events',
      'Discharge',
      'Corrections',
      'Signed by Li Chen, RN — performed — ',
    ]) {
      expect(pages).toContain(expected);
    }
    // Every printed time carries its offset (the fixture clinic is on UTC−05:00).
    expect(pages).toMatch(/10:01 UTC−05:00/);
  });

  it('states what departed from the plan, in words', () => {
    expect(pages).toContain('Rates off the plan');
    expect(pages).toMatch(/120 mL\/h at \d{2}:\d{2} UTC−05:00/);
    expect(pages).not.toContain('None: every rate charted was the plan');
  });

  it('is the same bytes for the same input, and carries the session JSON it shows', () => {
    const input = sessionInput();
    expect(renderSessionRecordSync(input).equals(rendered)).toBe(true);
    const signing = createClinic();
    const signed = signedPlanSummary(signing, rendered);
    const result = verifyPdf(signed, { trustedRootPems: [signing.root.certificatePem] });
    expect(result.checks.filter((check) => !check.ok)).toEqual([]);
    expect(result.checks.find((check) => check.name === checkNames.record)?.detail).toContain(input.recordSha256);
  });

  it('refuses to print entries the signature does not cover, or JSON that is not the session shown', () => {
    const later = sessionInput((session) => ({
      ...session,
      signatures: session.signatures.map((signature) => ({ ...signature, lastEntryId: 1 })),
    }));
    expect(() => renderSessionRecordSync(later)).toThrow(/entries charted after the signature/);
    const input = sessionInput();
    const tampered = { ...input, session: { ...input.session, entries: input.session.entries.slice(1) } };
    expect(() => renderSessionRecordSync(tampered)).toThrow(/its session or entries differ/);
    const [first, ...rest] = input.session.entries;
    if (first === undefined) throw new Error('the fixture has no entries');
    const retimed = { ...first, occurredAt: '2026-11-16T14:00:00.000Z' };
    expect(() =>
      renderSessionRecordSync({ ...input, session: { ...input.session, entries: [retimed, ...rest] } }),
    ).toThrow(/its session or entries differ/);
    expect(() => renderSessionRecordSync({ ...input, session: { ...input.session, seriesNumber: 3 } })).toThrow(
      /its session or entries differ/,
    );
    expect(() => renderSessionRecordSync({ ...input, recordSha256: '0'.repeat(64) })).toThrow(/does not hash/);
  });
});
