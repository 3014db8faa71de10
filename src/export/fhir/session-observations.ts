import type { Observation as ChartedObservation } from '../../domain/infusion-session';
import type { SessionView } from '../../domain/session-view';
import type { EntryChain, EntryOfKind } from '../session-history';
import { entryChains } from '../session-history';
import type { ExportIndex } from '../snapshot-index';
import type { Annotation } from './datatypes';
import { scaleObservations, vitalObservations } from './exam-version';
import { fhirInstant } from './instant';
import { ids, reference } from './ids';
import { scaleCodes } from './loinc';
import { serializeFhirJson } from './json';
import type { Observation, ObservationBase } from './observation';
import { codeOf, observation, ucumQuantity } from './observation';
import { patientReference, practitionerReference } from './references';
import { cadss6ItemCodes, scoreUnit, sessionObservationCodes } from './session-codes';
import { nauseaLabels } from '../../domain/observation-text';
import { infusionFinishedAt, isRecoveryCheck } from '../../domain/recovery-checks';
import { checklistSupervisionLines } from '../../domain/supervision-text';

type ObservedEntry = EntryOfKind<'checklist' | 'observation' | 'discharge'>;

/** MOAA/S, CADSS-6, pain and nausea of one timed check. */
function checkObservations(base: (kind: string) => ObservationBase, content: ChartedObservation): Observation[] {
  const codes = sessionObservationCodes;
  const result: Observation[] = [];
  if (content.sedation !== null) {
    result.push(
      observation(base(codes.sedation.kind), codes.sedation, {
        valueQuantity: ucumQuantity(content.sedation, scoreUnit),
      }),
    );
  }
  if (content.cadss6 !== null && content.cadss6.some((item) => item !== null)) {
    const items = content.cadss6;
    // A partly answered form has no total (it would understate), only the answered items.
    const complete = items.every((item) => item !== null);
    result.push(
      observation(base(codes.cadss6.kind), codes.cadss6, {
        valueQuantity: complete
          ? ucumQuantity(
              items.reduce<number>((sum, item) => sum + (item ?? 0), 0),
              scoreUnit,
            )
          : undefined,
        component: items.flatMap((item, position) => {
          const code = cadss6ItemCodes[position];
          return item === null || code === undefined
            ? []
            : [{ code: codeOf(code), valueQuantity: ucumQuantity(item, scoreUnit) }];
        }),
      }),
    );
  }
  if (content.painNrs !== null) {
    result.push(
      observation(base(scaleCodes.painNrs.kind), scaleCodes.painNrs, {
        valueQuantity: ucumQuantity(content.painNrs, scaleCodes.painNrs.unit),
      }),
    );
  }
  if (content.nausea !== null) {
    result.push(
      observation(base(codes.nausea.kind), codes.nausea, {
        valueCodeableConcept: { text: nauseaLabels[content.nausea] },
      }),
    );
  }
  return result;
}

/** Why this version exists and where in the session it belongs, in words. */
function entryNotes(entry: ObservedEntry, finishedAt: string | null): Annotation[] {
  const notes: Annotation[] = [];
  if (entry.kind === 'checklist') notes.push({ text: 'Baseline, from the pre-infusion checklist.' });
  // Supervision and monitoring in use at the start (absent in sessions from before they were recorded).
  if (entry.kind === 'checklist')
    notes.push(...checklistSupervisionLines(entry.content).map((line) => ({ text: line })));
  if (isRecoveryCheck(entry, finishedAt)) notes.push({ text: 'Recovery check, after the infusion stopped.' });
  if (entry.kind === 'discharge') notes.push({ text: 'At discharge.' });
  if (entry.correctsEntryId !== null) {
    notes.push({
      text: `Correction (entry ${entry.id} replaces entry ${entry.correctsEntryId}): ${entry.correctionReason ?? ''}`,
    });
  }
  const written = entry.kind === 'checklist' ? '' : entry.content.notes;
  if (written.trim() !== '') notes.push({ text: written });
  return notes;
}

function versionObservations(
  index: ExportIndex,
  session: SessionView,
  chain: EntryChain<ObservedEntry>,
  entry: ObservedEntry,
  version: number,
): Observation[] {
  const notes = entryNotes(entry, infusionFinishedAt(session.entries));
  const base = (kind: string): ObservationBase => ({
    id: ids.sessionObservation(session.id, chain.rootId, kind),
    meta: { versionId: String(version), lastUpdated: fhirInstant(entry.recordedAt) },
    subject: patientReference(index, session.patientId),
    encounter: reference('Encounter', ids.sessionEncounter(session.id)),
    effectiveDateTime: fhirInstant(entry.occurredAt),
    issued: fhirInstant(entry.recordedAt),
    performer: practitionerReference(index, entry.userId),
  });
  const observations =
    entry.kind === 'checklist'
      ? [...vitalObservations(base, entry.content.vitals), ...scaleObservations(base, entry.content.scales, undefined)]
      : entry.kind === 'discharge'
        ? vitalObservations(base, entry.content.vitals)
        : [...vitalObservations(base, entry.content.vitals), ...checkObservations(base, entry.content)];
  return observations.map((item) => ({ ...item, note: notes.length === 0 ? undefined : notes }));
}

/** What an observation asserts, without bookkeeping (meta, status, notes, who). */
function assertion(resource: Observation): string {
  const { code, valueQuantity, valueCodeableConcept, component, effectiveDateTime } = resource;
  return serializeFhirJson({ code, valueQuantity, valueCodeableConcept, component, effectiveDateTime });
}

/**
 * The observations a chain of entries stands for now. As with an amended exam, a correction
 * is a new version of the same resources (meta.versionId = position in the chain), never a
 * second set: a value the correction changed is "corrected", one it left alone stays
 * "final", and one it removed is kept as "entered-in-error" so a reader of an earlier
 * export learns it was withdrawn. The superseded entry itself is never a current fact.
 */
function chainObservations(index: ExportIndex, session: SessionView, chain: EntryChain<ObservedEntry>): Observation[] {
  const seen = new Map<string, { assertions: Set<string>; latest: Observation }>();
  let current: Observation[] = [];
  chain.versions.forEach((entry, position) => {
    current = versionObservations(index, session, chain, entry, position + 1);
    for (const resource of current) {
      const assertions = new Set([...(seen.get(resource.id)?.assertions ?? []), assertion(resource)]);
      if (assertions.size > 1) resource.status = 'corrected';
      seen.set(resource.id, { assertions, latest: resource });
    }
  });
  const present = new Set(current.map((resource) => resource.id));
  const withdrawn = [...seen.values()]
    .filter(({ latest }) => !present.has(latest.id))
    .map(({ latest }) => ({
      ...latest,
      meta: { versionId: String(chain.version), lastUpdated: fhirInstant(chain.entry.recordedAt) },
      status: 'entered-in-error' as const,
      note: [...(latest.note ?? []), { text: `Withdrawn by the correction charted as entry ${chain.entry.id}.` }],
    }));
  return [...current, ...withdrawn];
}

/** Baseline (checklist), every timed check, and discharge vitals of one session. */
export function sessionObservations(index: ExportIndex, session: SessionView): Observation[] {
  const chains: EntryChain<ObservedEntry>[] = [
    ...entryChains(session, 'checklist'),
    ...entryChains(session, 'observation'),
    ...entryChains(session, 'discharge'),
  ].sort((left, right) => left.entry.occurredAt.localeCompare(right.entry.occurredAt) || left.rootId - right.rootId);
  return chains.flatMap((chain) => chainObservations(index, session, chain));
}
