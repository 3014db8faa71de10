import { describe, expect, it } from 'vitest';
import type { SessionView } from '../../src/domain/session-view';
import { buildExportFiles } from '../../src/export/export-files';
import type { JsonResource } from './support/export-reader';
import { allNdjsonResources, csvRecords, fileText, referencesIn, resourceById } from './support/export-reader';
import { requiredBindingErrors } from './support/fhir-bindings';
import { fhirSchemaErrors } from './support/fhir-schema';
import { exportSnapshot, sessions } from './support/snapshot-fixture';

const t = (hhmm: string) => `2026-11-16T${hhmm}:00.000Z`;

/** Session 7 supervised by Dr Ruiz from the checklist, handed over to Dr Haddad at 15:30. */
function supervised(session: SessionView): SessionView {
  if (session.id !== 7) return session;
  const entries = session.entries.map((entry): SessionView['entries'][number] =>
    entry.kind === 'checklist'
      ? {
          ...entry,
          content: {
            ...entry.content,
            supervision: { physicianUserId: 2, printedName: 'Ana Ruiz, MD', availability: 'on-site' },
            monitoring: { pulseOximetry: true, ecg: false, capnography: false, nibp: true, supplementalOxygen: false },
          },
        }
      : entry,
  );
  const first = entries[0];
  if (first === undefined) throw new Error('no entries');
  const handover = {
    ...first,
    id: 700,
    kind: 'supervision',
    occurredAt: t('15:30'),
    recordedAt: t('15:30'),
    correctsEntryId: null,
    correctionReason: null,
    correctedByEntryId: null,
    content: { physicianUserId: 5, printedName: 'Karim Haddad, DO, PhD', availability: 'on-site', note: '' },
  } as SessionView['entries'][number];
  return { ...session, entries: [...entries, handover] };
}

const files = buildExportFiles(exportSnapshot({ sessions: sessions.map(supervised) }));
const resources = allNdjsonResources(files);
const get = (type: string, id: string) => resourceById(resources, type, id);
const notes = (resource: JsonResource) => ((resource.note ?? []) as { text: string }[]).map((note) => note.text);

describe('supervision, monitoring and recovery checks in FHIR R4 (issue 22 point 5)', () => {
  it('names each supervising physician an attender of the Encounter, for the time they supervised', () => {
    const participants = get('Encounter', 'session-7').participant as {
      type: { coding: { code: string }[] }[];
      individual: { reference: string };
      period?: { start?: string; end?: string };
    }[];
    const attenders = participants.filter((participant) => participant.type[0]?.coding[0]?.code === 'ATND');
    expect(attenders).toEqual([
      expect.objectContaining({
        individual: expect.objectContaining({ reference: 'Practitioner/user-2' }) as unknown,
        period: { start: t('15:00'), end: t('15:30') },
      }),
      expect.objectContaining({
        individual: expect.objectContaining({ reference: 'Practitioner/user-5' }) as unknown,
        period: { start: t('15:30') },
      }),
    ]);
    // A session from before supervision was recorded names none.
    const other = get('Encounter', 'session-8').participant as { type: { coding: { code: string }[] }[] }[];
    expect(other.some((participant) => participant.type[0]?.coding[0]?.code === 'ATND')).toBe(false);
  });

  it('notes the supervisor and monitoring on the baseline, and marks recovery checks', () => {
    expect(notes(get('Observation', 'session-7-entry-701-pain'))).toEqual([
      'Baseline, from the pre-infusion checklist.',
      'Supervising physician: Ana Ruiz, MD (on site)',
      'Monitoring in use: Pulse oximetry, Non-invasive blood pressure',
    ]);
    expect(notes(get('Observation', 'session-7-entry-717-pain'))).toContain(
      'Recovery check, after the infusion stopped.',
    );
    expect(notes(get('Observation', 'session-7-entry-711-nausea'))).not.toContain(
      'Recovery check, after the infusion stopped.',
    );
  });

  it('stays valid R4 with no dangling reference', () => {
    const sessionResources = resources.filter((resource) => resource.id.startsWith('session-'));
    expect(sessionResources.flatMap(fhirSchemaErrors)).toEqual([]);
    expect(sessionResources.flatMap(requiredBindingErrors)).toEqual([]);
    const keys = new Set(resources.map((resource) => `${resource.resourceType}/${resource.id}`));
    expect(sessionResources.flatMap(referencesIn).filter((reference) => !keys.has(reference))).toEqual([]);
  });

  it('gives sessions.csv who supervised from when, and the monitoring in use', () => {
    const rows = csvRecords(fileText(files, 'csv/sessions.csv'));
    expect(rows.find((row) => row.session_id === '7')).toMatchObject({
      supervised_by:
        'Ana Ruiz, MD (on site) from 16-Nov-2026 10:00 UTC−05:00; Karim Haddad, DO, PhD (on site) from 16-Nov-2026 10:30 UTC−05:00',
      monitoring_in_use: 'Pulse oximetry, Non-invasive blood pressure',
      required_monitoring_not_in_use_reason: '',
    });
    // A session started before supervision was recorded reads empty, not "undefined".
    expect(rows.find((row) => row.session_id === '8')).toMatchObject({ supervised_by: '', monitoring_in_use: '' });
  });
});
