import { formatNumber } from './quantity';
import type { Vitals } from './vitals';

/** "124/80 mmHg", with a missing half written out rather than left blank. */
function bloodPressureText(vitals: Vitals): string | null {
  const { systolicMmHg: systolic, diastolicMmHg: diastolic } = vitals;
  if (systolic === null && diastolic === null) return null;
  return `${systolic ?? 'not known'}/${diastolic ?? 'not known'} mmHg`;
}

/** "BP 124/80 mmHg, HR 76 beats/min, SpO2 98%, RR 14 breaths/min, Temp 36.7 °C": what was measured. */
export function vitalsText(vitals: Vitals): string {
  const parts = [
    bloodPressureText(vitals) === null ? null : `BP ${bloodPressureText(vitals)}`,
    vitals.heartRateBpm === null ? null : `HR ${vitals.heartRateBpm} beats/min`,
    vitals.spo2Percent === null ? null : `SpO2 ${vitals.spo2Percent}%`,
    vitals.respiratoryRatePerMin === null ? null : `RR ${vitals.respiratoryRatePerMin} breaths/min`,
    vitals.temperatureC === null ? null : `Temp ${formatNumber(vitals.temperatureC)} °C`,
  ].filter((part): part is string => part !== null);
  return parts.length === 0 ? 'No vital signs recorded' : parts.join(', ');
}
