import { describe, expect, it } from 'vitest';
import { buildExportFiles } from '../../src/export/export-files';
import { csvRecords, fileText } from './support/export-reader';
import { exportSnapshot, sessions } from './support/snapshot-fixture';

const files = buildExportFiles(exportSnapshot());
const table = (name: string) => csvRecords(fileText(files, `csv/${name}`));
const entryColumns = [
  'entry_id',
  'kind',
  'entry_status',
  'occurred_at_utc',
  'occurred_at_local',
  'recorded_at_utc',
  'recorded_at_local',
  'user_id',
  'charted_by',
  'corrects_entry_id',
  'correction_reason',
  'corrected_by_entry_id',
  'witness',
];

describe('session CSV tables', () => {
  it('writes one row per session with status, plan version, series, times, signatures and its PDF', () => {
    const rows = table('sessions.csv');
    expect(rows.map((row) => row.session_id)).toEqual(['7', '8']);
    expect(rows[0]).toMatchObject({
      mrn: 'MRN-0001',
      patient_name: 'RUIZ, Ana María',
      plan_record_id: '2',
      plan_version_id: '202',
      plan_version: '2',
      series_number: '2',
      series_total: '6',
      status: 'Signed',
      started_at_utc: '2026-11-16T15:05:00.000Z',
      started_at_local: '16-Nov-2026 10:05 UTC−05:00',
      ended_at_local: '16-Nov-2026 10:50 UTC−05:00',
      volume_infused_ml: '100.7',
      iv_site: 'Left antecubital',
      // Formula-injection guard on free text.
      changes_since_last_visit: "'=No changes; slept well",
      discharged_at_local: '16-Nov-2026 11:20 UTC−05:00',
      entries: '19',
      corrected_entries: '1',
      signatures:
        'Li Chen, RN — performed — 16-Nov-2026 11:25 UTC−05:00; Ana Ruiz, MD — reviewed — 16-Nov-2026 11:40 UTC−05:00',
      signed_pdf: 'pdf/session-7-performed.pdf',
    });
    expect(rows[1]).toMatchObject({ status: 'Stopped', discharged_at_utc: '', signatures: '', plan_version: '1' });
  });

  it('gives every entry table the occurred-at and recorded-at times, user, correction and witness columns', () => {
    for (const name of ['session-events.csv', 'session-observations.csv', 'session-adverse-events.csv']) {
      const header = fileText(files, `csv/${name}`).slice(1).split('\r\n')[0]?.split(',') ?? [];
      expect(header.slice(5, 5 + entryColumns.length), name).toEqual(entryColumns);
    }
  });

  it('lists the administration events with rate, deviation from the plan, reasons, lot and witnessed waste', () => {
    const rows = table('session-events.csv').filter((row) => row.session_id === '7');
    expect(rows.map((row) => [row.event, row.rate_ml_per_h, row.differs_from_plan, row.reason])).toEqual([
      ['Started', '151.3', 'no', ''],
      ['Rate changed', '120', 'yes', 'Dissociation: CADSS-6 rising'],
      ['Paused', '', '', 'Nausea'],
      ['Resumed', '120', 'yes', 'Nausea settled; reduced rate kept'],
      ['Ended', '', '', ''],
    ]);
    expect(rows[0]).toMatchObject({
      lot_number: 'K123',
      lot_expiry: '2027-06',
      charted_by: 'Li Chen, RN',
      user_id: '3',
    });
    expect(rows[4]).toMatchObject({ volume_infused_ml: '100.7', waste_mg: '2', witness: 'Ana Ruiz, MD' });
  });

  it('lists every observation, superseded ones too, marked, with the correction and its reason', () => {
    const rows = table('session-observations.csv').filter((row) => row.session_id === '7');
    const ruiz = sessions[0];
    expect(rows).toHaveLength(
      ruiz?.entries.filter((entry) => ['checklist', 'observation', 'discharge'].includes(entry.kind)).length ?? -1,
    );
    const original = rows.find((row) => row.entry_id === '704');
    const correction = rows.find((row) => row.entry_id === '712');
    expect(original).toMatchObject({
      entry_status: 'Corrected by entry 712',
      pain_nrs: '4',
      respiratory_rate_per_min: '14',
      corrected_by_entry_id: '712',
    });
    expect(correction).toMatchObject({
      entry_status: 'Current',
      pain_nrs: '3',
      respiratory_rate_per_min: '',
      corrects_entry_id: '704',
      correction_reason: 'Pain score and respiratory rate were of the previous patient',
      occurred_at_utc: '2026-11-16T15:15:00.000Z',
      recorded_at_utc: '2026-11-16T15:33:00.000Z',
      recorded_at_local: '16-Nov-2026 10:33 UTC−05:00',
    });
    expect(rows[0]).toMatchObject({
      context: 'Baseline (pre-infusion checklist)',
      heart_rate_per_min: '72',
      phq9_total: '5',
      pain_nrs: '6',
    });
    expect(rows.find((row) => row.entry_id === '706')).toMatchObject({ cadss6_items: '2 1  1 0 0', cadss6_total: '' });
    expect(rows.find((row) => row.entry_id === '715')).toMatchObject({ cadss6_total: '3', sedation_moaas: '5' });
    expect(rows.find((row) => row.entry_id === '718')).toMatchObject({ context: 'Discharge', systolic_mmhg: '122' });
  });

  it('lists adverse events and session signatures', () => {
    expect(table('session-adverse-events.csv')).toEqual([
      expect.objectContaining({
        session_id: '7',
        entry_id: '707',
        event_type: 'Nausea',
        onset_at_local: '16-Nov-2026 10:21 UTC−05:00',
        severity: 'moderate',
        rescue_medication: 'Ondansetron 4 mg IV',
        outcome: 'Resolved within 8 min',
        physician_notified: 'Ana Ruiz, MD',
        physician_notified_at_utc: '2026-11-16T15:23:00.000Z',
      }),
    ]);
    expect(
      table('session-signatures.csv').map((row) => [
        row.session_signature_id,
        row.meaning,
        row.last_entry_id,
        row.signed_pdf,
      ]),
    ).toEqual([
      ['21', 'performed', '719', 'pdf/session-7-performed.pdf'],
      ['22', 'reviewed', '719', ''],
    ]);
  });

  it('describes the session files in the README and counts them', () => {
    const readme = fileText(files, 'README.txt');
    expect(readme).toContain('2 infusion sessions (23 charted entries, 2 session signatures)');
    expect(readme).toContain('6 signed PDF summaries of records, 1 signed session records');
    expect(readme).toContain('session-events.csv');
    expect(readme).toContain('MedicationAdministration, partOf it');
  });
});

describe('times the signed plan does not allow, in the session CSV tables', () => {
  it('carries each timing finding with the nurse’s reason, and the explanation of each stretch without a check', () => {
    const snapshot = exportSnapshot();
    const session = snapshot.sessions[0];
    const start = session?.entries.find((entry) => entry.kind === 'event' && entry.content.type === 'start');
    const discharge = session?.entries.find((entry) => entry.kind === 'discharge');
    if (start?.kind !== 'event' || discharge?.kind !== 'discharge') throw new Error('fixture');
    start.content.timing = {
      findings: [{ code: 'before-interval', message: 'Infusion 2 starts 4 days after infusion 1; the plan says 7.' }],
      reason: 'Physician agreed by phone; order to follow.',
    };
    discharge.content.gapExplanations = [
      { fromAt: '2026-11-16T15:20:00.000Z', untilAt: '2026-11-16T15:50:00.000Z', explanation: 'Monitor lead off.' },
    ];
    const rebuilt = buildExportFiles(snapshot);
    const events = csvRecords(fileText(rebuilt, 'csv/session-events.csv'));
    expect(events.find((row) => row.entry_id === String(start.id))).toMatchObject({
      timing_findings: 'Infusion 2 starts 4 days after infusion 1; the plan says 7.',
      timing_reason: 'Physician agreed by phone; order to follow.',
    });
    const sessionsRows = csvRecords(fileText(rebuilt, 'csv/sessions.csv'));
    expect(sessionsRows[0]?.gap_explanations).toBe(
      '16-Nov-2026 10:20 UTC−05:00 to 16-Nov-2026 10:50 UTC−05:00: Monitor lead off.',
    );
  });
});
