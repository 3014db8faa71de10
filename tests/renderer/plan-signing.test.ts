import { createElement } from 'react';
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { useForm } from 'react-hook-form';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { completeExam, demoKetamine, planWith } from '../../src/cli/demo-clinical';
import type { CallResult } from '../../src/contract/errors';
import type { Drug } from '../../src/domain/formulary';
import type { Patient } from '../../src/domain/patient';
import type { PlanContent } from '../../src/domain/plan';
import { evaluatePlan } from '../../src/domain/plan';
import type { RecordView } from '../../src/domain/record-view';
import { SignInContext } from '../../src/renderer/app/sign-in-context';
import type { SignInContextValue } from '../../src/renderer/app/sign-in-context';
import { ArithmeticPanel } from '../../src/renderer/features/plans/ArithmeticPanel';
import type { PlanContext } from '../../src/renderer/features/plans/plan-form-content';
import { planContentFrom } from '../../src/renderer/features/plans/plan-form-content';
import type { PlanFormValues } from '../../src/renderer/features/plans/plan-form-values';
import { planFormValues, planFormValuesSchema } from '../../src/renderer/features/plans/plan-form-values';
import { planSigningProblems } from '../../src/renderer/features/plans/plan-signing-problems';
import { DraftBar } from '../../src/renderer/features/records/DraftBar';
import { SignDialog } from '../../src/renderer/features/records/SignDialog';
import { ExamAttestation, PlanAttestation } from '../../src/renderer/features/records/SigningSummary';
import { useDraftEditor } from '../../src/renderer/features/records/use-draft-editor';
import { patientInput } from '../support/fixtures';

/**
 * The plan's limit checks, sign button and signing dialog rendered as the browser gets them
 * (React's own server renderer), signed in as a physician of a clinic on New York time.
 */
const clinic = { name: 'Harbor Infusion Clinic', address: '', timeZone: 'America/New_York', autoLockMinutes: 10 };
const signIn = {
  state: 'active',
  clinic,
  user: { id: 2, username: 'physician', displayName: 'Ana Ruiz', credentials: 'MD', role: 'physician' },
  serverTime: '2026-11-23T15:00:00.000Z',
  locksAt: '2026-11-23T16:00:00.000Z',
};
const context = { signIn } as unknown as SignInContextValue;

const markup = (element: ReactElement) =>
  renderToStaticMarkup(createElement(SignInContext.Provider, { value: context }, element));
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

const today = '2026-11-23';
const examWeight = completeExam(today).weight;
const weight = examWeight === null ? null : { ...examWeight, from: 'exam' as const };
/** The clinic of the issue bounds the rate per kg too: soft above 1, hard above 2 mg/kg/h. */
const rateLimited: Drug = {
  ...demoKetamine,
  limits: { ...demoKetamine.limits, rateMgPerKgPerH: { hardMin: null, softMin: null, softMax: '1', hardMax: '2' } },
};
/** The demo plan, given in a bag: the way every plan was given before the choice existed. */
const plan = (overrides: Partial<PlanContent> = {}) => planWith(weight, { administration: 'bag', ...overrides });
const planContext: PlanContext = { examWeight, drugs: [rateLimited], pumps: [], today, weightCheck: undefined };
const patient: Patient = {
  ...patientInput(),
  id: 1,
  version: 1,
  createdAt: '2026-11-01T12:00:00.000Z',
  updatedAt: '2026-11-01T12:00:00.000Z',
};

// The draft editor keeps this window's copy of the form in sessionStorage.
beforeAll(() => {
  const store = new Map<string, string>();
  vi.stubGlobal('sessionStorage', {
    getItem: (key: string) => store.get(key) ?? null,
    setItem: (key: string, value: string) => store.set(key, value),
    removeItem: (key: string) => store.delete(key),
    key: (index: number) => [...store.keys()][index] ?? null,
    get length() {
      return store.size;
    },
  });
});
afterAll(() => vi.unstubAllGlobals());

/** The plan's draft bar, fed by the same editor and signing checks as the plan screen. */
function PlanDraftBar({ content }: { content: PlanContent }) {
  const editor = useDraftEditor<PlanFormValues, PlanContent>({
    versionId: 1,
    updatedAt: '2026-11-23T14:00:00.000Z',
    fromServer: planFormValues(content, true),
    valuesSchema: planFormValuesSchema,
    contentFrom: (values) => {
      const read = planContentFrom(values, planContext);
      return { content: read.content, issues: read.issues };
    },
    signingProblems: (current) => planSigningProblems(current, planContext),
    save: () => new Promise<CallResult<RecordView>>(() => undefined),
    savedContent: content,
  });
  return createElement(DraftBar<PlanFormValues, PlanContent>, {
    editor,
    what: 'infusion plan',
    prefix: 'plan',
    versionId: 1,
    amendment: false,
    onSigned: () => undefined,
    onDiscarded: () => undefined,
    recordType: 'plan',
    onLoadLatest: () => undefined,
  });
}

function signButton(html: string): string {
  const button = /<button[^>]*>Sign infusion plan<\/button>/.exec(html)?.[0];
  expect(button, 'the sign button').toBeDefined();
  return button ?? '';
}

/** The text of the element an id names, up to the end of that element. */
function describedText(html: string, button: string): string {
  const id = /aria-describedby="([^"]+)"/.exec(button)?.[1] ?? '';
  expect(id).not.toBe('');
  const start = html.indexOf(`id="${id}"`);
  expect(start).toBeGreaterThan(-1);
  return text(html.slice(start, html.indexOf('</div>', start)));
}

describe('the sign button says what blocks signing (issue 20, point 5)', () => {
  it('is unavailable past a hard limit, with the reason under it and read out with it', () => {
    // 1.5 mg/kg over 40 min is 2.25 mg/kg/h: past the hard maximum of 2 mg/kg/h.
    const content = plan({
      doseMgPerKg: '1.5',
      overrideReasons: { doseMgPerKg: 'Reviewed with the patient' },
    });
    expect(evaluatePlan(content, [rateLimited], today).findings).toContainEqual(
      expect.objectContaining({ check: 'rateMgPerKgPerH', level: 'hard' }),
    );
    const html = markup(createElement(PlanDraftBar, { content }));
    const button = signButton(html);
    expect(button).toContain('aria-disabled="true"');
    const reasons = describedText(html, button);
    expect(reasons).toContain('Cannot be signed yet');
    expect(reasons).toContain("outside your clinic's hard limit");
    expect(reasons).toContain('Worked out from Dose (mg/kg), Weight used and Duration.');
  });

  it('is available, with nothing under it, when the plan is complete and within every range', () => {
    const content = plan();
    expect(planSigningProblems(content, planContext)).toEqual([]);
    const button = signButton(markup(createElement(PlanDraftBar, { content })));
    expect(button).not.toContain('aria-disabled');
    expect(button).not.toContain('aria-describedby');
  });
});

describe('a finding belongs to the fields that produce it (issue 20, point 6)', () => {
  it('puts a rate-per-kg finding at the dose, not at the unchanged duration', () => {
    const problems = planSigningProblems(plan({ doseMgPerKg: '1.5' }), planContext);
    const rate = problems.find((problem) => problem.message.startsWith('Rate per kg'));
    expect(rate?.path).toBe('doseMgPerKg');
    expect(rate?.message).toContain('Worked out from Dose (mg/kg), Weight used and Duration.');
    expect(problems.map((problem) => problem.path)).not.toContain('durationMin');
    // What completing the form cannot fix comes first.
    expect(problems[0]).toBe(rate);
  });

  it('names the producing fields beside the finding on the plan', () => {
    const content = plan({ doseMgPerKg: '1.2' });
    const page = text(markup(createElement(PlanChecks, { content })));
    expect(page).toContain('Worked out from Dose (mg/kg), Weight used and Duration.');
  });
});

/** The plan's arithmetic and checks panel, with a real form behind its reason boxes. */
function PlanChecks({ content }: { content: PlanContent }) {
  const { register } = useForm<PlanFormValues>({ defaultValues: planFormValues(content, true) });
  return createElement(ArithmeticPanel, {
    content,
    evaluation: evaluatePlan(content, [rateLimited], today),
    formularyVersion: 1,
    register,
    messages: new Map(),
  });
}

describe('reason boxes (issue 20, point 7)', () => {
  it('gives every reason box on the plan a name of its own, naming its limit', () => {
    // 1.2 mg/kg is outside the dose range, and 1.8 mg/kg/h outside the rate range.
    const html = markup(createElement(PlanChecks, { content: plan({ doseMgPerKg: '1.2' }) }));
    const boxes = [...html.matchAll(/<textarea[^>]*id="([^"]+)"/g)].map((match) => match[1] ?? '');
    expect(boxes).toHaveLength(2);
    const names = boxes.map((id) => {
      const label = new RegExp(`<label[^>]*for="${id}"[^>]*>(.*?)</label>`).exec(html)?.[1] ?? '';
      return text(label).trim();
    });
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual([
      'Reason for going outside the range: Dose per kg',
      'Reason for going outside the range: Rate per kg',
    ]);
  });
});

describe('the signing dialog shows what is signed (issue 20, point 8)', () => {
  const content = plan({
    doseMgPerKg: '1.2',
    overrideReasons: { doseMgPerKg: 'Partial response at 1 mg/kg', rateMgPerKgPerH: 'Agreed after review' },
  });
  const evaluation = evaluatePlan(content, [rateLimited], today);
  const dialog = (attestation: ReactElement) =>
    text(
      markup(
        createElement(SignDialog, {
          what: 'infusion plan',
          versionId: 1,
          onClose: () => undefined,
          onSigned: () => undefined,
          onNotReady: () => undefined,
          onStale: () => undefined,
          expectedUpdatedAt: () => '2026-01-01T00:00:00.000Z',
          attestation,
        }),
      ),
    );

  it('names the patient twice over and gives every figure and finding, before the password', () => {
    const shown = dialog(createElement(PlanAttestation, { patient, content, evaluation }));
    const password = shown.indexOf('Password');
    const before = shown.slice(0, password);
    expect(password).toBeGreaterThan(-1);
    expect(before).toContain('What you are signing');
    expect(before).toContain('RUIZ, Ana María');
    expect(before).toMatch(/Born 14-Jul-1945 \(\d+y\)/);
    expect(before).toContain('MRN MRN-0001');
    expect(before).toContain('Ketamine hydrochloride 50 mg/mL');
    expect(before).toContain('1.2 mg/kg');
    const lines = evaluation.derivation?.lines ?? [];
    for (const quantity of ['totalMg', 'rateMgPerH', 'rateMgPerKgPerH', 'rateMlPerH', 'finalVolumeMl'] as const) {
      const line = lines.find((candidate) => candidate.quantity === quantity);
      expect(line, quantity).toBeDefined();
      expect(before).toContain(`${line?.label ?? ''} ${line?.shown ?? ''}`);
    }
    expect(before).toContain('40 min');
    expect(before).toContain('Preparation In 100 mL of 0.9% sodium chloride');
    expect(before).toContain('Series of 6 infusions, every 7 days');
    expect(evaluation.findings).toHaveLength(2);
    for (const finding of evaluation.findings) expect(before).toContain(text(finding.message).trim());
    expect(before).toContain('Reason given Partial response at 1 mg/kg');
    expect(before).toContain('Reason given Agreed after review');
  });

  it('shows the series’ goal and how response will be judged, when the plan records them (issue 22)', () => {
    expect(text(dialog(createElement(PlanAttestation, { patient, content, evaluation })))).not.toContain(
      'Goal of the series',
    );
    const withGoal = {
      ...content,
      courseGoal: {
        goal: 'Back to part-time work',
        responseDefinitionIds: ['response'],
        definitionsAsWorded: [
          { id: 'response', label: 'Response', scale: 'phq9', rule: { type: 'percent-drop', percent: '50' } } as const,
        ],
      },
    };
    const shown = text(dialog(createElement(PlanAttestation, { patient, content: withGoal, evaluation })));
    const before = shown.slice(0, shown.indexOf('Password'));
    expect(before).toContain('Goal of the series Back to part-time work');
    expect(before).toContain('Response judged by Response: PHQ-9 down at least 50% from baseline');
  });

  it('shows what the rate in the pump steps delivers against the dose signed (point 2)', () => {
    const pump = { id: 'volumetric', name: 'Volumetric pump', kind: 'infusion-pump', rateStepMlPerH: '0.1' } as const;
    const named = { ...content, pumpId: pump.id };
    const pumped = evaluatePlan(named, [rateLimited], today, [pump]);
    const delivery = pumped.derivation?.delivery;
    expect(delivery?.differs).toBe(true);
    const shown = dialog(createElement(PlanAttestation, { patient, content: named, evaluation: pumped }));
    const before = shown.slice(0, shown.indexOf('Password'));
    expect(before).toContain('The pump rate changes the dose');
    expect(before).toContain(delivery?.text ?? 'missing');
  });

  it('names the patient and the exam on an exam', () => {
    const shown = dialog(createElement(ExamAttestation, { patient, content: completeExam(today) }));
    const before = shown.slice(0, shown.indexOf('Password'));
    expect(before).toContain('RUIZ, Ana María');
    expect(before).toContain('MRN MRN-0001');
    expect(before).toContain('Exam date 23-Nov-2026');
    expect(before).toContain('Indication Fibromyalgia');
    expect(before).toContain('Candidacy decision Candidate');
  });
});
