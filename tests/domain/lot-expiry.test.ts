import { describe, expect, it } from 'vitest';
import { administrationEventSchema } from '../../src/domain/infusion-session';
import { formatLotExpiry, lastUseDay } from '../../src/domain/lot-expiry';

const start = (lotExpiry: string) =>
  administrationEventSchema.safeParse({
    type: 'start',
    rateMlPerH: '150',
    reason: '',
    lotNumber: 'K1',
    lotExpiry,
    volumeInfusedMl: null,
    wasteMg: null,
  }).success;

describe('drug lot expiry', () => {
  it('takes a real month or day only, so no expiry runs past the date on the vial', () => {
    for (const valid of ['2027-06', '2027-06-30', '2028-02-29', '']) expect(start(valid)).toBe(true);
    for (const invalid of ['2027-13', '2027-00', '2027-99', '2027-02-30', '2027-6', 'Jun-2027']) {
      expect(start(invalid)).toBe(false);
    }
  });

  it('lets a month expiry run to the end of that month, and prints it as on the vial', () => {
    expect(lastUseDay('2027-02')).toBe('2027-02-28');
    expect(lastUseDay('2028-02')).toBe('2028-02-29');
    expect(lastUseDay('2027-06-15')).toBe('2027-06-15');
    expect(formatLotExpiry('2027-06')).toBe('Jun-2027');
    expect(formatLotExpiry('2027-06-15')).toBe('15-Jun-2027');
  });
});
