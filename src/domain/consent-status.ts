import { DateTime } from 'luxon';

/**
 * Whether a recorded consent covers an infusion at a given time: the rules of expiry, withdrawal
 * and re-consent (a new series, a new version of the text), the same at the desk, at chairside
 * and when an infusion starts.
 */

/** What a recorded consent says about itself. */
export interface ConsentFacts {
  id: number;
  documentId: number;
  /** The version of the text the patient signed. */
  documentVersion: number;
  /** The series (plan) it was recorded for; null: recorded for no particular series. */
  planRecordId: number | null;
  /** When the patient signed (UTC instant). */
  signedAt: string;
  /** The signed version's validity in calendar months; null: until withdrawn or renewed. */
  validMonths: number | null;
  /** When a withdrawal was recorded; null: never withdrawn. */
  withdrawnAt: string | null;
}

/** What an infusion needs: the document's current version and rules, the series, the moment. */
export interface ConsentNeed {
  documentId: number;
  currentVersion: number;
  renewForNewSeries: boolean;
  renewForNewText: boolean;
  planRecordId: number;
  at: string;
  /** The clinic's zone: a month ends on the same calendar day there. */
  zone: string;
}

export type ConsentStanding =
  | { state: 'current'; expiresAt: string | null }
  | { state: 'not-yet-signed' }
  | { state: 'withdrawn'; withdrawnAt: string }
  | { state: 'expired'; expiredAt: string }
  | { state: 'text-changed'; signedVersion: number; currentVersion: number }
  | { state: 'other-series' };

/**
 * Expiry instants already worked out, by signing instant, months and zone: a regular's chart
 * asks for each of their consents once for every plan, and the calendar arithmetic is the cost.
 * Bounded; emptied when full (it only saves work, never changes an answer).
 */
const expiries = new Map<string, string | null>();
const expiriesKept = 4096;

/** When a consent signed at `signedAt` stops being valid: the same clock time `validMonths` later, clinic time. */
export function consentExpiresAt(signedAt: string, validMonths: number | null, zone: string): string | null {
  if (validMonths === null) return null;
  const key = `${signedAt} ${validMonths} ${zone}`;
  const known = expiries.get(key);
  if (known !== undefined) return known;
  const expires = DateTime.fromISO(signedAt, { zone }).plus({ months: validMonths });
  const expiresAt = expires.toUTC().toISO({ suppressMilliseconds: false }) ?? null;
  if (expiries.size >= expiriesKept) expiries.clear();
  expiries.set(key, expiresAt);
  return expiresAt;
}

const instant = (iso: string) => Date.parse(iso);

/** Where one consent stands for the infusion described by `need`. */
export function consentStanding(consent: ConsentFacts, need: ConsentNeed): ConsentStanding {
  const at = instant(need.at);
  if (consent.documentId !== need.documentId || instant(consent.signedAt) > at) return { state: 'not-yet-signed' };
  if (consent.withdrawnAt !== null && instant(consent.withdrawnAt) <= at) {
    return { state: 'withdrawn', withdrawnAt: consent.withdrawnAt };
  }
  const expiresAt = consentExpiresAt(consent.signedAt, consent.validMonths, need.zone);
  if (expiresAt !== null && instant(expiresAt) <= at) return { state: 'expired', expiredAt: expiresAt };
  if (need.renewForNewText && consent.documentVersion !== need.currentVersion) {
    return { state: 'text-changed', signedVersion: consent.documentVersion, currentVersion: need.currentVersion };
  }
  if (need.renewForNewSeries && consent.planRecordId !== need.planRecordId) return { state: 'other-series' };
  return { state: 'current', expiresAt };
}

export type ConsentVerdict =
  | { state: 'current'; consentId: number; expiresAt: string | null }
  /** No consent of this document covers it: the latest one's standing says why (none: never recorded). */
  | {
      state: 'missing';
      latest: { consentId: number; standing: Exclude<ConsentStanding, { state: 'current' }> } | null;
    };

/** The consent that covers the infusion (the latest signed that is current), or why there is none. */
export function consentVerdict(consents: readonly ConsentFacts[], need: ConsentNeed): ConsentVerdict {
  const ordered = consents
    .filter((consent) => consent.documentId === need.documentId)
    .sort((a, b) => instant(b.signedAt) - instant(a.signedAt) || b.id - a.id);
  let latest: Extract<ConsentVerdict, { state: 'missing' }>['latest'] = null;
  for (const consent of ordered) {
    const standing = consentStanding(consent, need);
    if (standing.state === 'current') return { state: 'current', consentId: consent.id, expiresAt: standing.expiresAt };
    if (latest === null && standing.state !== 'not-yet-signed') latest = { consentId: consent.id, standing };
  }
  return { state: 'missing', latest };
}
