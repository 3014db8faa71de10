import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { DateTime } from 'luxon';
import { Decimal } from '../domain/quantity';
import type { PatientInput } from '../domain/patient';
import type { ConsentDocumentVersion } from '../contract/consent-methods';
import type { Ledger } from '../services/ledger';
import { RememberingDispatch } from '../services/dispatch-remembering';
import type { SignIn } from '../services/sign-in';
import type { Call } from './demo-caller';
import { caller } from './demo-caller';
import { signDemoCourseReview } from './demo-course';
import { demoPatients, seededRandom } from './demo-data';
import { openDemoClinic } from './demo-opening';
import { countDemoStock, receiveDemoDelivery, seedDemoRegister } from './demo-register';
import { chartCompletedInfusion } from './demo-sessions';
import { atCloseOfBusiness } from './demo-month';
import { startDemoSeries } from './demo-series';
import { credentialsOf, signedIn } from './demo-users';
import type { ProgressReport } from './progress-line';

export interface DecadeOptions {
  /** Years of clinic days before today (whole or part years; 250 clinic days, Monday to Friday, a year). */
  years: number;
  /** Chairs (1–12): this many infusions start in a wave, ten minutes apart, a wave every two hours. */
  chairs: number;
  /**
   * Infusions a clinic day, at most four waves (`maxWaves` × chairs): the clinic is kept full,
   * new series filling the chairs weekly ones leave free.
   */
  sessionsPerDay: number;
  zone?: string;
  onProgress?: ProgressReport;
}

export interface DecadeSummary {
  clinicDays: number;
  patients: number;
  series: number;
  sessions: number;
  deliveries: number;
}

/** Infusions in a series (weekly, on the same weekday), as the demo plans have them. */
const seriesInfusions = 6;
/** A patient whose series ended this long ago may come back for another (a new exam, plan and consent). */
const returnAfterDays = 28;
const returningShare = 0.3;
/**
 * The clinic's first patients stay on maintenance for the whole decade, a new series four weeks
 * after each ends: their charts hold a hundred infusions and more, as a regular's does.
 */
const regulars = 3;
/** A delivery of vials of 10 mL at 50 mg/mL arrives when the stock on hand falls below this. */
const reorderBelowMl = new Decimal(120);
const vialsPerDelivery = 30;
const physicianPassword = credentialsOf('physician').password;
/** Waves of infusions a day: the last starts at 14:00 and is charted by 20:00, before close of business. */
export const maxWaves = 4;
export const maxChairs = 12;

interface Series {
  patientId: number;
  planRecordId: number;
  /** Infusions charted so far. */
  given: number;
}

/**
 * A busy clinic's years, written day by day through dispatch like the app: each clinic day the
 * physician examines, plans and takes consent for the new series, the nurses chart every
 * infusion (drawn from the register, waste witnessed, signed), the physician reviews each series
 * that ended; deliveries arrive as the stock runs low, and the stock is counted every two years.
 * Ends with yesterday; the calls are made at the times they describe, in order.
 */
export async function seedDemoDecade(ledger: Ledger, options: DecadeOptions): Promise<DecadeSummary> {
  if (options.chairs < 1 || options.chairs > maxChairs || options.sessionsPerDay > options.chairs * maxWaves) {
    throw new Error(`the demo clinic has 1–${maxChairs} chairs and at most ${maxWaves} infusions a chair a day`);
  }
  const zone = options.zone ?? 'America/New_York';
  const remembering = new RememberingDispatch();
  try {
    const today = DateTime.now().setZone(zone).startOf('day');
    const firstDay = today.minus({ days: Math.max(1, Math.round(options.years * 365)) });
    const days = clinicDays(firstDay, today);
    const openedAt = firstDay.minus({ days: 7 }).set({ hour: 9 }).toJSDate();
    const consentText = openDemoClinic(
      caller(ledger, () => openedAt, remembering),
      zone,
    );
    const clinic = new DecadeClinic(ledger, remembering, zone, consentText);
    clinic.openRegister(openedAt);
    // One commit a clinic day (every call still its own savepoint): an fsync per call would
    // make a decade take hours; a failed day leaves the file as the day before.
    const inOneCommit = ledger.raw.transaction((day: DateTime) => clinic.runDay(day, options));
    for (const [index, day] of days.entries()) {
      inOneCommit(day);
      options.onProgress?.(
        (index + 1) / days.length,
        `Clinic day ${day.toISODate() ?? ''} (${index + 1} of ${days.length}): ${clinic.summary.sessions} infusions`,
      );
      // Between days, the event loop runs the callbacks the day's PDF streams queued: a
      // decade without a break kept every rendered document alive and ran out of memory.
      await yieldToEventLoop();
    }
    return { ...clinic.summary, clinicDays: days.length };
  } finally {
    remembering.wipe();
  }
}

/** Monday to Friday from `first` to the day before `today`. */
function clinicDays(first: DateTime, today: DateTime): DateTime[] {
  const days: DateTime[] = [];
  for (let day = first; day < today; day = day.plus({ days: 1 })) if (day.weekday <= 5) days.push(day);
  return days;
}

class DecadeClinic {
  readonly summary: Omit<DecadeSummary, 'clinicDays'> = { patients: 0, series: 0, sessions: 0, deliveries: 0 };
  private readonly random = seededRandom(20_261_207);
  private readonly people: PatientInput[] = demoPatients(99_999);
  /** Series by the ISO date of their next infusion. */
  private readonly due = new Map<string, Series[]>();
  /** Patients whose last series has ended, with the date it ended. */
  private readonly finished: { patientId: number; endedOn: DateTime }[] = [];
  private lastCount: DateTime | null = null;
  private readonly regularIds = new Set<number>();
  private adminMonth = 0;

  constructor(
    private readonly ledger: Ledger,
    private readonly remembering: RememberingDispatch,
    private readonly zone: string,
    private readonly consentText: ConsentDocumentVersion,
  ) {}

  openRegister(at: Date): void {
    atCloseOfBusiness(this.ledger, this.remembering, at, (call, staff) => {
      const admin = signedIn(call, 'admin');
      seedDemoRegister(call, admin, staff, at, this.zone, this.delivery(at));
      call(admin, 'auth.signOut', {});
    });
    this.lastCount = DateTime.fromJSDate(at, { zone: this.zone });
  }

  runDay(day: DateTime, options: DecadeOptions): void {
    const key = day.toISODate() ?? '';
    const returning = this.due.get(key) ?? [];
    this.due.delete(key);
    const today = returning.slice(0, options.sessionsPerDay);
    // A full day's overflow comes the next clinic day (the plan's interval is a minimum).
    if (returning.length > today.length)
      this.dueOn(day.plus({ days: day.weekday === 5 ? 3 : 1 }), returning.slice(today.length));
    const fresh = options.sessionsPerDay - today.length;
    if (fresh > 0) today.push(...this.startSeries(day, fresh));
    today.forEach((series, slot) => this.infuse(day, slot, options.chairs, series));
    this.closeOfBusiness(day, today);
  }

  /** 06:00 onwards, two minutes each: for each new series, the patient (new or back), the exam, the plan, the consent. */
  private startSeries(day: DateTime, count: number): Series[] {
    const started: Series[] = [];
    const date = day.toISODate() ?? '';
    for (let index = 0; index < count; index += 1) {
      const at = day
        .set({ hour: 6 })
        .plus({ minutes: index * 2 })
        .toJSDate();
      const call = caller(this.ledger, () => at, this.remembering);
      const physician = signedIn(call, 'physician');
      const patientId = this.nextPatient(call, physician, day);
      const planRecordId = startDemoSeries(call, physician, {
        patientId,
        date,
        signedAt: at,
        consentText: this.consentText,
      });
      call(physician, 'auth.signOut', {});
      started.push({ patientId, planRecordId, given: 0 });
      this.summary.series += 1;
    }
    return started;
  }

  private nextPatient(call: Call, physician: SignIn, day: DateTime): number {
    const ready = ({ endedOn }: { endedOn: DateTime }) => day.diff(endedOn, 'days').days >= returnAfterDays;
    const regular = this.finished.findIndex((ended) => this.regularIds.has(ended.patientId) && ready(ended));
    const back = regular >= 0 ? regular : this.random() < returningShare ? this.finished.findIndex(ready) : -1;
    const [returning] = back >= 0 ? this.finished.splice(back, 1) : [];
    if (returning !== undefined) return returning.patientId;
    const patient = this.people[this.summary.patients];
    if (patient === undefined) throw new Error('demo: more patients than the demo has names for');
    this.summary.patients += 1;
    const { id } = call(physician, 'patients.create', { patient });
    if (this.regularIds.size < regulars) this.regularIds.add(id);
    return id;
  }

  /** Chair `slot % chairs` of wave `slot / chairs`; charted three hours after its start, at the chair. */
  private infuse(day: DateTime, slot: number, chairs: number, series: Series): void {
    const startAt = day.set({ hour: 8 }).plus({ minutes: Math.floor(slot / chairs) * 120 + (slot % chairs) * 10 });
    const chartedAt = startAt.plus({ minutes: 180 }).toJSDate();
    const clock = () => chartedAt;
    const call = caller(this.ledger, clock, this.remembering);
    const nurse = signedIn(call, 'nurse');
    const painNrs = Math.max(7 - series.given, 2);
    chartCompletedInfusion(
      { call, nurse, clock, signer: credentialsOf('nurse'), witness: credentialsOf('physician') },
      series.planRecordId,
      painNrs,
    );
    call(nurse, 'auth.signOut', {});
    this.summary.sessions += 1;
    series.given += 1;
    if (series.given < seriesInfusions) this.dueOn(day.plus({ days: 7 }), [series]);
  }

  /** 20:00: the ended series reviewed; a delivery if the stock runs low; the biennial count. */
  private closeOfBusiness(day: DateTime, today: Series[]): void {
    const at = day.set({ hour: 20 }).toJSDate();
    atCloseOfBusiness(this.ledger, this.remembering, at, (call, staff) => {
      for (const series of today.filter(({ given }) => given === seriesInfusions)) {
        signDemoCourseReview(call, staff.physician, {
          patientId: series.patientId,
          planRecordId: series.planRecordId,
          today: day.toISODate() ?? '',
          password: physicianPassword,
        });
        this.finished.push({ patientId: series.patientId, endedOn: day });
      }
      const onHandMl = call(staff.nurse, 'register.overview', {}).onHand.reduce(
        (sum, container) => sum.plus(container.balance.ml),
        new Decimal(0),
      );
      if (onHandMl.lessThan(reorderBelowMl)) receiveDemoDelivery(call, staff, at, this.zone, this.delivery(at));
      // The administrator signs in once a month: the staff's signing certificates are renewed then.
      if (day.month !== this.adminMonth) {
        call(signedIn(call, 'admin'), 'auth.signOut', {});
        this.adminMonth = day.month;
      }
      if (this.lastCount !== null && day.diff(this.lastCount, 'years').years >= 2) {
        countDemoStock(call, staff, at);
        this.lastCount = day;
      }
    });
  }

  private delivery(at: Date): { lotNumber: string; invoiceNumber: string; containerCount: number } {
    this.summary.deliveries += 1;
    const month = DateTime.fromJSDate(at, { zone: this.zone }).toFormat('yyMM');
    const number = String(this.summary.deliveries).padStart(4, '0');
    return { lotNumber: `KET-${month}-${number}`, invoiceNumber: `CB-${number}`, containerCount: vialsPerDelivery };
  }

  private dueOn(day: DateTime, series: Series[]): void {
    const key = day.toISODate() ?? '';
    this.due.set(key, [...(this.due.get(key) ?? []), ...series]);
  }
}
