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
import type { TestApp } from '../support/test-app';
import { createTestApp, saveFormulary, setUpClinic, signedInUser, staffPassword } from '../support/test-app';
import { unexpiredLot } from '../support/unexpired-lot';

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

function html(element: ReactElement, role: Role = 'nurse'): string {
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
  )
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/\s+/g, ' ');
}

const today = () => new Date().toISOString().slice(0, 10);

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
