import { formatQuantity, toDecimal } from '../../domain/quantity';
import type { SessionView } from '../../domain/session-view';
import { pumpState } from '../../domain/session-state';
import type { EventEntry, RateSegment } from '../session-history';
import { firstEvent, rateSegments, standingEvents } from '../session-history';
import type { ExportIndex, PlanVersion } from '../snapshot-index';
import { ledgerSystems } from './code-systems';
import type { Annotation, CodeableConcept, FhirResource, Identifier, Meta, Period, Reference } from './datatypes';
import type { AdministrationDosage, DosageParts } from './administered-dosage';
import { administrationDosage, chartedRate, infusedDose } from './administered-dosage';
import { fhirInstant } from './instant';
import { ids, reference } from './ids';
import type { FhirMapContext } from './mapper';
import type { MedicationChoice } from './medication';
import { planMedication } from './medication';
import { patientReference, practitionerReference } from './references';
import { formatLotExpiry } from '../../domain/lot-expiry';
import { registerLinks } from './register-medication';
import { exportDateTime } from '../local-time';

export type AdministrationStatus = 'in-progress' | 'on-hold' | 'completed' | 'stopped';

export type MedicationAdministration = FhirResource &
  MedicationChoice & {
    resourceType: 'MedicationAdministration';
    meta?: Meta;
    identifier: Identifier[];
    partOf?: Reference[];
    status: AdministrationStatus;
    statusReason?: CodeableConcept[];
    subject: Reference;
    context: Reference;
    effectivePeriod: Period;
    performer?: { actor: Reference }[];
    request?: Reference;
    /** The register's vials (Medication) the drug was drawn from. */
    supportingInformation?: Reference[];
    note?: Annotation[];
    dosage?: AdministrationDosage;
  };

/** What every MedicationAdministration of one session shares: drug, patient, visit, order. */
type Shared = MedicationChoice & {
  subject: Reference;
  context: Reference;
  request?: Reference;
};

/** The plan version in force when the session started, when the export holds it. */
function planOf(index: ExportIndex, session: SessionView): PlanVersion | undefined {
  const found = index.version(session.planVersionId);
  return found?.version.recordType === 'plan' ? found.version : undefined;
}

/** The drug of the plan, in the bag charted at the start (its lot and expiry). */
function medicationOf(index: ExportIndex, session: SessionView, plan: PlanVersion | undefined): MedicationChoice {
  if (plan === undefined) {
    return { medicationCodeableConcept: { text: `The drug of plan ${session.planRecordId} (not in this export)` } };
  }
  const start = firstEvent(session, 'start')?.content;
  const batch =
    start === undefined || (start.lotNumber === '' && start.lotExpiry === '')
      ? undefined
      : { lotNumber: start.lotNumber, expirationDate: start.lotExpiry };
  return planMedication(index, plan, batch);
}

/**
 * The order the infusion was given under: the plan version in force when the session started.
 * When that plan is outside the selection it is named by the ledger's version id instead, so
 * the reference cannot dangle.
 */
function shared(context: FhirMapContext, session: SessionView, plan: PlanVersion | undefined): Shared {
  const { index } = context;
  const requestId = plan === undefined ? undefined : ids.medicationRequest(session.planRecordId, plan.version);
  const inExport = requestId !== undefined && context.produced.has(`MedicationRequest/${requestId}`);
  return {
    ...medicationOf(index, session, plan),
    subject: patientReference(index, session.patientId),
    context: reference('Encounter', ids.sessionEncounter(session.id)),
    request: inExport
      ? reference('MedicationRequest', requestId)
      : {
          identifier: { system: ledgerSystems.recordVersion, value: String(session.planVersionId) },
          display: `Plan ${session.planRecordId}, record version ${session.planVersionId} (not in this export)`,
        },
  };
}

/** "23-Nov-2026 14:05 UTC−05:00": notes are read by people, in the clinic's time. */
const when = (index: ExportIndex, instant: string) => exportDateTime(instant, index.snapshot.clinic.timeZone);

function correctionNote(entry: EventEntry): Annotation[] {
  return entry.correctsEntryId === null
    ? []
    : [
        {
          text: `Corrected (entry ${entry.id} replaces entry ${entry.correctsEntryId}): ${entry.correctionReason ?? ''}`,
        },
      ];
}

const closerLabels = { 'rate-change': 'Rate changed', pause: 'Paused', stop: 'Stopped', end: 'Ended' } as const;

function segmentNotes(index: ExportIndex, session: SessionView, segment: RateSegment): Annotation[] {
  const opener = segment.opener.entry;
  const notes: Annotation[] = [...correctionNote(opener)];
  const rate = opener.content.rateMlPerH;
  const planned = session.plannedRateMlPerH;
  if (rate !== null && planned !== null && !toDecimal(rate).equals(planned)) {
    notes.push({ text: `Rate differs from the plan (${formatQuantity(planned, 'mL/h')}).` });
  }
  if (opener.content.reason.trim() !== '') notes.push({ text: `Reason: ${opener.content.reason}` });
  const closer = segment.closer;
  if (closer !== null && closer.content.type !== 'start' && closer.content.type !== 'resume') {
    const reason = closer.content.reason.trim() === '' ? '' : `: ${closer.content.reason}`;
    notes.push({ text: `${closerLabels[closer.content.type]} at ${when(index, closer.occurredAt)}${reason}` });
  }
  return notes;
}

/**
 * R4 (MedicationAdministration.dosage.rate[x]): "If the rate changes over time … each change
 * should be captured as a distinct MedicationAdministration, with a specific
 * MedicationAdministration.dosage.rate, and the date time when the rate change occurred."
 * So each stretch at one pump rate is its own MedicationAdministration, partOf the infusion
 * as a whole; a pause is the gap between two stretches (the one before it ends at the pause,
 * the next begins at the resume). A stretch still running is "in-progress", one ended by a
 * stop "stopped", any other "completed". A corrected event is a new version of the same
 * resource (id from the event first charted), never a second stretch.
 */
function segmentAdministration(
  context: FhirMapContext,
  session: SessionView,
  plan: PlanVersion | undefined,
  segment: RateSegment,
): MedicationAdministration {
  const opener = segment.opener.entry;
  const closer = segment.closer;
  return {
    resourceType: 'MedicationAdministration',
    id: ids.rateSegment(session.id, segment.opener.rootId),
    meta: { versionId: String(segment.opener.version), lastUpdated: fhirInstant(opener.recordedAt) },
    ...shared(context, session, plan),
    identifier: [{ system: ledgerSystems.sessionEntry, value: String(opener.id) }],
    partOf: [reference('MedicationAdministration', ids.infusion(session.id))],
    status: closer === null ? 'in-progress' : closer.content.type === 'stop' ? 'stopped' : 'completed',
    effectivePeriod: {
      start: fhirInstant(opener.occurredAt),
      end: closer === null ? undefined : fhirInstant(closer.occurredAt),
    },
    performer: [{ actor: practitionerReference(context.index, opener.userId) }],
    note: segmentNotes(context.index, session, segment),
    dosage: administrationDosage(chartedRate(opener.content.rateMlPerH, plan)),
  };
}

/** running → in-progress, paused → on-hold; a stop (even if ended later) → stopped; else completed. */
function infusionStatus(session: SessionView): AdministrationStatus {
  const state = pumpState(session.entries);
  if (firstEvent(session, 'stop') !== undefined) return 'stopped';
  if (state === 'paused') return 'on-hold';
  return state === 'ended' ? 'completed' : 'in-progress';
}

function infusionNotes(index: ExportIndex, session: SessionView): Annotation[] {
  const notes: Annotation[] = [
    {
      text: `Infusion ${session.seriesNumber}${session.seriesTotal === null ? '' : ` of ${session.seriesTotal}`} of plan ${session.planRecordId}.`,
    },
  ];
  for (const { entry } of standingEvents(session)) {
    const { content } = entry;
    if (content.lotNumber !== '') {
      notes.push({
        text: `Lot ${content.lotNumber}${content.lotExpiry === '' ? '' : `, expires ${formatLotExpiry(content.lotExpiry)}`}.`,
      });
    }
    if (content.wasteMg !== null) {
      const witness = entry.witnessPrintedName === null ? '' : `, witnessed by ${entry.witnessPrintedName}`;
      notes.push({
        text: `Discarded ${formatQuantity(content.wasteMg, 'mg')} at ${when(index, entry.occurredAt)}${witness}.`,
      });
    }
    if (content.type === 'pause' || content.type === 'resume') {
      const reason = content.reason.trim() === '' ? '' : `: ${content.reason}`;
      notes.push({
        text: `${content.type === 'pause' ? 'Paused' : 'Resumed'} at ${when(index, entry.occurredAt)}${reason}`,
      });
    }
  }
  return notes;
}

/**
 * What the whole infusion's dosage can say before a volume is charted: the rate of its latest
 * stretch (running, or as it ran before a pause or a stop), with the state in words. R4
 * describes rate[x] as the speed at which the medication "was or will be introduced".
 */
function uncountedDosage(index: ExportIndex, session: SessionView, plan: PlanVersion | undefined): DosageParts {
  const latest = rateSegments(session).at(-1)?.opener.entry;
  const rate = latest?.content.rateMlPerH ?? null;
  if (latest === undefined || rate === null) return {};
  const ranAt = formatQuantity(rate, 'mL/h');
  const stop = firstEvent(session, 'stop');
  const end = firstEvent(session, 'end');
  const pause = standingEvents(session)
    .filter((chain) => chain.entry.content.type === 'pause')
    .at(-1)?.entry;
  const state = infusionStatus(session);
  const text =
    state === 'in-progress'
      ? `Running at ${ranAt} since ${when(index, latest.occurredAt)}; the volume infused is charted when the infusion ends.`
      : state === 'on-hold' && pause !== undefined
        ? `Paused at ${when(index, pause.occurredAt)}; it ran at ${ranAt} before the pause.`
        : `${stop === undefined ? 'Ended' : 'Stopped'} at ${when(index, (stop ?? end ?? latest).occurredAt)}; the volume infused was not charted. It last ran at ${ranAt}.`;
  return { text, rateQuantity: chartedRate(rate, plan).rateQuantity };
}

/**
 * The infusion as a whole: from the start to the end (or stop). Once the volume infused is
 * charted, its dose is the mg that volume held (with the volume and the arithmetic beside
 * it) and it has no rate of its own: R4 does not use the rate for an average, and the rates
 * are on the stretches that are partOf it. Before that (running, paused, or stopped without
 * a volume) it gives the rate of its latest stretch, so it is valid R4 in every state. A
 * session not started yet has no administration at all (there is nothing to say "not-done"
 * about while it is open, and a session cannot be discharged or signed without an end or a stop).
 */
export function sessionAdministrations(context: FhirMapContext, session: SessionView): MedicationAdministration[] {
  const start = firstEvent(session, 'start');
  if (start === undefined) return [];
  const { index } = context;
  const plan = planOf(index, session);
  const finish = firstEvent(session, 'end') ?? firstEvent(session, 'stop');
  const stop = firstEvent(session, 'stop');
  const volume = firstEvent(session, 'end')?.content.volumeInfusedMl ?? stop?.content.volumeInfusedMl ?? null;
  const dosage = administrationDosage(
    volume === null ? uncountedDosage(index, session, plan) : infusedDose(volume, plan),
  );
  const vials = registerLinks(context, session.id);
  const infusion: MedicationAdministration = {
    resourceType: 'MedicationAdministration',
    id: ids.infusion(session.id),
    ...shared(context, session, plan),
    identifier: [{ system: ledgerSystems.session, value: String(session.id) }],
    status: infusionStatus(session),
    statusReason: stop === undefined || stop.content.reason.trim() === '' ? undefined : [{ text: stop.content.reason }],
    effectivePeriod: {
      start: fhirInstant(start.occurredAt),
      end: finish === undefined ? undefined : fhirInstant(finish.occurredAt),
    },
    performer: [{ actor: practitionerReference(index, start.userId) }],
    supportingInformation: vials.supportingInformation,
    note: [
      ...infusionNotes(index, session),
      ...vials.notes,
      ...(dosage === undefined ? [{ text: 'Neither a rate nor the volume infused was charted.' }] : []),
    ],
    dosage,
  };
  return [infusion, ...rateSegments(session).map((segment) => segmentAdministration(context, session, plan, segment))];
}
