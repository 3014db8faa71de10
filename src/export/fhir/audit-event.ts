import type { AuditEntry } from '../../domain/audit';
import { canonicalJson } from '../../domain/canonical-json';
import type { ExportIndex } from '../snapshot-index';
import type { AuditAction } from './audit-event-codes';
import { auditActionCode, auditEventSubtypes, auditEventType, auditOutcome } from './audit-event-codes';
import { coding, ledgerSystems, systems } from './code-systems';
import type { Coding, FhirResource, Reference } from './datatypes';
import { fhirInstant } from './instant';
import { ids, reference } from './ids';
import type { FhirMapContext, FhirMapper } from './mapper';
import { practitionerReference } from './references';

interface AuditEntity {
  what?: Reference;
  type: Coding;
  role?: Coding;
  detail?: { type: string; valueString: string }[];
}

export interface AuditEvent extends FhirResource {
  resourceType: 'AuditEvent';
  type: Coding;
  subtype: Coding[];
  action: AuditAction;
  recorded: string;
  outcome: '0' | '4';
  outcomeDesc?: string;
  agent: { who?: Reference; name?: string; requestor: boolean }[];
  source: { site: string; observer: Reference; type: Coding[] };
  entity: AuditEntity[];
}

const person = coding(systems.auditEntityType, '1', 'Person');
const systemObject = coding(systems.auditEntityType, '2', 'System Object');

/** A reference only to what this export contains; anything else is named by identifier. */
function entityReference(context: FhirMapContext, entry: AuditEntry): Reference {
  const { entityType, entityId, details } = entry;
  const has = (type: string, id: string) => context.produced.has(`${type}/${id}`);
  const id = entityId === null ? NaN : Number(entityId);
  const candidates: [string, string][] = [];
  if (entityType === 'patient') candidates.push(['Patient', ids.patient(id)]);
  if (entityType === 'user') candidates.push(['Practitioner', ids.practitioner(id)]);
  if (entityType === 'clinic') candidates.push(['Organization', ids.organization()]);
  if (entityType === 'exam') candidates.push(['Encounter', ids.encounter(id)]);
  if (entityType === 'session') candidates.push(['Encounter', ids.sessionEncounter(id)]);
  if (entityType === 'consent') candidates.push(['Consent', ids.consent(id)]);
  if (entityType === 'plan' && typeof details.versionId === 'number') {
    const version = context.index.versionNumber(details.versionId);
    if (version !== undefined) candidates.push(['MedicationRequest', ids.medicationRequest(id, version)]);
  }
  const found = candidates.find(([type, resourceId]) => has(type, resourceId));
  return found === undefined
    ? {
        identifier: {
          system: ledgerSystems.auditEntity,
          value: entityId === null ? entityType : `${entityType}/${entityId}`,
        },
      }
    : reference(found[0], found[1]);
}

/**
 * Every field of the chained entry travels in entity.detail, so the hash chain can be
 * recomputed from the AuditEvents alone (audit/audit-log.ndjson holds the same entries).
 */
function chainDetails(entry: AuditEntry): { type: string; valueString: string }[] {
  const fields: [string, string | null][] = [
    ['seq', String(entry.seq)],
    ['at', entry.at],
    ['actorUserId', entry.actorUserId === null ? null : String(entry.actorUserId)],
    ['action', entry.action],
    ['entityType', entry.entityType],
    ['entityId', entry.entityId],
    ['details', canonicalJson(entry.details)],
    ['prevHash', entry.prevHash],
    ['hash', entry.hash],
  ];
  return fields.flatMap(([type, value]) => (value === null ? [] : [{ type, valueString: value }]));
}

function patientEntity(context: FhirMapContext, entry: AuditEntry): AuditEntity[] {
  const patientId = entry.details.patientId;
  if (entry.entityType === 'patient' || typeof patientId !== 'number') return [];
  if (!context.produced.has(`Patient/${ids.patient(patientId)}`)) return [];
  return [
    {
      what: reference('Patient', ids.patient(patientId)),
      type: person,
      role: coding(systems.objectRole, '1', 'Patient'),
    },
  ];
}

function agentOf(index: ExportIndex, entry: AuditEntry): AuditEvent['agent'][number] {
  if (entry.actorUserId === null) return { name: 'Not signed in', requestor: true };
  return { who: practitionerReference(index, entry.actorUserId), requestor: true };
}

export function auditEvent(context: FhirMapContext, entry: AuditEntry): AuditEvent {
  const { index } = context;
  const reason = entry.details.reason;
  return {
    resourceType: 'AuditEvent',
    id: ids.auditEvent(entry.seq),
    type: auditEventType(entry.action),
    subtype: auditEventSubtypes(entry.action),
    action: auditActionCode(entry.action),
    recorded: fhirInstant(entry.at),
    outcome: auditOutcome(entry.action),
    outcomeDesc: auditOutcome(entry.action) === '4' && typeof reason === 'string' ? reason : undefined,
    agent: [agentOf(index, entry)],
    source: {
      site: index.snapshot.clinic.name,
      observer: reference('Device', ids.device(), 'Dosing Ledger'),
      type: [coding(systems.securitySourceType, '4', 'Application Server')],
    },
    entity: [
      {
        what: entityReference(context, entry),
        type: entry.entityType === 'patient' || entry.entityType === 'user' ? person : systemObject,
        detail: chainDetails(entry),
      },
      ...patientEntity(context, entry),
    ],
  };
}

/** Runs last in the registry, so it can tell which resources exist to point at. */
export const auditEventMapper: FhirMapper = {
  name: 'audit-event',
  scope: 'clinic',
  types: ['AuditEvent'],
  map(context) {
    return [...auditEvents(context)];
  },
  stream: {
    // What entityReference, patientEntity and agentOf may point at.
    references: ['Organization', 'Device', 'Practitioner', 'Patient', 'Encounter', 'Consent', 'MedicationRequest'],
    resources: auditEvents,
  },
};

function* auditEvents(context: FhirMapContext): Generator<AuditEvent> {
  for (const entry of context.index.snapshot.auditEntries) yield auditEvent(context, entry);
}
