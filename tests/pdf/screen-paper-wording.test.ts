import { execFileSync } from 'node:child_process';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { UseFormRegister } from 'react-hook-form';
import { beforeAll, describe, expect, it } from 'vitest';
import { vitalsRows } from '../../src/domain/vitals-rows';
import { renderRecordSummarySync } from '../../src/pdf/record-summary';
import { renderSessionRecordSync } from '../../src/pdf/session-record';
import { LimitsTable } from '../../src/renderer/features/formulary/LimitsTable';
import type { FormularyFormValues } from '../../src/renderer/features/formulary/formulary-form-values';
import { LimitsInForce } from '../../src/renderer/features/plans/LimitsInForce';
import { VitalsTable } from '../../src/renderer/features/sessions/VitalsTable';
import { scratchDirectory, writeScratch } from '../signing/signing-fixture';
import { fixturePlanVersion, sessionRecordInput } from './session-record-fixture';
import { planSummaryInput } from './summary-fixture';

/**
 * One word for one thing on screen and on paper: a clinician reads the plan on screen and the
 * signed PDF side by side, and an auditor compares them. The screens are rendered to HTML with
 * React itself, the PDFs read back with pdftotext.
 */

function pdfText(name: string, pdf: Buffer): string {
  const path = writeScratch(scratchDirectory(), name, pdf);
  return execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

/** The visible text of the column headings of a rendered table, in order. */
function columnHeadings(html: string): string[] {
  return [...html.matchAll(/<th scope="col"[^>]*>(.*?)<\/th>/g)].map((match) =>
    (match[1] ?? '')
      .replace(/<[^>]+>/g, '')
      .replace(/\s+/g, ' ')
      .trim(),
  );
}

// The formulary form is only rendered here, never typed into: a register that ties nothing.
const register = ((name: string) => ({
  name,
  onChange: () => Promise.resolve(),
  onBlur: () => Promise.resolve(),
  ref: () => undefined,
})) as unknown as UseFormRegister<FormularyFormValues>;

let planPdf: string;
let sessionPdf: string;

beforeAll(() => {
  planPdf = pdfText('plan.pdf', renderRecordSummarySync(planSummaryInput()));
  sessionPdf = pdfText('session.pdf', renderSessionRecordSync(sessionRecordInput()));
});

describe('words shared by the screens and the signed PDFs', () => {
  const plan = fixturePlanVersion();
  const limitsOnScreen = () =>
    renderToStaticMarkup(createElement(LimitsInForce, { limits: plan.computed.limits, formularyVersion: 3 }));

  it('calls the clinic’s list of drugs and limits the formulary, on screen and in the PDF', () => {
    expect(limitsOnScreen()).toContain('(formulary version 3)');
    expect(planPdf).toContain('Clinic limits in force (formulary version 3)');
    expect(planPdf).not.toMatch(/drug list/i);
  });

  it('heads the limits columns alike in the plan on screen, the formulary form and the PDF', () => {
    const [quantity, soft, hard] = columnHeadings(limitsOnScreen());
    expect(planPdf).toContain(`${quantity} Planned ${soft} ${hard} Result`);
    const formulary = columnHeadings(
      renderToStaticMarkup(createElement(LimitsTable, { index: 0, register, messages: new Map() })),
    );
    expect(formulary).toHaveLength(5);
    const [, hardMin, softMin, softMax, hardMax] = formulary;
    for (const heading of [softMin, softMax]) expect(heading?.startsWith(soft ?? '?'), heading).toBe(true);
    for (const heading of [hardMin, hardMax]) expect(heading?.startsWith(hard ?? '?'), heading).toBe(true);
  });

  it('says a limit the clinic left empty is not configured, in the same words', () => {
    const limits = {
      ...plan.computed.limits,
      durationMin: { ...plan.computed.limits.durationMin, softMin: null, softMax: null },
    };
    const screen = renderToStaticMarkup(createElement(LimitsInForce, { limits, formularyVersion: 3 }));
    expect(planPdf).toContain('Rate per kg 1.8 mg/kg/h Not configured Not configured');
    expect(screen).toMatch(/<th scope="row">Duration<\/th><td>Not configured<\/td>/);
  });

  it('names the vitals column for what it holds (baseline, check, discharge), on screen and in the PDF', () => {
    const rows = vitalsRows(sessionRecordInput().session.entries);
    const screen = renderToStaticMarkup(createElement(VitalsTable, { rows, time: (instant: string) => instant }));
    const headings = columnHeadings(screen);
    expect(headings.slice(0, 3)).toEqual(['Time', 'Reading', 'BP (mmHg)']);
    expect(screen).toContain('<td>Baseline</td>');
    expect(sessionPdf).toContain(`${headings.slice(0, 3).join(' ')} `);
    expect(screen).not.toContain('Taken at');
    expect(sessionPdf).not.toContain('Taken at');
    // The other headings the two tables share read the same too.
    expect(headings).toContain('Sedation (MOAA/S 0–5)');
    expect(sessionPdf).toMatch(/Sedation \(MOAA\/S ?0–5\)/);
  });
});
