import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SessionView } from '../../src/domain/session-view';
import { renderSessionRecordSync } from '../../src/pdf/session-record';
import { checkNames, verifyPdf } from '../../src/signing/verify-pdf';
import { createClinic, scratchDirectory, signedPlanSummary, writeScratch } from '../signing/signing-fixture';
import { sessionRecordInput } from './session-record-fixture';

function text(pdf: Buffer): string {
  const path = writeScratch(scratchDirectory(), 'session.pdf', pdf);
  return execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

let rendered: Buffer;
let pages: string;

const t = (hhmm: string) => `2026-11-16T${hhmm}:00.000Z`;
const travelling = 'Travelling next week; Dr Ruiz agreed by phone to bring it forward';
const asleep = 'Patient asleep; pump alarms and continuous SpO2 watched from the desk';

/**
 * The fixture session started before the plan's interval (acknowledged at the checklist),
 * with the checks of 15:35–15:45 left out (a 20-minute stretch, explained at discharge) and
 * nothing discarded (0 mg charted).
 */
function variant(session: SessionView): SessionView {
  const entries = session.entries
    .filter((entry) => ![713, 714, 715].includes(entry.id))
    .map((entry): SessionView['entries'][number] => {
      if (entry.kind === 'checklist') {
        const message =
          'Before the plan’s interval: last infusion on 14-Nov-2026 09:40 UTC−05:00; plan interval 3 days; earliest by plan 17-Nov-2026.';
        return {
          ...entry,
          content: {
            ...entry.content,
            timing: { findings: [{ code: 'before-interval', message }], reason: travelling },
          },
        };
      }
      if (entry.kind === 'event' && entry.content.type === 'end') {
        return { ...entry, witnessPrintedName: null, content: { ...entry.content, wasteMg: '0' } };
      }
      if (entry.kind === 'discharge') {
        const gapExplanations = [{ fromAt: t('15:30'), untilAt: t('15:50'), explanation: asleep }];
        return { ...entry, content: { ...entry.content, gapExplanations } };
      }
      return entry;
    });
  return { ...session, entries };
}

let variantPages: string;

beforeAll(() => {
  rendered = renderSessionRecordSync(sessionRecordInput());
  pages = text(rendered);
  variantPages = text(renderSessionRecordSync(sessionRecordInput(variant)));
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
    const input = sessionRecordInput();
    expect(renderSessionRecordSync(input).equals(rendered)).toBe(true);
    const signing = createClinic();
    const signed = signedPlanSummary(signing, rendered);
    const result = verifyPdf(signed, { trustedRootPems: [signing.root.certificatePem] });
    expect(result.checks.filter((check) => !check.ok)).toEqual([]);
    expect(result.checks.find((check) => check.name === checkNames.record)?.detail).toContain(input.recordSha256);
  });

  it('refuses to print entries the signature does not cover, or JSON that is not the session shown', () => {
    const later = sessionRecordInput((session) => ({
      ...session,
      signatures: session.signatures.map((signature) => ({ ...signature, lastEntryId: 1 })),
    }));
    expect(() => renderSessionRecordSync(later)).toThrow(/entries charted after the signature/);
    const input = sessionRecordInput();
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

  it('carries a start against the plan’s timing with its reason, at a glance and in the checklist (issue 20, points 10–11)', () => {
    expect(variantPages).toContain('Against the plan’s timing');
    expect(variantPages).toContain('Before the plan’s interval: last infusion on 14-Nov-2026 09:40 UTC−05:00');
    expect(variantPages).toContain(`Reason given: ${travelling}`);
    expect(pages).not.toContain('Against the plan’s timing');
  });

  it('prints each stretch without a check next to its explanation (issue 20, point 13)', () => {
    expect(variantPages).toMatch(
      new RegExp(
        `No check from 10:30 UTC−05:00 to 10:50 UTC−05:00 \\(20 min\\): explained: ${asleep.replace(/[.;]/g, '.')}`,
      ),
    );
    const unexplained = text(
      renderSessionRecordSync(
        sessionRecordInput((session) => {
          const gappy = variant(session);
          return {
            ...gappy,
            entries: gappy.entries.map((entry) =>
              entry.kind === 'discharge' ? { ...entry, content: { ...entry.content, gapExplanations: [] } } : entry,
            ),
          };
        }),
      ),
    );
    expect(unexplained).toContain('No check from 10:30 UTC−05:00 to 10:50 UTC−05:00 (20 min): not explained');
  });

  it('words discarded drug the same at a glance and in the table, and gives the mg the volume carries (issue 20, point 18)', () => {
    expect(variantPages).toContain('Drug discarded None (0 mg)');
    expect(variantPages).toContain('Drug discarded: None (0 mg)');
    expect(variantPages).not.toContain('Discarded 0 mg');
    expect(pages).toContain('Drug discarded 2 mg, witnessed by Ana Ruiz, MD');
    expect(pages).toContain('Drug discarded: 2 mg, witnessed by Ana Ruiz, MD');
    // Mg at the plan's final concentration, from exact figures, the rounding stated.
    expect(pages).toMatch(
      /Volume infused 100\.7 mL, which carries ≈ \d+(\.\d+)? mg \(100\.7 mL × (≈ )?[\d.]+ mg ÷ (≈ )?[\d.]+ mL, rounded to 0\.01 mg\)/,
    );
    // At a glance and in the administration table alike.
    expect(pages.split('Volume infused 100.7 mL, which carries').length - 1).toBe(2);
  });
});
