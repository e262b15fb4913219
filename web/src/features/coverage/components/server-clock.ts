import { useEffect, useState } from 'react';

// Deadlines are the server's: the difference between its clock and this device's, measured at each queue
// fetch, keeps countdowns right on a phone whose clock is a few minutes off.
let offsetMs = 0;

export function rememberServerNow(serverNow: string) {
  const parsed = Date.parse(serverNow);
  if (!Number.isNaN(parsed)) offsetMs = parsed - Date.now();
}

/** The server's time now, refreshed every 30 s (and whenever a new `now` arrives). */
export function useServerNow(serverNow?: string, everyMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now() + offsetMs);
  useEffect(() => {
    if (serverNow) rememberServerNow(serverNow);
    setNow(Date.now() + offsetMs);
  }, [serverNow]);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now() + offsetMs), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
