import { useEffect, useState } from 'react';
import { serverNow } from '../../lib/server-clock';

/**
 * The server's clock, re-read every `everyMs`: a countdown must follow the clock that
 * stamps the entries, not the computer's (which tests also move through the server).
 */
export function useServerNow(everyMs = 1_000): number {
  const [now, setNow] = useState(() => serverNow().getTime());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(serverNow().getTime()), everyMs);
    return () => window.clearInterval(timer);
  }, [everyMs]);
  return now;
}
