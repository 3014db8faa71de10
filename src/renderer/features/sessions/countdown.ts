/** "04:32", or "1:04:32" from an hour on: minutes and seconds, as on a timer. */
export function clockText(ms: number): string {
  const totalSeconds = Math.floor(Math.abs(ms) / 1_000);
  const hours = Math.floor(totalSeconds / 3_600);
  const minutes = Math.floor((totalSeconds % 3_600) / 60);
  const seconds = totalSeconds % 60;
  const mmss = `${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
  return hours === 0 ? mmss : `${hours}:${mmss}`;
}

/** "4 minutes 32 seconds", for screen readers, which read "04:32" badly. */
export function spokenDuration(ms: number): string {
  const totalSeconds = Math.floor(Math.abs(ms) / 1_000);
  const hours = Math.floor(totalSeconds / 3_600);
  const minutes = Math.floor((totalSeconds % 3_600) / 60);
  const plural = (count: number, unit: string) => `${count} ${unit}${count === 1 ? '' : 's'}`;
  const parts = [hours > 0 ? plural(hours, 'hour') : null, plural(minutes, 'minute')].filter(
    (part): part is string => part !== null,
  );
  return parts.join(' ');
}
