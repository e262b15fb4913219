import type { ResponseTimes } from '@contracts/insights.contracts';

/** Wall-clock time is what the client waited; business time leaves out nights, weekends and holidays. */
export type TimeBasis = 'clock' | 'business';

export const median = (times: ResponseTimes, basis: TimeBasis) => (basis === 'clock' ? times.medianMinutes : times.medianBusinessMinutes);
export const p90 = (times: ResponseTimes, basis: TimeBasis) => (basis === 'clock' ? times.p90Minutes : times.p90BusinessMinutes);
