import { createElement } from 'react';
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodInput } from '../../src/contract/methods';
import type { Role } from '../../src/domain/roles';
import type { SignIn } from '../../src/services/sign-in';
import { navItemsFor } from '../../src/renderer/app/navigation';
import { SignInContext } from '../../src/renderer/app/sign-in-context';
import type { SignInContextValue } from '../../src/renderer/app/sign-in-context';
import { ContainerHistoryView } from '../../src/renderer/features/register/ContainerHistoryPage';
import { CountResult } from '../../src/renderer/features/register/CountResult';
import { InventoryForm } from '../../src/renderer/features/register/InventoryPage';
import { emptyInventory, inventoryFrom } from '../../src/renderer/features/register/inventory-form';
import { ReceivedContainers } from '../../src/renderer/features/register/ReceivedContainers';
import { emptyReceipt, receiptFrom } from '../../src/renderer/features/register/receipt-form';
import type { ReceiptValues } from '../../src/renderer/features/register/receipt-form';
import { formPathOf } from '../../src/renderer/features/register/register-form';
import { RegisterOverviewView } from '../../src/renderer/features/register/RegisterOverviewView';
import { settingsFrom, settingsValues } from '../../src/renderer/features/register/RegisterSettingsForm';
import { ContainersTable } from '../../src/renderer/features/register/ContainersTable';
import { RegisterHeaderActions } from '../../src/renderer/features/register/RegisterHeaderActions';
import { RegisterReports } from '../../src/renderer/features/register/RegisterReports';
import { ReportRangeFields } from '../../src/renderer/features/register/ReportRangeFields';
import {
  defaultReportRange,
  reportFormatsFor,
  reportRangeFrom,
  reportRangeProblems,
} from '../../src/renderer/features/register/register-report-form';
import { patientInput } from '../support/fixtures';
import { administrationEvent, signedPlanFor, testChecklist } from '../support/session-entries';
import type { TestApp } from '../support/test-app';
import { createTestApp, saveFormulary, setUpClinic, signedInUser, staffPassword } from '../support/test-app';
import { unexpiredLot } from '../support/unexpired-lot';
import { supervisedBy } from '../support/supervision';

/**
 * Issue 13's Register screens against a real ledger: the forms' own checks and what they send
 * go through the real services; the screens are rendered as the browser gets them (React's
 * server renderer) from what the services answered.
 */
const zone = 'America/New_York';
let app: TestApp;
let physician: SignIn;
let nurse: SignIn;
let auditor: SignIn;

/** The markup as the browser gets it (links with their addresses). */
function markup(element: ReactElement, role: Role = 'nurse'): string {
  const context = {
    signIn: {
      state: 'active',
      clinic: { name: 'Harbor Infusion Clinic', address: '', timeZone: zone, autoLockMinutes: 10 },
      user: { id: 3, username: role, displayName: 'Li Chen', credentials: 'RN', role },
      serverTime: new Date().toISOString(),
      locksAt: new Date(Date.now() + 3_600_000).toISOString(),
    },
  } as unknown as SignInContextValue;
  return renderToStaticMarkup(
    createElement(SignInContext.Provider, { value: context }, createElement(MemoryRouter, null, element)),
  );
}

/** The text a person reads, tags taken out. */
function html(element: ReactElement, role: Role = 'nurse'): string {
  return markup(element, role)
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/\s+/g, ' ');
}

/** Today in the clinic's zone: between midnight UTC and midnight there, the UTC date is tomorrow. */
const today = () => new Date().toLocaleDateString('en-CA', { timeZone: zone });

function typedReceipt(checker: ReceiptValues['checker']): ReceiptValues {
  return {
    ...emptyReceipt(today()),
    drugId: 'ketamine',
    concentrationMgPerMl: '50',
    containerVolumeMl: '10',
    containerCount: '2',
    lotNumber: 'K-2207',
    lotExpiry: unexpiredLot,
    supplierName: 'Harbor Wholesale Pharmacy',
    supplierAddress: '9 Dock Street, Boston MA',
    supplierRegistration: 'RH1234567',
    invoiceNumber: 'INV-5501',
    checker,
  };
}

beforeAll(() => {
  app = createTestApp();
  const admin = setUpClinic(app, zone);
  physician = signedInUser(app, admin, 'physician');
  nurse = signedInUser(app, admin, 'nurse');
  signedInUser(app, admin, 'nurse', 'nurse2');
  auditor = signedInUser(app, admin, 'auditor');
  saveFormulary(app, admin);
});
afterAll(() => app.cleanup());

describe('the receipt form', () => {
  it('refuses a missing checker beside the checker’s fields, and sends nothing', () => {
    const { input, issues } = receiptFrom(typedReceipt({ username: '', password: '' }), today());
    expect(input).toBeNull();
    expect(issues).toEqual([
      { path: 'checker.username', message: 'Enter the checker’s user ID' },
      { path: 'checker.password', message: 'Enter the checker’s password' },
    ]);
  });

  it('puts the server’s refusal of a wrong checker beside the checker’s user ID', () => {
    const { input } = receiptFrom(typedReceipt({ username: 'nurse', password: 'not-the-password' }), today());
    if (input === null) throw new Error('the form refused a complete receipt');
    const refused = app.call(physician, 'register.receive', input);
    const issue = refused.ok ? undefined : refused.error.issues?.[0];
    expect(issue?.message).toBe('Checker user ID or password not right');
    expect(formPathOf(issue?.path ?? '', ['checker'])).toBe('checker.username');
  });

  it('refuses a date received in the future and an expiry that does not read', () => {
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const { issues } = receiptFrom(
      { ...typedReceipt({ username: 'nurse', password: staffPassword }), receivedOn: tomorrow, lotExpiry: 'soon' },
      today(),
    );
    expect(issues.map((issue) => issue.path)).toEqual(['receivedOn', 'lotExpiry']);
  });

  it('saves what was typed, and shows the new containers’ labels to write on the vials', () => {
    const { input } = receiptFrom(typedReceipt({ username: 'nurse', password: staffPassword }), today());
    if (input === null) throw new Error('the form refused a complete receipt');
    const saved = app.ok(physician, 'register.receive', input);
    const page = html(createElement(ReceivedContainers, { saved, onAnother: () => undefined }));
    expect(page).toContain(`Receipt R${saved.receiptId} is recorded: 2 containers.`);
    expect(page).toContain(`R${saved.receiptId}-1 R${saved.receiptId}-2`);
    expect(page).toMatch(/Ketamine hydrochloride 50 mg\/mL, 10 mL each, lot K-2207, expires [A-Z][a-z]{2}-\d{4}\./);
  });
});

describe('the inventory form', () => {
  it('shows each container’s expected balance with an empty counted field, and records a count', () => {
    const onHand = app.ok(auditor, 'register.overview', {}).onHand;
    const [first, second] = onHand;
    if (first === undefined || second === undefined) throw new Error('no containers');
    const nowIso = new Date().toISOString();
    const page = html(createElement(InventoryForm, { containers: onHand, onSaved: () => undefined }));
    expect(page).toContain(`${first.label} Ketamine hydrochloride 50 mg/mL, lot K-2207`);
    expect(page).toContain('Expected Counted (mL)');
    expect(page).toContain('10 mL 500 mg');
    expect(page).not.toMatch(/value="10"/);

    const values = emptyInventory(onHand, { date: nowIso.slice(0, 10), time: '' });
    const local = new Date(Date.now() - 60_000).toLocaleTimeString('en-GB', {
      timeZone: zone,
      hour: '2-digit',
      minute: '2-digit',
      hour12: false,
    });
    const localDate = new Date(Date.now() - 60_000).toLocaleDateString('en-CA', { timeZone: zone });
    const partial = inventoryFrom(
      {
        ...values,
        kind: 'biennial',
        countedAt: { date: localDate, time: local },
        countedMl: ['10', ''],
        secondCounter: { username: 'nurse2', password: staffPassword },
      },
      onHand,
      zone,
      Date.now(),
    );
    expect(partial.issues).toEqual([
      { path: 'countedMl.1', message: `Enter what ${second.label} holds (mL); 0 if empty` },
    ]);
    const { input, issues } = inventoryFrom(
      {
        ...values,
        kind: 'biennial',
        countedAt: { date: localDate, time: local },
        notes: 'Close of business',
        countedMl: ['10', '9.5'],
        secondCounter: { username: 'nurse2', password: staffPassword },
      },
      onHand,
      zone,
      Date.now(),
    );
    expect(issues).toEqual([]);
    if (input === null) throw new Error('the form refused a complete count');
    const saved = app.ok(nurse, 'register.inventory', input);
    const result = html(createElement(CountResult, { saved, containers: onHand }));
    expect(result).toContain('The count is recorded: 2 containers, 1 discrepancy to explain.');
    expect(result).toContain(`${second.label} Counted 9.5 mL, expected 10 mL Discrepancy: 0.5 mL (25 mg) missing`);
  });
});

describe('the Register page', () => {
  it('shows stock per drug and per lot, the containers, and the discrepancy with the actions each role may take', () => {
    const overview = app.ok(auditor, 'register.overview', {});
    const view = (role: Role) =>
      html(
        createElement(RegisterOverviewView, { overview, role, clinicTimeZone: zone, onAction: () => undefined }),
        role,
      );
    const nursePage = view('nurse');
    expect(nursePage).toContain(
      'By drug Drug Containers On hand (mL) On hand (mg) Ketamine hydrochloride 50 mg/mL 2 20 mL 1,000 mg',
    );
    expect(nursePage).toContain(
      'By lot Drug Lot Containers On hand (mL) On hand (mg) Ketamine hydrochloride 50 mg/mL K-2207 2 20 mL',
    );
    expect(nursePage).toContain('Discrepancies (1)');
    expect(nursePage).toMatch(
      /Counted 9\.5 mL, expected 10 mL Discrepancy: 0\.5 mL \(25 mg\) missing Needs an explanation\./,
    );
    expect(nursePage).toContain('Explain the discrepancy of');
    expect(nursePage).not.toContain('Review the discrepancy of');
    expect(nursePage).toMatch(/Biennial inventory ?, \d{2}-[A-Z][a-z]{2}-\d{4} \d{2}:\d{2} UTC−0[45]:00, counted by/);
    expect(view('physician')).toContain('Review the discrepancy of');
    const auditorPage = view('auditor');
    expect(auditorPage).not.toContain('Explain the discrepancy of');
    expect(auditorPage).not.toContain('Destroy');
    expect(auditorPage).toContain('History of');
    expect(navItemsFor('auditor').map((item) => item.to)).toContain('/register');
  });

  it('shows a container’s history with the running balance, and which entry a correction corrects', () => {
    const [first] = app.ok(auditor, 'register.overview', {}).onHand;
    if (first === undefined) throw new Error('no container');
    const received = app.ok(auditor, 'register.container', { containerId: first.id }).entries[0];
    if (received === undefined) throw new Error('no entry');
    const correction: MethodInput<'register.correct'> = {
      entryId: received.id,
      direction: 'less',
      volumeMl: '0.5',
      reason: 'Vial held 9.5 mL as delivered',
      occurredAt: new Date().toISOString(),
    };
    const corrected = app.ok(physician, 'register.correct', correction);
    const history = app.ok(auditor, 'register.container', { containerId: first.id });
    const page = html(createElement(ContainerHistoryView, { history, clinicTimeZone: zone }));
    expect(page).toContain(`Received Entry ${received.id}`);
    expect(page).toContain(`Corrected by entry ${corrected.entry.id}`);
    expect(page).toContain(`Correction Entry ${corrected.entry.id}`);
    expect(page).toContain(`Corrects entry ${received.id}`);
    expect(page).toContain('−0.5 mL −25 mg 9.5 mL 475 mg');
    expect(page).toMatch(/Checked by Test nurse, RN/);
    expect(page).not.toContain('do not add up');
    expect(
      html(
        createElement(ContainerHistoryView, {
          history: { ...history, balanceConsistent: false },
          clinicTimeZone: zone,
        }),
      ),
    ).toContain('The balances in this history do not add up');
  });

  it('saves register settings from the form, an empty in-use limit meaning not set', () => {
    const { settings, settingsVersion } = app.ok(auditor, 'register.overview', {});
    const typed = { ...settingsValues(settings), inUseLimitDays: '', receiptRoles: [] };
    expect(settingsFrom(typed).issues.map((issue) => issue.path)).toEqual(['receiptRoles']);
    expect(settingsFrom({ ...typed, inUseLimitDays: '4 weeks' }).issues[0]?.path).toBe('inUseLimitDays');
    const { settings: next } = settingsFrom({ ...typed, receiptRoles: ['physician', 'nurse'], inUseLimitDays: '28' });
    if (next === null) throw new Error('refused');
    expect(next).toMatchObject({ inUseLimitDays: 28, receiptRoles: ['physician', 'nurse'] });
    expect(settingsFrom({ ...typed, receiptRoles: ['physician'] }).settings?.inUseLimitDays).toBeNull();
    expect(settingsVersion).toBe(0);
  });
});

describe('the Register page’s reports and what the settings allow', () => {
  const noField = {
    name: 'x',
    onChange: () => Promise.resolve(),
    onBlur: () => Promise.resolve(),
    ref: () => undefined,
  };

  it('offers the signed PDF and the CSV to a nurse, only the CSV to an auditor, for this month by default', () => {
    const nursePage = html(createElement(RegisterReports, { clinicToday: '2026-12-07' }), 'nurse');
    expect(nursePage).toContain('Download the signed PDF');
    expect(nursePage).toContain('Download the CSV');
    const auditorPage = html(createElement(RegisterReports, { clinicToday: '2026-12-07' }), 'auditor');
    expect(auditorPage).toContain('Download the CSV');
    expect(auditorPage).not.toContain('signed PDF</');
    expect(auditorPage).not.toContain('Download the signed PDF');
    expect(reportFormatsFor('admin')).toEqual(['csv']);
    expect(reportFormatsFor('physician')).toEqual(['pdf', 'csv']);
    expect(defaultReportRange('2026-12-07')).toEqual({ from: '01-Dec-2026', to: '07-Dec-2026' });
    // What each is offered is what the server gives them.
    const range = { from: today(), to: today() };
    expect(app.ok(auditor, 'register.report', { ...range, format: 'csv' }).mediaType).toBe('text/csv');
    const refused = app.call(auditor, 'register.report', { ...range, format: 'pdf', password: staffPassword });
    expect(refused.ok ? 'made' : refused.error.code).toBe('FORBIDDEN');
  });

  it('shows a backwards range as an error beside the last day, in the server’s words', () => {
    const typed = { from: '10-Dec-2026', to: '2026-12-01' };
    const local = reportRangeFrom(typed);
    expect(local.range).toBeNull();
    const refused = app.call(auditor, 'register.report', { from: '2026-12-10', to: '2026-12-01', format: 'csv' });
    if (refused.ok) throw new Error('the server took a backwards range');
    expect(local.issues).toEqual(refused.error.issues);
    const { fields, other } = reportRangeProblems(refused.error.issues ?? []);
    expect(other).toEqual([]);
    const page = html(
      createElement(ReportRangeFields, { registration: { from: noField, to: noField }, typed, errors: fields }),
    );
    expect(page).toMatch(
      /First day As dd-Mmm-yyyy .* Reads as 10-Dec-2026 Last day .*The last day must not be before the first/,
    );
    expect(page.match(/must not be before/g)).toHaveLength(1);
    expect(reportRangeFrom({ from: '1/12/2026', to: '07-Dec-2026' }).issues.map((issue) => issue.path)).toEqual([
      'from',
    ]);
  });

  it('offers a receipt, returns and destruction only to whom the default settings allow, and Form 106 for a theft', () => {
    const nurseOverview = app.ok(nurse, 'register.overview', {});
    expect(nurseOverview.mayRecord).toEqual({ receipt: false, inventory: true, destruction: false });
    const nurseActions = html(createElement(RegisterHeaderActions, { mayRecord: nurseOverview.mayRecord }));
    expect(nurseActions).not.toContain('Record a receipt');
    expect(nurseActions).toContain('Count (inventory)');
    const physicianOverview = app.ok(physician, 'register.overview', {});
    expect(html(createElement(RegisterHeaderActions, { mayRecord: physicianOverview.mayRecord }))).toContain(
      'Record a receipt',
    );
    const view = (overview: typeof nurseOverview, role: Role) =>
      html(
        createElement(RegisterOverviewView, { overview, role, clinicTimeZone: zone, onAction: () => undefined }),
        role,
      );
    const nursePage = view(nurseOverview, 'nurse');
    expect(nursePage).toContain('History of');
    expect(nursePage).toContain('Correct an entry');
    expect(nursePage).not.toContain('Destroy');
    expect(nursePage).not.toContain('Return to supplier');
    expect(view(physicianOverview, 'physician')).toContain('Destroy');
    // A narrow column never breaks a number from its unit.
    expect(
      markup(
        createElement(RegisterOverviewView, {
          overview: nurseOverview,
          role: 'nurse',
          clinicTimeZone: zone,
          onAction: () => undefined,
        }),
      ),
    ).toContain('Discrepancy: 0.5\u00a0mL (25\u00a0mg) missing');

    const [discrepancy] = nurseOverview.discrepancies;
    if (discrepancy === undefined) throw new Error('no discrepancy');
    expect(nursePage).not.toContain('Form 106 information (PDF)');
    app.ok(nurse, 'register.explain', {
      countEntryId: discrepancy.count.id,
      category: 'spillage',
      explanation: 'Vial dropped while counting',
    });
    const explained = app.ok(nurse, 'register.overview', {});
    expect(view(explained, 'nurse')).toContain(`Form 106 information (PDF) for ${discrepancy.containerLabel}`);
    expect(view(explained, 'auditor')).not.toContain('Form 106 information');
  });

  it('links a draw to its session on the page of the session’s patient', () => {
    app.ok(nurse, 'patients.create', { patient: patientInput({ mrn: 'R-90', familyName: 'Decoy' }) });
    const patientId = app.ok(nurse, 'patients.create', {
      patient: patientInput({ mrn: 'R-91', familyName: 'Lindqvist', givenNames: 'Maja', dateOfBirth: '1980-02-02' }),
    }).id;
    const plan = signedPlanFor(app, physician, patientId);
    const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString();
    const session = app.ok(nurse, 'sessions.start', {
      supervision: supervisedBy(app),
      planRecordId: plan.planRecordId,
      planVersionId: plan.planVersionId,
      occurredAt: at(30),
      checklist: testChecklist,
      timingReason: plan.timingReason,
    });
    app.ok(nurse, 'sessions.addEntry', {
      sessionId: session.id,
      occurredAt: at(29),
      entry: administrationEvent('start', {
        rateMlPerH: session.plannedRateMlPerH ?? '100',
        lotNumber: 'K-2207',
        lotExpiry: unexpiredLot,
      }),
    });
    const [container] = app.ok(nurse, 'register.overview', {}).onHand;
    if (container === undefined) throw new Error('no container');
    app.ok(nurse, 'register.draw', {
      containerId: container.id,
      sessionId: session.id,
      volumeMl: '0.5',
      occurredAt: at(25),
    });
    expect(patientId).not.toBe(session.id);
    const history = app.ok(auditor, 'register.container', { containerId: container.id });
    const page = markup(createElement(ContainerHistoryView, { history, clinicTimeZone: zone }), 'auditor');
    expect(page).toMatch(
      new RegExp(`<a href="/patients/${patientId}/sessions/${session.id}"[^>]*>Infusion session ${session.id}</a>`),
    );
    // The router owns the address fragment: an in-page jump is a button, never href="#…".
    expect(page).not.toContain('href="#');
    expect(page).toMatch(/Corrects <button type="button" class="link-button register-jump">entry \d+<\/button>/);
  });

  it('puts each container’s actions on a row of their own under it, so a narrow window does not cut them off', () => {
    const [container] = app.ok(physician, 'register.overview', {}).onHand;
    if (container === undefined) throw new Error('no container');
    const page = markup(
      createElement(ContainersTable, {
        containers: [container],
        caption: 'Containers on hand',
        clinicTimeZone: zone,
        actions: ['return', 'destroy'],
        onAction: () => undefined,
      }),
    );
    expect(page).toMatch(
      /<tr class="register-container-actions"><td colSpan="5"><div class="cell-actions">.*History.*Return to supplier.*Destroy/,
    );
    expect(page).not.toContain('<span class="visually-hidden">Actions</span>');
  });
});
