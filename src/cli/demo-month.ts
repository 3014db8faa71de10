import { DateTime } from 'luxon';
import type { Ledger } from '../services/ledger';
import type { RememberingDispatch } from '../services/dispatch-remembering';
import { caller } from './demo-caller';
import type { DemoStaff } from './demo-register';
import { countDemoStock, receiveSecondDemoDelivery } from './demo-register';
import type { DemoChair } from './demo-sessions';
import { chartCompletedInfusion, chartRunningInfusion } from './demo-sessions';
import { credentialsOf, signedIn } from './demo-users';

export const dayMs = 86_400_000;

/**
 * The demo is a month of a clinic's life: set up (and its plans signed) this many days before
 * today, its patients infused weekly since. Signatures cannot be back-dated, so every call is
 * made at the time it describes (the caller's clock), in order.
 */
export const setUpDaysAgo = 31;

/** When the demo clinic opened: more than a year ago, so that a consent of its first months has expired. */
export const openedDaysAgo = 400;

/**
 * Days before each patient's latest infusion of their weekly ones: the first two plans' patients
 * come again today (one infusion completed, one running), the others came last week.
 */
const visitDaysBefore = { today: [21, 14, 7], others: [27, 20, 13, 6] } as const;

/** The day of the second delivery, when the first runs low. */
const secondDeliveryDaysAgo = 12;

/** Minutes from the nurse's start of the session to the moment the infusion is charted as signed (demo-sessions.ts). */
const chartedMinutesAfterStart = 180;

/**
 * `daysBefore` clinic days before `reference`'s date, at `hour`:00 clinic time. Past infusions
 * are in clinic hours on whole clinic days, so a plan's interval (counted in clinic days) holds
 * whatever the time of day the demo is made.
 */
function clinicDay(reference: Date, daysBefore: number, hour: number, zone: string): Date {
  return DateTime.fromJSDate(reference, { zone }).startOf('day').minus({ days: daysBefore }).set({ hour }).toJSDate();
}

interface Visit {
  planRecordId: number;
  /** When the nurse charts it (its times count back from here). */
  chartedAt: Date;
  painNrs: number;
  running: boolean;
}

/**
 * The month after set-up, in time order: weekly infusions of every ongoing plan (each drawn
 * from the register, its waste witnessed, signed by the nurse), a second delivery, and today:
 * one infusion completed, one running, and the biennial inventory at close of business.
 */
export function seedDemoMonth(
  ledger: Ledger,
  remembering: RememberingDispatch,
  ongoingPlans: number[],
  zone: string,
): void {
  const now = new Date();
  const minutes = 60_000;
  const [todayFirst, todaySecond, ...others] = ongoingPlans;
  const visits: Visit[] = [];
  const weekly = (planRecordId: number, reference: Date, days: readonly number[], order: number) =>
    days.forEach((daysBefore, index) => {
      const chartedAt = new Date(
        clinicDay(reference, daysBefore, 9 + order, zone).getTime() + chartedMinutesAfterStart * minutes,
      );
      visits.push({ planRecordId, chartedAt, painNrs: 7 - index, running: false });
    });
  // Today's two: one charted an hour ago (started four hours ago), one running since 20 minutes.
  const today = [
    { planRecordId: todayFirst, chartedAt: new Date(now.getTime() - 60 * minutes), running: false },
    { planRecordId: todaySecond, chartedAt: now, running: true },
  ];
  today.forEach(({ planRecordId, chartedAt, running }, order) => {
    if (planRecordId === undefined) return;
    const startedAt = new Date(chartedAt.getTime() - (running ? 25 : chartedMinutesAfterStart) * minutes);
    weekly(planRecordId, startedAt, visitDaysBefore.today, order);
    visits.push({ planRecordId, chartedAt, painNrs: 4, running });
  });
  others.forEach((planRecordId, order) => weekly(planRecordId, now, visitDaysBefore.others, order));
  visits.sort((a, b) => a.chartedAt.getTime() - b.chartedAt.getTime());

  const deliveryAt = clinicDay(now, secondDeliveryDaysAgo, 17, zone);
  let delivered = false;
  for (const visit of visits) {
    if (!delivered && visit.chartedAt > deliveryAt) {
      atCloseOfBusiness(ledger, remembering, deliveryAt, (call, staff) =>
        receiveSecondDemoDelivery(call, staff, deliveryAt, zone),
      );
      delivered = true;
    }
    // Each chart is its own sign-in at the chair.
    const clock = () => visit.chartedAt;
    const call = caller(ledger, clock, remembering);
    const nurse = signedIn(call, 'nurse');
    const chair: DemoChair = {
      call,
      nurse,
      clock,
      signer: credentialsOf('nurse'),
      witness: credentialsOf('physician'),
    };
    if (visit.running) chartRunningInfusion(chair, visit.planRecordId, visit.painNrs);
    else chartCompletedInfusion(chair, visit.planRecordId, visit.painNrs);
    call(nurse, 'auth.signOut', {});
  }
  atCloseOfBusiness(ledger, remembering, new Date(), (call, staff) => countDemoStock(call, staff, new Date()));
}

/** The physician and the nurse at the desk at `at`, for a delivery, a count or a review. */
export function atCloseOfBusiness(
  ledger: Ledger,
  remembering: RememberingDispatch,
  at: Date,
  work: (call: ReturnType<typeof caller>, staff: DemoStaff) => void,
): void {
  const call = caller(ledger, () => at, remembering);
  const staff: DemoStaff = {
    physician: signedIn(call, 'physician'),
    nurse: signedIn(call, 'nurse'),
    nurseCredentials: credentialsOf('nurse'),
    physicianCredentials: credentialsOf('physician'),
  };
  work(call, staff);
  for (const signIn of [staff.physician, staff.nurse]) call(signIn, 'auth.signOut', {});
}
