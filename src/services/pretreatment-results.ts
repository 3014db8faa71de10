import type { JsonValue } from '../domain/canonical-json';
import type { ExamContent } from '../domain/exam';
import type { RequirementStatus } from '../domain/pretreatment-requirements';
import {
  pretreatmentGaps,
  pretreatmentRequirementProblems,
  pretreatmentStatus,
} from '../domain/pretreatment-requirements';
import type { ExamPretreatment, PretreatmentResult } from '../domain/pretreatment-results';
import { formatPrintedName } from '../domain/user';
import { currentSessionConfiguration } from '../db/session-configuration-repo';
import type { ServiceContext } from './context';
import { requireUser } from './context';

/**
 * Who entered each pre-treatment result: the user who first saved it, when. The stamp of a
 * result already saved (or carried over from an earlier exam) is kept from the stored
 * version, whatever the client sends, so a later editor cannot take over a result.
 */
export function stampPretreatment(context: ServiceContext, before: object, after: ExamContent): ExamContent {
  if (after.pretreatment === undefined) return after;
  const user = requireUser(context);
  const earlierResults = (before as Partial<ExamContent>).pretreatment?.results ?? [];
  const stored = new Map(earlierResults.map((result) => [result.id, result]));
  const results = after.pretreatment.results.map((result): PretreatmentResult => {
    const earlier = stored.get(result.id);
    const recordedBy = earlier?.recordedBy ?? { userId: user.id, printedName: formatPrintedName(user) };
    const recordedAt = earlier?.recordedAt ?? context.nowIso;
    return { ...result, recordedBy, recordedAt };
  });
  return { ...after, pretreatment: { ...after.pretreatment, results } };
}

/**
 * The results of the patient's latest signed exam, to start a new exam with: they keep their
 * date, source and recorder, and the staleness rule judges them against the new exam's date.
 */
export function carriedOverPretreatment(context: ServiceContext, patientId: number): ExamPretreatment | undefined {
  const row = context.ledger.raw
    .prepare(
      `SELECT v.content FROM record_versions v JOIN records r ON r.id = v.record_id
       WHERE r.patient_id = ? AND r.type = 'exam' AND v.status = 'signed'
       ORDER BY v.signed_at DESC, v.id DESC LIMIT 1`,
    )
    .get(patientId) as { content: string } | undefined;
  if (row === undefined) return undefined;
  const results = (JSON.parse(row.content) as Partial<ExamContent>).pretreatment?.results ?? [];
  return results.length === 0 ? undefined : { results };
}

/** A new exam's content with the carried-over results, when the patient has any. */
export function withCarriedOverPretreatment(context: ServiceContext, patientId: number, content: JsonValue): JsonValue {
  const pretreatment = carriedOverPretreatment(context, patientId);
  if (pretreatment === undefined) return content;
  return { ...(content as Record<string, JsonValue>), pretreatment: pretreatment as unknown as JsonValue };
}

export interface PretreatmentCheck {
  statuses: RequirementStatus[];
  gaps: string[];
  problems: { path: string; message: string }[];
}

/** The clinic's requirements now against the exam's results, at signing. */
export function pretreatmentCheck(context: ServiceContext, content: ExamContent): PretreatmentCheck {
  if (content.examDate === null) return { statuses: [], gaps: [], problems: [] };
  const requirements = currentSessionConfiguration(context.ledger.db).content.pretreatmentRequirements;
  const statuses = pretreatmentStatus(
    requirements,
    content.pretreatment?.results ?? [],
    content.indication.icd10,
    content.examDate,
  );
  const gaps = pretreatmentGaps(statuses);
  return { statuses, gaps, problems: pretreatmentRequirementProblems(gaps, content.pretreatment?.acknowledgement) };
}

/** For the sign audit entry: the gaps acknowledged and the reason, when the signer gave one. */
export function pretreatmentAuditDetails(content: ExamContent): { pretreatment?: { gaps: string[]; reason: string } } {
  const acknowledgement = content.pretreatment?.acknowledgement;
  if (acknowledgement === undefined) return {};
  return { pretreatment: { gaps: [...acknowledgement.problems], reason: acknowledgement.reason } };
}
