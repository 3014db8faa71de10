import { formatRange, limitedQuantities, limitTableRows } from '../domain/limits';
import { lineRounded } from '../domain/derivation-line';
import { administrationLabels, administrationOf, preparationText } from '../domain/administration';
import type { LimitCheck, LimitedQuantity } from '../domain/limits';
import type { PlanContent } from '../domain/plan';
import { formatQuantity } from '../domain/quantity';
import type { PlanComputed } from '../domain/record-view';
import { formularyVersionText, limitHeadings, limitNotConfigured, weightAgeLabel } from '../domain/shared-labels';
import { formatDate, formatDurationMin } from '../domain/time';
import { formatWeight } from '../domain/weight';
import type { Cell, DocumentFlow } from './document-flow';
import { linesHeight, text } from './document-flow';
import { orNone, plural } from './summary-wording';
import type { Span } from './text-style';
import { colors, styles } from './summary-theme';
import { writeWeightCheck } from './weight-check-section';
import { writeCourseGoal } from './course-goal-section';

function shownLine(computed: PlanComputed, quantity: string): string | null {
  return computed.lines.find((line) => line.quantity === quantity)?.shown ?? null;
}

/** "Ketamine hydrochloride, 50 mg/mL": the drug and concentration, as every document names them. */
export function drugField(content: PlanContent, computed: PlanComputed): { label: string; value: Span[] } {
  return {
    label: 'Drug and concentration',
    value: [
      text(computed.drugName === '' ? 'Not known' : computed.drugName, styles.bodyBold),
      text(content.concentrationMgPerMl === null ? '' : `, ${formatQuantity(content.concentrationMgPerMl, 'mg/mL')}`),
    ],
  };
}

/** The four figures a nurse sets the pump from, in a row of large type. */
export function writeKeyFigures(flow: DocumentFlow, content: PlanContent, computed: PlanComputed): void {
  const figures = [
    { label: 'Total dose', value: shownLine(computed, 'totalMg') },
    // The rate set in the pump's steps; plans signed before pumps were named have only the mL/h rate.
    { label: 'Pump rate', value: shownLine(computed, 'pumpRateMlPerH') ?? shownLine(computed, 'rateMlPerH') },
    { label: 'Draw up', value: shownLine(computed, 'drugVolumeMl') },
    { label: 'Rate', value: shownLine(computed, 'rateMgPerH') },
    { label: 'Duration', value: content.durationMin === null ? null : formatDurationMin(content.durationMin) },
  ];
  const gapPt = 6;
  const cellWidth = (flow.width - gapPt * (figures.length - 1)) / figures.length;
  const laidOut = figures.map((figure) => ({
    label: flow.engine.lines([text(figure.label, styles.label)], cellWidth - 12),
    value: flow.engine.lines([text(figure.value ?? 'Not known', styles.figure)], cellWidth - 12),
  }));
  const height = Math.max(...laidOut.map((cell) => linesHeight(cell.label) + linesHeight(cell.value))) + 10;
  flow.ensure(height + 6);
  laidOut.forEach((cell, index) => {
    const x = flow.frame.left + index * (cellWidth + gapPt);
    flow.doc.rect(x, flow.y, cellWidth, height).fillColor(colors.keyFigure).fill();
    const labelHeight = flow.drawLines(cell.label, x + 6, flow.y + 5);
    flow.drawLines(cell.value, x + 6, flow.y + 5 + labelHeight);
  });
  flow.y += height + 8;
  if (computed.delivery !== undefined) {
    flow.paragraph([text(computed.delivery.text, computed.delivery.differs ? styles.alert : styles.body)], {
      gapAfterPt: 6,
    });
  }
}

function plannedValue(quantity: LimitedQuantity, content: PlanContent, computed: PlanComputed): string {
  const unit = limitedQuantities[quantity].unit;
  switch (quantity) {
    case 'doseMgPerKg':
      return content.doseBasis === 'mg/kg' && content.doseMgPerKg !== null
        ? formatQuantity(content.doseMgPerKg, unit)
        : 'Not applicable (fixed dose)';
    case 'totalMg':
    case 'rateMgPerKgPerH':
    case 'rateMgPerH':
    case 'rateMlPerH': {
      const value = computed.derived[quantity];
      // Stored as the derived figures print it; "≈" where their rule rounded the exact value.
      const line = computed.lines.find((candidate) => candidate.quantity === quantity);
      const rounded = line === undefined || lineRounded(line);
      return value === undefined ? 'Not known' : `${rounded ? '≈ ' : ''}${formatQuantity(value, unit)}`;
    }
    case 'durationMin':
      return content.durationMin === null ? 'Not known' : formatQuantity(content.durationMin, unit);
    case 'concentrationMgPerMl':
      return content.concentrationMgPerMl === null ? 'Not known' : formatQuantity(content.concentrationMgPerMl, unit);
  }
}

function resultWords(check: LimitCheck, configured: boolean, computed: PlanComputed): Cell {
  const finding = computed.findings.find((candidate) => candidate.check === check);
  if (finding?.level === 'hard') return [text("Outside your clinic's hard limit", styles.alert)];
  if (finding?.level === 'soft') return [text("Outside your clinic's configured range", styles.alert)];
  return [text(configured ? 'Within range' : 'No limit configured', styles.body)];
}

const notConfigured = (range: string) => (range === 'no range' ? limitNotConfigured : range);

function limitsTable(flow: DocumentFlow, content: PlanContent, computed: PlanComputed): void {
  const { limits } = computed;
  const rows: Cell[][] = limitTableRows(limits).map((quantity) => {
    const range = limits[quantity];
    const unit = limitedQuantities[quantity].unit;
    const soft = formatRange(range.softMin, range.softMax, unit);
    const hard = formatRange(range.hardMin, range.hardMax, unit);
    return [
      [text(limitedQuantities[quantity].label, styles.bodyBold)],
      [text(plannedValue(quantity, content, computed))],
      [text(notConfigured(soft))],
      [text(notConfigured(hard))],
      resultWords(quantity, soft !== 'no range' || hard !== 'no range', computed),
    ];
  });
  const { soft, hard } = limits.weightMaxAgeDays;
  rows.push([
    [text(weightAgeLabel, styles.bodyBold)],
    [text(computed.weightAgeDays === null ? 'Not known' : plural(computed.weightAgeDays, 'day', 'days'))],
    [text(soft === null ? limitNotConfigured : `at most ${plural(soft, 'day', 'days')}`)],
    [text(hard === null ? limitNotConfigured : `at most ${plural(hard, 'day', 'days')}`)],
    resultWords('weightAge', soft !== null || hard !== null, computed),
  ]);
  flow.table(
    [
      { header: limitHeadings.quantity, share: 1.3 },
      { header: 'Planned', share: 1.3 },
      { header: limitHeadings.range, share: 1.4 },
      { header: limitHeadings.hard, share: 1.4 },
      { header: 'Result', share: 1.8 },
    ],
    rows,
  );
}

/** The plan in full: drug, dose basis and weight, every derived figure with its formula, limits. */
export function writePlanSection(
  flow: DocumentFlow,
  content: PlanContent,
  computed: PlanComputed,
  formularyVersion: number | null,
): void {
  flow.heading('Plan');
  writeKeyFigures(flow, content, computed);
  const rates = ['rateMgPerH', 'rateMgPerKgPerH', 'rateMlPerH']
    .map((quantity) => shownLine(computed, quantity))
    .filter((value): value is string => value !== null);
  const weight = content.weight;
  const method = administrationOf(content);
  flow.fields([
    drugField(content, computed),
    {
      label: 'How it is given',
      value: [text(method === null ? 'Not known' : `${administrationLabels[method]}. ${preparationText(content)}`)],
    },
    {
      label: 'Dose basis',
      value: [
        text(
          content.doseBasis === 'mg/kg' && content.doseMgPerKg !== null
            ? `${formatQuantity(content.doseMgPerKg, 'mg/kg')} of body weight`
            : content.doseBasis === 'fixed' && content.doseMg !== null
              ? `Fixed dose of ${formatQuantity(content.doseMg, 'mg')}`
              : 'Not known',
          styles.bodyBold,
        ),
      ],
    },
    {
      label: 'Weight used',
      value:
        weight === null
          ? [text('None (fixed dose)')]
          : [
              text(formatWeight(weight), styles.bodyBold),
              text(
                ` — ${weight.source === 'measured' ? 'measured' : 'stated by the patient'} on ${formatDate(weight.measuredOn)}, ${weight.from === 'exam' ? 'taken from the exam' : 'entered on the plan'}${computed.weightAgeDays === null ? '' : `; ${plural(computed.weightAgeDays, 'day', 'days')} old when signed`}`,
              ),
            ],
    },
    { label: 'Total dose', value: [text(shownLine(computed, 'totalMg') ?? 'Not known', styles.bodyBold)] },
    { label: 'Rate', value: [text(rates.length === 0 ? 'Not known' : rates.join('  ·  '), styles.bodyBold)] },
    {
      label: 'Duration',
      value: [
        text(content.durationMin === null ? 'Not known' : formatDurationMin(content.durationMin), styles.bodyBold),
      ],
    },
    {
      label: 'Series',
      value: [
        text(
          content.series.infusions === null
            ? 'Not known'
            : `${plural(content.series.infusions, 'infusion', 'infusions')}${content.series.intervalDays === null ? '' : content.series.intervalDays === 0 ? ', no interval' : `, ${plural(content.series.intervalDays, 'day', 'days')} apart`}`,
        ),
      ],
    },
    {
      label: 'Monitoring interval',
      value: [
        text(
          content.monitoringIntervalMin === null
            ? 'Not known'
            : `Every ${formatQuantity(content.monitoringIntervalMin, 'min')}`,
        ),
      ],
    },
    { label: 'Premedication', value: [text(orNone(content.premedication))] },
    { label: 'Rescue medication', value: [text(orNone(content.rescueMedication))] },
    { label: 'Notes', value: [text(orNone(content.notes))] },
  ]);
  writeWeightCheck(flow, computed.weightCheck, content.weightAcknowledgement);
  writeCourseGoal(flow, content.courseGoal);

  flow.subheading('Derived figures');
  flow.paragraph([
    text(
      'Computed by the app from the values above with exact decimals; each figure is rounded only for display, by the rule shown.',
      styles.small,
    ),
  ]);
  flow.table(
    [
      { header: 'Figure', share: 1.2 },
      { header: 'Formula', share: 3.2 },
      { header: 'Shown', share: 1.1 },
      { header: 'Rounding', share: 1.3 },
    ],
    computed.lines.map((line) => [
      [text(line.label, styles.bodyBold)],
      [text(line.formula)],
      [text(line.shown, styles.bodyBold)],
      [text(line.rounding)],
    ]),
  );

  flow.subheading(`Clinic limits in force${formularyVersionText(formularyVersion)}`);
  if (computed.noLimitsConfigured) {
    flow.paragraph([
      text('Your clinic has configured no limits for this drug: nothing was compared.', styles.bodyBold),
    ]);
  } else {
    limitsTable(flow, content, computed);
  }

  flow.subheading('Findings and reasons');
  if (computed.findings.length === 0) {
    flow.paragraph([
      text(
        computed.noLimitsConfigured
          ? 'No findings (no limits configured).'
          : "Every planned value is within your clinic's configured ranges.",
      ),
    ]);
  }
  for (const finding of computed.findings) {
    // The stored message ends with advice for the form ("Signing needs a reason."), not for paper.
    const message = finding.message.replace(/\s*Signing needs a reason\.$/, '');
    flow.paragraph(
      [
        text(finding.level === 'hard' ? 'Hard limit: ' : 'Configured range: ', styles.alertLabel),
        text(message, styles.alert),
      ],
      { gapAfterPt: 1 },
    );
    const reason = content.overrideReasons[finding.check as LimitCheck] ?? '';
    flow.paragraph(
      [text('Reason given by the physician: ', styles.label), text(orNone(reason, 'None'), styles.bodyBold)],
      { indentPt: 12, gapAfterPt: 5 },
    );
  }
}
