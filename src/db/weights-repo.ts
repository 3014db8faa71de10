import { and, asc, eq, ne } from 'drizzle-orm';
import type { Weight } from '../domain/weight';
import { newlyEnteredWeight } from '../domain/weight-acknowledgement';
import type { RecordedWeight } from '../domain/weight-check';
import type { Drizzle } from './open';
import { records, recordVersions } from './schema/records';

/**
 * The weights a patient's signed exams and plans recorded, for the weight check of a new
 * entry. Only the version in force of each record counts (an amendment replaces what it
 * corrected), and a plan's weight only when entered for the plan: one copied from its exam
 * is the exam's, listed once. Infusion sessions record no weight.
 */
export function listRecordedWeights(db: Drizzle, patientId: number, exceptRecordId: number): RecordedWeight[] {
  const rows = db
    .select({
      recordId: records.id,
      recordType: records.type,
      versionId: recordVersions.id,
      content: recordVersions.content,
    })
    .from(recordVersions)
    .innerJoin(records, eq(records.id, recordVersions.recordId))
    .where(and(eq(records.patientId, patientId), ne(records.id, exceptRecordId), eq(recordVersions.status, 'signed')))
    .orderBy(asc(recordVersions.recordId), asc(recordVersions.version))
    .all();
  const inForce = new Map<number, (typeof rows)[number]>();
  for (const row of rows) inForce.set(row.recordId, row);
  const weights: RecordedWeight[] = [];
  for (const row of inForce.values()) {
    const content = JSON.parse(row.content) as { weight?: (Weight & { from?: 'exam' | 'entered' }) | null };
    const weight = newlyEnteredWeight({ weight: content.weight ?? null });
    // A course review records no weight.
    if (weight === null || row.recordType === 'review') continue;
    weights.push({
      value: weight.value,
      unit: weight.unit,
      measuredOn: weight.measuredOn,
      source: weight.source,
      recordType: row.recordType,
      recordId: row.recordId,
      versionId: row.versionId,
    });
  }
  return weights;
}
