import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { RecordVersionView } from '../../src/domain/record-view';
import { SignInContext } from '../../src/renderer/app/sign-in-context';
import type { SignInContextValue } from '../../src/renderer/app/sign-in-context';
import { ChairsidePlan } from '../../src/renderer/features/chairside/ChairsidePlan';
import { KeyFigures } from '../../src/renderer/features/chairside/KeyFigure';
import { planRecord } from '../pdf/summary-fixture';

/** The chairside plan as the browser gets it, signed in as a nurse of a clinic on New York time. */
const context = {
  signIn: {
    state: 'active',
    clinic: { name: 'Lakeside Infusion Clinic', address: '', timeZone: 'America/New_York', autoLockMinutes: 10 },
    user: { id: 3, username: 'nurse', displayName: 'Li Chen', credentials: 'RN', role: 'nurse' },
    serverTime: '2026-11-30T16:00:00.000Z',
    locksAt: '2026-11-30T17:00:00.000Z',
  },
} as unknown as SignInContextValue;

type PlanVersion = Extract<RecordVersionView, { recordType: 'plan' }>;

/** The signed plan of the PDF fixture, with the figures it derives written out here. */
function planVersion(drawUpLabel = 'Drug volume to add'): PlanVersion {
  const version = planRecord().versions[1]?.view;
  if (version?.recordType !== 'plan' || version.computed === null) throw new Error('fixture');
  const line = (quantity: string, label: string, shown: string) => ({
    quantity,
    label,
    formula: `… = ${shown}`,
    shown,
    rounding: 'exact',
  });
  return {
    ...version,
    computed: {
      ...version.computed,
      lines: [
        line('totalMg', 'Total dose', '87.09 mg'),
        line('rateMgPerH', 'Rate', '130.64 mg/h'),
        line('drugVolumeMl', drawUpLabel, '1.74 mL'),
        line('finalVolumeMl', 'Final bag volume', '101.74 mL'),
        line('rateMlPerH', 'Pump rate', '152.6 mL/h'),
      ],
    },
  };
}

function chairside(drawUpLabel?: string): string {
  const version = planVersion(drawUpLabel);
  return renderToStaticMarkup(
    createElement(
      SignInContext.Provider,
      { value: context },
      createElement(ChairsidePlan, { version, position: null, stale: false }),
    ),
  );
}

/** The large figures, label → figure as shown, in order. */
function keyFigures(html: string): [string, string][] {
  const list = /<dl class="key-figures">(.*?)<\/dl>/.exec(html)?.[1] ?? '';
  return Array.from(
    list.matchAll(/<dt class="key-figure-label">(.*?)<\/dt><dd class="key-figure-value">(.*?)<\/dd>/g),
    (match) => [match[1] ?? '', (match[2] ?? '').replace(/<[^>]+>/g, '')],
  );
}

describe('the chairside plan', () => {
  it('shows the drug volume to draw up among the large figures, after the pump rate', () => {
    const figures = keyFigures(chairside());
    expect(figures[0]).toEqual(['Pump rate', '152.6 mL/h']);
    expect(figures[1]).toEqual(['Drug volume to add', '1.74 mL']);
    // Named as the plan's own derivation below names it.
    expect(keyFigures(chairside('Drug volume to draw up'))[1]).toEqual(['Drug volume to draw up', '1.74 mL']);
    expect(figures.map(([label]) => label)).toEqual([
      'Pump rate',
      'Drug volume to add',
      'Total dose',
      'Rate',
      'Duration',
      'Observations every',
    ]);
  });

  it('shows the rate in the pump steps and what it delivers against the dose signed (point 2)', () => {
    const version = planVersion();
    if (version.computed === null) throw new Error('fixture');
    const withPump: PlanVersion = {
      ...version,
      computed: {
        ...version.computed,
        lines: [
          ...version.computed.lines,
          {
            quantity: 'pumpRateMlPerH',
            label: 'Pump rate to program',
            formula: '…',
            shown: '152.6 mL/h',
            rounding: '',
          },
        ],
        delivery: {
          text: 'At 152.6 mL/h over 40 min the pump delivers ≈ 87.08 mg of the 87.09 mg signed.',
          differs: true,
        },
      },
    };
    const html = renderToStaticMarkup(
      createElement(
        SignInContext.Provider,
        { value: context },
        createElement(ChairsidePlan, { version: withPump, position: null, stale: false }),
      ),
    );
    expect(keyFigures(html)[0]).toEqual(['Pump rate', '152.6 mL/h']);
    expect(html).toContain('The pump rate changes the dose');
    expect(html).toContain('the pump delivers ≈ 87.08 mg of the 87.09 mg signed');
    // Said how it is given, in the plan's words.
    expect(html).toContain('In an infusion bag with diluent (infusion pump). In 100 mL of 0.9% sodium chloride');
  });

  it('lays out any list of figures, the first primary, each with its unit set beside it', () => {
    const html = renderToStaticMarkup(
      createElement(KeyFigures, {
        figures: [
          { label: 'Pump rate', shown: '5.4 mL/h', primary: true },
          { label: 'Programmed pump rate', shown: '5.44 mL/h' },
          { label: 'Duration', shown: '' },
        ],
      }),
    );
    expect(html).toContain(
      '<div class="key-figure key-figure-primary"><dt class="key-figure-label">Pump rate</dt><dd class="key-figure-value"><span class="key-figure-number">5.4</span><span class="key-figure-unit"> mL/h</span></dd></div>',
    );
    expect(keyFigures(html)).toEqual([
      ['Pump rate', '5.4 mL/h'],
      ['Programmed pump rate', '5.44 mL/h'],
      ['Duration', 'Not known'],
    ]);
  });
});
