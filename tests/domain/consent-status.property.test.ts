import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ConsentFacts, ConsentNeed } from '../../src/domain/consent-status';
import { consentExpiresAt, consentStanding, consentVerdict } from '../../src/domain/consent-status';

const zone = 'America/New_York';
const start = Date.parse('2020-01-01T00:00:00.000Z');
const span = 6 * 365 * 86_400_000;
const instantArb = fc.integer({ min: 0, max: span }).map((offset) => new Date(start + offset).toISOString());

const consentArb = fc.record({
  id: fc.integer({ min: 1, max: 50 }),
  documentId: fc.constant(1),
  documentVersion: fc.integer({ min: 1, max: 4 }),
  planRecordId: fc.option(fc.integer({ min: 1, max: 3 }), { nil: null }),
  signedAt: instantArb,
  validMonths: fc.option(fc.integer({ min: 1, max: 36 }), { nil: null }),
  withdrawnAt: fc.option(instantArb, { nil: null }),
}) as fc.Arbitrary<ConsentFacts>;

const needArb = fc.record({
  documentId: fc.constant(1),
  currentVersion: fc.integer({ min: 1, max: 4 }),
  renewForNewSeries: fc.boolean(),
  renewForNewText: fc.boolean(),
  planRecordId: fc.integer({ min: 1, max: 3 }),
  at: instantArb,
  zone: fc.constant(zone),
}) as fc.Arbitrary<ConsentNeed>;

const later = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();

describe('consent expiry and re-consent, for any dates and text versions', () => {
  it('is current exactly when signed, not withdrawn, not expired, and the text and series rules hold', () => {
    fc.assert(
      fc.property(consentArb, needArb, (consent, need) => {
        const at = Date.parse(need.at);
        const expiresAt = consentExpiresAt(consent.signedAt, consent.validMonths, zone);
        const expected =
          Date.parse(consent.signedAt) <= at &&
          (consent.withdrawnAt === null || Date.parse(consent.withdrawnAt) > at) &&
          (expiresAt === null || Date.parse(expiresAt) > at) &&
          (!need.renewForNewText || consent.documentVersion === need.currentVersion) &&
          (!need.renewForNewSeries || consent.planRecordId === need.planRecordId);
        expect(consentStanding(consent, need).state === 'current').toBe(expected);
      }),
    );
  });

  it('once expired or withdrawn, stays so at every later time', () => {
    fc.assert(
      fc.property(consentArb, needArb, fc.integer({ min: 1, max: span }), (consent, need, ms) => {
        const before = consentStanding(consent, need).state;
        const after = consentStanding(consent, { ...need, at: later(need.at, ms) }).state;
        if (before === 'withdrawn') expect(after).toBe('withdrawn');
        if (before === 'expired') expect(['withdrawn', 'expired']).toContain(after);
      }),
    );
  });

  it('expires on the same calendar day and clock time, months later in the clinic’s zone (DST and month ends included)', () => {
    expect(consentExpiresAt('2026-01-31T15:00:00.000Z', 1, zone)).toBe('2026-02-28T15:00:00.000Z');
    // 10:00 EST on 1 March is 10:00 EDT on 1 April: one hour earlier in UTC.
    expect(consentExpiresAt('2026-03-01T15:00:00.000Z', 1, zone)).toBe('2026-04-01T14:00:00.000Z');
    expect(consentExpiresAt('2026-03-01T15:00:00.000Z', null, zone)).toBeNull();
    fc.assert(
      fc.property(instantArb, fc.integer({ min: 1, max: 120 }), (signedAt, months) => {
        const expires = consentExpiresAt(signedAt, months, zone) ?? '';
        // Between 28 and 31 days a month, never earlier than the signature.
        expect(Date.parse(expires) - Date.parse(signedAt)).toBeGreaterThanOrEqual(months * 27 * 86_400_000);
        expect(Date.parse(expires) - Date.parse(signedAt)).toBeLessThanOrEqual(months * 32 * 86_400_000);
      }),
    );
  });

  it('names the current consent when any covers the infusion, else why the latest does not', () => {
    fc.assert(
      fc.property(fc.array(consentArb, { maxLength: 8 }), needArb, (consents, need) => {
        const unique = consents.map((consent, index) => ({ ...consent, id: index + 1 }));
        const verdict = consentVerdict(unique, need);
        const current = unique.filter((consent) => consentStanding(consent, need).state === 'current');
        if (current.length > 0) {
          expect(verdict.state).toBe('current');
          if (verdict.state === 'current') expect(current.map((consent) => consent.id)).toContain(verdict.consentId);
        } else {
          expect(verdict.state).toBe('missing');
          const signedBefore = unique.filter((consent) => Date.parse(consent.signedAt) <= Date.parse(need.at));
          if (verdict.state === 'missing') expect(verdict.latest === null).toBe(signedBefore.length === 0);
        }
      }),
    );
  });

  it('refuses a withdrawn consent even where a newer version or series would otherwise not matter', () => {
    const consent: ConsentFacts = {
      id: 1,
      documentId: 1,
      documentVersion: 1,
      planRecordId: 1,
      signedAt: '2026-01-05T15:00:00.000Z',
      validMonths: 12,
      withdrawnAt: '2026-02-01T15:00:00.000Z',
    };
    const need: ConsentNeed = {
      documentId: 1,
      currentVersion: 1,
      renewForNewSeries: false,
      renewForNewText: false,
      planRecordId: 1,
      at: '2026-02-01T15:00:00.000Z',
      zone,
    };
    expect(consentStanding(consent, { ...need, at: '2026-02-01T14:59:59.999Z' }).state).toBe('current');
    expect(consentStanding(consent, need)).toEqual({ state: 'withdrawn', withdrawnAt: consent.withdrawnAt });
  });
});
