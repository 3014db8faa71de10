import { Decimal } from '../domain/quantity';
import { localDate } from '../domain/time';
import type { SignIn } from '../services/sign-in';
import type { Call } from './demo-caller';

/** A charted demo infusion the register accounts for. */
export interface DemoInfusion {
  sessionId: number;
  planRecordId: number;
  startedAt: string;
  /** When the infusion ended and the rest was discarded; null while it runs. */
  endedAt: string | null;
}

export interface DemoStaff {
  physician: SignIn;
  nurse: SignIn;
  /** The nurse's own credentials, and the physician's, to check, witness and count as second people. */
  nurseCredentials: { username: string; password: string };
  physicianCredentials: { username: string; password: string };
}

const concentrationMgPerMl = '50';

/**
 * The demo clinic's register: its settings, a delivery of ketamine checked by the nurse, an
 * initial inventory the day it arrived.
 */
export function seedDemoRegister(call: Call, admin: SignIn, staff: DemoStaff, receivedAt: Date, zone: string): void {
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
  const lotExpiry = new Date(receivedAt.getTime() + 400 * 86_400_000).toISOString().slice(0, 7);
  const received = call(staff.physician, 'register.receive', {
    drugId: 'ketamine',
    concentrationMgPerMl,
    containerVolumeMl: '10',
    containerCount: 5,
    lotNumber: 'KET-2611-04',
    lotExpiry,
    supplierName: 'Casco Bay Pharmaceutical Supply (demo)',
    supplierAddress: '40 Commercial Street, Portland, ME 04101',
    supplierRegistration: 'RC0000000',
    invoiceNumber: 'CB-118204',
    receivedOn: localDate(receivedAt, zone),
    checker: staff.nurseCredentials,
  });
  call(staff.nurse, 'register.inventory', {
    kind: 'initial',
    countedAt: receivedAt.toISOString(),
    notes: 'Initial inventory on the day the first delivery arrived (opening of business).',
    counts: received.containers.map((container) => ({ containerId: container.id, countedMl: container.volumeMl })),
    secondCounter: staff.physicianCredentials,
  });
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
 * Each demo infusion draws its dose from the first open vial (rounded up to the next 0.1 mL, as a
 * syringe is read) and, once ended, the rest is wasted before the physician as witness; then a
 * count of every vial on hand, as the biennial inventory.
 */
export function chargeDemoInfusions(call: Call, staff: DemoStaff, infusions: readonly DemoInfusion[]): void {
  for (const infusion of infusions) {
    const doseMg = plannedDoseMg(call, staff.nurse, infusion.planRecordId);
    const volumeMl = doseMg.dividedBy(concentrationMgPerMl).toDecimalPlaces(1, Decimal.ROUND_UP);
    const [vial] = call(staff.nurse, 'register.overview', {}).onHand;
    if (vial === undefined || doseMg.isZero()) continue;
    call(staff.nurse, 'register.draw', {
      containerId: vial.id,
      sessionId: infusion.sessionId,
      volumeMl: volumeMl.toFixed(),
      occurredAt: infusion.startedAt,
    });
    const leftMg = volumeMl.times(concentrationMgPerMl).minus(doseMg);
    if (infusion.endedAt !== null && leftMg.greaterThan(0)) {
      call(staff.nurse, 'register.waste', {
        containerId: vial.id,
        sessionId: infusion.sessionId,
        doseMg: leftMg.toFixed(),
        occurredAt: infusion.endedAt,
        witness: staff.physicianCredentials,
      });
    }
  }
  const onHand = call(staff.nurse, 'register.overview', {}).onHand;
  call(staff.nurse, 'register.inventory', {
    kind: 'biennial',
    countedAt: new Date().toISOString(),
    notes: 'Biennial inventory, close of business.',
    counts: onHand.map((container) => ({ containerId: container.id, countedMl: container.balance.ml })),
    secondCounter: staff.physicianCredentials,
  });
}
