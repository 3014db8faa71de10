import { Decimal } from '../domain/quantity';
import { localDate } from '../domain/time';
import type { SignIn } from '../services/sign-in';
import type { Call } from './demo-caller';

export interface DemoStaff {
  physician: SignIn;
  nurse: SignIn;
  /** The nurse's own credentials, and the physician's, to check, witness and count as second people. */
  nurseCredentials: { username: string; password: string };
  physicianCredentials: { username: string; password: string };
}

const concentrationMgPerMl = '50';

/** The demo's deliveries: five 10 mL vials each, the second twelve days before today. */
const demoDeliveries = [
  { lotNumber: 'KET-2611-04', invoiceNumber: 'CB-118204' },
  { lotNumber: 'KET-2611-19', invoiceNumber: 'CB-119377' },
] as const;

/** A delivery of vials of 10 mL (five unless said), received by the physician and checked by the nurse. */
export function receiveDemoDelivery(
  call: Call,
  staff: DemoStaff,
  receivedAt: Date,
  zone: string,
  delivery: { lotNumber: string; invoiceNumber: string; containerCount?: number },
) {
  const lotExpiry = new Date(receivedAt.getTime() + 400 * 86_400_000).toISOString().slice(0, 7);
  return call(staff.physician, 'register.receive', {
    drugId: 'ketamine',
    concentrationMgPerMl,
    containerVolumeMl: '10',
    containerCount: delivery.containerCount ?? 5,
    lotNumber: delivery.lotNumber,
    lotExpiry,
    supplierName: 'Casco Bay Pharmaceutical Supply (demo)',
    supplierAddress: '40 Commercial Street, Portland, ME 04101',
    supplierRegistration: 'RC0000000',
    invoiceNumber: delivery.invoiceNumber,
    receivedOn: localDate(receivedAt, zone),
    checker: staff.nurseCredentials,
  });
}

/** The second delivery, when the first runs low. */
export function receiveSecondDemoDelivery(call: Call, staff: DemoStaff, receivedAt: Date, zone: string): void {
  receiveDemoDelivery(call, staff, receivedAt, zone, demoDeliveries[1]);
}

/**
 * The demo clinic's register: its settings, a delivery of ketamine checked by the nurse, an
 * initial inventory the day it arrived. The infusions draw from it as they are charted
 * (`demoDraws`); a second delivery and the biennial count come later.
 */
export function seedDemoRegister(
  call: Call,
  admin: SignIn,
  staff: DemoStaff,
  receivedAt: Date,
  zone: string,
  firstDelivery: Parameters<typeof receiveDemoDelivery>[4] = demoDeliveries[0],
): void {
  const settings = call(admin, 'register.overview', {});
  call(admin, 'register.settings.update', {
    settings: {
      ...settings.settings,
      registrantName: 'Ana Ruiz, MD',
      registrationNumber: 'FR1234563',
      inUseLimitDays: 28,
    },
    expectedVersion: settings.settingsVersion,
  });
  const received = receiveDemoDelivery(call, staff, receivedAt, zone, firstDelivery);
  call(staff.nurse, 'register.inventory', {
    kind: 'initial',
    countedAt: receivedAt.toISOString(),
    notes: 'Initial inventory on the day the first delivery arrived (opening of business).',
    counts: received.containers.map((container) => ({ containerId: container.id, countedMl: container.volumeMl })),
    secondCounter: staff.physicianCredentials,
  });
}

/** What a demo infusion draws from the register at its start, and wastes before a witness at its end. */
export interface DemoDraw {
  draws: { containerId: number; volumeMl: string }[];
  /** The drug drawn and not given (0 when the dose was an exact volume). */
  wasteMg: string;
  /** Drug volume added to the bag. */
  volumeMl: string;
}

/** The plan's signed total dose in mg, as the physician saw it. */
function plannedDoseMg(call: Call, nurse: SignIn, planRecordId: number): Decimal {
  const plan = call(nurse, 'records.get', { recordId: planRecordId });
  const signed = plan.versions.filter((version) => version.status === 'signed').at(-1);
  const computed = signed?.computed;
  const totalMg =
    computed !== null && computed !== undefined && 'derived' in computed ? computed.derived.totalMg : undefined;
  return new Decimal(totalMg ?? '0');
}

/**
 * The plan's dose drawn as a syringe is read (rounded up to the next 0.1 mL), from the vials on
 * hand in the order they arrived: the open vial's rest first, then the next vial.
 */
export function demoDraws(call: Call, nurse: SignIn, planRecordId: number): DemoDraw {
  const doseMg = plannedDoseMg(call, nurse, planRecordId);
  const volumeMl = doseMg.dividedBy(concentrationMgPerMl).toDecimalPlaces(1, Decimal.ROUND_UP);
  const draws: DemoDraw['draws'] = [];
  let neededMl = volumeMl;
  for (const container of call(nurse, 'register.overview', {}).onHand) {
    if (neededMl.isZero()) break;
    const takeMl = Decimal.min(neededMl, container.balance.ml);
    if (takeMl.isZero()) continue;
    draws.push({ containerId: container.id, volumeMl: takeMl.toFixed() });
    neededMl = neededMl.minus(takeMl);
  }
  if (!neededMl.isZero()) throw new Error('demo: the register ran out of ketamine');
  return {
    draws,
    wasteMg: volumeMl.times(concentrationMgPerMl).minus(doseMg).toFixed(),
    volumeMl: volumeMl.toFixed(),
  };
}

/** The biennial inventory at close of business: every container on hand counted by two. */
export function countDemoStock(call: Call, staff: DemoStaff, countedAt: Date): void {
  const onHand = call(staff.nurse, 'register.overview', {}).onHand;
  call(staff.nurse, 'register.inventory', {
    kind: 'biennial',
    countedAt: countedAt.toISOString(),
    notes: 'Biennial inventory, close of business.',
    counts: onHand.map((container) => ({ containerId: container.id, countedMl: container.balance.ml })),
    secondCounter: staff.physicianCredentials,
  });
}
