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

/**
 * Days before today of each ongoing plan's weekly infusions: the first two plans' patients come
 * again today (one infusion completed, one running), the others came yesterday's week.
 */
const visitDaysAgo = { today: [21, 14, 7], others: [27, 20, 13, 6] } as const;

/** The day of the second delivery, when the first runs low. */
const secondDeliveryDaysAgo = 12;

/**
 * The month after set-up, day by day in order: weekly infusions of every ongoing plan (each
 * drawn from the register, its waste witnessed, signed by the nurse), a second delivery, and
 * today: one infusion completed, one running, and the biennial inventory at close of business.
 */
export function seedDemoMonth(
  ledger: Ledger,
  remembering: RememberingDispatch,
  ongoingPlans: number[],
  zone: string,
): void {
  const [todayFirst, todaySecond, ...others] = ongoingPlans;
  type Visit = { daysAgo: number; planRecordId: number; painNrs: number; running: boolean };
  const visits: Visit[] = [];
  const weekly = (planRecordId: number | undefined, days: readonly number[]) =>
    days.forEach((daysAgo, index) => {
      if (planRecordId !== undefined) visits.push({ daysAgo, planRecordId, painNrs: 7 - index, running: false });
    });
  weekly(todayFirst, visitDaysAgo.today);
  weekly(todaySecond, visitDaysAgo.today);
  for (const planRecordId of others) weekly(planRecordId, visitDaysAgo.others);
  if (todayFirst !== undefined) visits.push({ daysAgo: 0, planRecordId: todayFirst, painNrs: 4, running: false });
  if (todaySecond !== undefined) visits.push({ daysAgo: 0, planRecordId: todaySecond, painNrs: 4, running: true });
  const days = [...new Set([secondDeliveryDaysAgo, ...visits.map((visit) => visit.daysAgo)])].sort((a, b) => b - a);
  for (const daysAgo of days) {
    const todays = visits.filter((visit) => visit.daysAgo === daysAgo);
    // The day's last chart is made at this time of that day; earlier patients an hour apart before it.
    const dayEnd = (offsetHours: number) => () => new Date(Date.now() - daysAgo * dayMs - offsetHours * 3_600_000);
    todays.forEach((visit, index) => {
      // Each chart is its own sign-in at the chair (a sign-in left idle for an hour locks).
      const clock = dayEnd(todays.length - 1 - index);
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
    });
    if (daysAgo !== secondDeliveryDaysAgo && daysAgo !== 0) continue;
    // At close of business: a delivery is received, or today's count is made.
    const call = caller(ledger, dayEnd(0), remembering);
    const staff: DemoStaff = {
      physician: signedIn(call, 'physician'),
      nurse: signedIn(call, 'nurse'),
      nurseCredentials: credentialsOf('nurse'),
      physicianCredentials: credentialsOf('physician'),
    };
    if (daysAgo === secondDeliveryDaysAgo) receiveSecondDemoDelivery(call, staff, dayEnd(0)(), zone);
    else countDemoStock(call, staff, new Date());
    for (const signIn of [staff.physician, staff.nurse]) call(signIn, 'auth.signOut', {});
  }
}
