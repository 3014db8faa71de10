import { formatDateTime } from '../../../domain/time';

/**
 * A clinic time whose date and time each stay whole (never "07-Dec-" above "2026") but may go
 * on two lines, so a narrow window keeps room beside it.
 */
export function WhenText({ instant, clinicTimeZone }: { instant: string; clinicTimeZone: string }) {
  const [date = '', ...time] = formatDateTime(instant, clinicTimeZone).split(' ');
  return (
    <>
      <span className="register-nowrap">{date}</span> <span className="register-nowrap">{time.join(' ')}</span>
    </>
  );
}
