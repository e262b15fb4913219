// `baton start` for tests that run Baton as a real process (tests/support/baton-process.ts): the same start-up,
// configuration and shutdown. BATON_TEST_IMAP_LEASE_MS shortens the IMAP watchers' lease (60 s in production),
// so a test that kills the instance holding it does not wait a minute for its successor to take over.

import { reportCliError } from '../../src/cli/cli-context';
import { startServer } from '../../src/cli/start.command';

const leaseMs = Number(process.env.BATON_TEST_IMAP_LEASE_MS ?? 0);
await startServer(leaseMs > 0 ? { imapIdleTiming: { leaseMs, rescanMs: Math.max(200, Math.round(leaseMs / 4)) } } : {}).catch(
  reportCliError,
);
