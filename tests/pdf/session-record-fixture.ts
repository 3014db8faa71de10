import { createHash } from 'node:crypto';
import { canonicalJson } from '../../src/domain/canonical-json';
import type { RecordVersionView } from '../../src/domain/record-view';
import type { SessionView } from '../../src/domain/session-view';
import type { SessionRecordInput } from '../../src/pdf/session-record-input';
import { ruizSession } from '../export/support/session-fixture';
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

/** The fixture plan's signed version, with its computed figures. */
export function fixturePlanVersion(): PlanVersion & { computed: NonNullable<PlanVersion['computed']> } {
  const plan = planRecord().versions[1]?.view as PlanVersion;
  if (plan.computed === null) throw new Error('the fixture plan has no computed figures');
  return { ...plan, computed: plan.computed };
}

/** A charted infusion (Ruiz) under the fixture plan, sealed as the session service would, ready to render. */
export function sessionRecordInput(
  override: (session: SessionView) => SessionView = (session) => session,
): SessionRecordInput {
  const plan = fixturePlanVersion();
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
