import type { ReviewComputed, ReviewContent, ReviewScale } from '../domain/course-review';
import { cumulativeDose, sessionDose } from '../domain/cumulative-dose';
import type { ExamContent } from '../domain/exam';
import type { PlanComputed } from '../domain/record-view';
import type { Scales } from '../domain/scales';
import { scaleDefinitions, scaleTotal } from '../domain/scales';
import { effectiveEntries } from '../domain/session-state';
import type { SessionView } from '../domain/session-view';
import type { RecordRow, VersionRow } from '../db/records-repo';
import { getVersion, listSignatures } from '../db/records-repo';
import { listPatientSessions } from '../db/sessions-repo';
import type { ServiceContext } from './context';
import { existingRecord, latestSigned, versionsOf } from './record-lookup';
import { ServiceError } from './service-error';
import { planOf, sessionViews } from './sessions-view';

/** The plan a review looks back on: a plan of this patient with a signed version. */
export function reviewedPlan(
  context: ServiceContext,
  patientId: number,
  planRecordId: number,
): { record: RecordRow; version: VersionRow } {
  const record = existingRecord(context, planRecordId, 'plan');
  if (record.patientId !== patientId) throw new ServiceError('INVALID_INPUT', 'That plan belongs to another patient.');
  const version = latestSigned(versionsOf(context, record.id));
  if (version === undefined)
    throw new ServiceError('NOT_READY_TO_SIGN', 'Only a signed plan’s series can be reviewed: the plan is a draft.');
  return { record, version };
}

type ScaleKey = keyof Scales;
const scaleKeys: readonly ScaleKey[] = ['phq9', 'gad7', 'pcl5', 'painNrs'];
const scaleNames: Record<ScaleKey, string> = {
  phq9: scaleDefinitions.phq9.name,
  gad7: scaleDefinitions.gad7.name,
  pcl5: scaleDefinitions.pcl5.name,
  painNrs: 'Pain (NRS 0–10)',
};

function scaleValue(scales: Scales | undefined, key: ScaleKey): number | null {
  if (scales === undefined) return null;
  return key === 'painNrs' ? scales.painNrs : scaleTotal(scales[key]);
}

/** The pre-infusion scales charted with a session's standing checklist. */
function sessionScales(session: SessionView): Scales | undefined {
  const checklist = effectiveEntries(session.entries).find((entry) => entry.kind === 'checklist');
  return checklist?.kind === 'checklist' ? checklist.content.scales : undefined;
}

function examScales(context: ServiceContext, examVersionId: number | null): Scales | undefined {
  if (examVersionId === null) return undefined;
  const exam = getVersion(context.ledger.db, examVersionId);
  return exam === undefined ? undefined : (JSON.parse(exam.content) as ExamContent).scales;
}

/**
 * What a review shows of the series it looks back on, computed when it is signed and frozen
 * with it: the plan's sessions counted, the mg given (in the series and in all the patient's
 * sessions, exact decimals: the sum of each session's figure as it is shown), and each scale's
 * baseline (the exam) and latest (the last session that recorded it). Arithmetic only.
 */
export function reviewComputed(context: ServiceContext, patientId: number, planRecordId: number): ReviewComputed {
  const { record, version } = reviewedPlan(context, patientId, planRecordId);
  const plan = planOf(context, version.id);
  const computed: PlanComputed | null = plan.computed;
  const signer = listSignatures(context.ledger.db, [version.id])[0];
  const all = sessionViews(context, listPatientSessions(context.ledger.db, patientId));
  const series = all.filter((session) => session.planRecordId === record.id).sort((a, b) => a.id - b.id);
  const doses = cumulativeDose(
    all.map((session) => sessionDose(session, planOf(context, session.planVersionId).content)),
  );
  const seriesDose = doses.series.find((one) => one.planRecordId === record.id);
  const baseline = examScales(context, version.examVersionId);
  const scales = scaleKeys.map((key): ReviewScale => {
    const latest = series
      .map((session) => ({ session, value: scaleValue(sessionScales(session), key) }))
      .filter((found) => found.value !== null)
      .at(-1);
    return {
      scale: key,
      name: scaleNames[key],
      baseline: scaleValue(baseline, key),
      latest: latest?.value ?? null,
      latestSeriesNumber: latest?.session.seriesNumber ?? null,
    };
  });
  return {
    plan: {
      recordId: record.id,
      versionId: version.id,
      version: version.version,
      drugName: computed?.drugName ?? '',
      signedAt: version.signedAt,
      signedBy: signer?.printedName ?? null,
      plannedInfusions: plan.content.series.infusions,
    },
    sessionsCharted: series.length,
    sessionsCompleted: series.filter((session) =>
      effectiveEntries(session.entries).some((entry) => entry.kind === 'event' && entry.content.type === 'end'),
    ).length,
    sessionsWithoutDose: seriesDose?.uncounted ?? 0,
    seriesMg: seriesDose?.mg ?? '0',
    patientTotalMg: doses.totalMg,
    // Scales nobody recorded, at the exam or any session, are left out rather than shown empty.
    scales: scales.filter((scale) => scale.baseline !== null || scale.latest !== null),
  };
}

/** The figures a review draft's editor shows; none when its plan cannot be reviewed (signing says why). */
export function draftReviewFigures(
  context: ServiceContext,
  record: RecordRow,
  content: ReviewContent,
): ReviewComputed | undefined {
  try {
    return reviewComputed(context, record.patientId, content.planRecordId);
  } catch (error) {
    if (error instanceof ServiceError) return undefined;
    throw error;
  }
}
