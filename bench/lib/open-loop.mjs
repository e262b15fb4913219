// Open-loop load at a fixed request rate: request n is sent at start + n / rate whatever happened to the ones
// before, so a slow server meets a growing queue (as it would with real users) instead of a polite client that
// waits. Latency runs from the scheduled send time, so time spent queued behind a stalled event loop counts too.
import http from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';

export function percentile(samples, fraction) {
  if (samples.length === 0) return Number.NaN;
  const sorted = Float64Array.from(samples).sort();
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)];
}

function get(agent, url, headers, timeoutMs) {
  return new Promise((resolve) => {
    const req = http.get(url, { agent, headers, timeout: timeoutMs }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode));
      res.on('error', () => resolve(0));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', () => resolve(0));
  });
}

/**
 * GETs `urlAt(n)` at `rate` requests per second for `seconds` (after `warmupSeconds` at the same rate, not
 * measured), over keep-alive connections opened as needed. Returns p50/p99/max in ms of the 2xx answers and
 * how many were not.
 */
export async function openLoop({ urlAt, headers = {}, rate, seconds, warmupSeconds = 2, timeoutMs = 10_000 }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY });
  const interval = 1000 / rate;
  const run = async (count, record) => {
    const startedAt = performance.now();
    const pending = [];
    for (let n = 0; n < count; n++) {
      const due = startedAt + n * interval;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      pending.push(
        get(agent, urlAt(n), headers, timeoutMs).then((status) => {
          if (record) record(status, performance.now() - due);
        }),
      );
    }
    await Promise.all(pending);
  };
  try {
    await run(Math.round(rate * warmupSeconds), null);
    const latencies = [];
    let failed = 0;
    await run(Math.round(rate * seconds), (status, ms) => {
      if (status >= 200 && status < 300) latencies.push(ms);
      else failed += 1;
    });
    return {
      requests: latencies.length + failed,
      failed,
      p50: percentile(latencies, 0.5),
      p99: percentile(latencies, 0.99),
      max: latencies.length ? Math.max(...latencies) : Number.NaN,
    };
  } finally {
    agent.destroy();
  }
}

/** One request at a time (closed loop), `count` times: the service time of a route on an otherwise idle server. */
export async function oneAtATime({ urlAt, headers = {}, count = 50, timeoutMs = 10_000 }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const latencies = [];
    for (let n = 0; n < count; n++) {
      const startedAt = performance.now();
      const status = await get(agent, urlAt(n), headers, timeoutMs);
      if (status >= 200 && status < 300) latencies.push(performance.now() - startedAt);
    }
    return { p50: percentile(latencies, 0.5), p90: percentile(latencies, 0.9) };
  } finally {
    agent.destroy();
  }
}

/**
 * Waits until `url` answers within `fastMs` three times in a row (at most `timeoutMs`): an overloaded server is still
 * working through requests its clients gave up on, which must not weigh on the next measurement.
 */
export async function settle({ url, headers = {}, fastMs = 50, timeoutMs = 120_000 }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const deadline = performance.now() + timeoutMs;
  try {
    for (let fast = 0; fast < 3 && performance.now() < deadline; ) {
      const startedAt = performance.now();
      await get(agent, url, headers, timeoutMs);
      fast = performance.now() - startedAt <= fastMs ? fast + 1 : 0;
      await sleep(100);
    }
  } finally {
    agent.destroy();
  }
}
