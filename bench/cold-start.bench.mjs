// Cold start of the built server to its first 200 on /api/health, on the embedded database (PGlite)
// with an already initialised data dir, beside a bare Fastify hello-world started the same way.
// "Cold" means a new Node process; the OS file cache is warm for both (one unmeasured start each first).
import path from 'node:path';
import { runBench } from './lib/cleanup.mjs';
import { fixed, max, median, printTable, ratio } from './lib/report.mjs';
import { makeTempDir, startBaton, startHello, stopProcess, waitForHealth } from './lib/server.mjs';

const RUNS = 5;
const TARGET_MS = 2000;

async function timeStart(start) {
  const server = await start();
  const startMs = await waitForHealth(server, { intervalMs: 20 });
  const stopMs = await stopProcess(server);
  return { startMs, stopMs };
}

await runBench(`Cold start to first 200 on /api/health (${RUNS} runs each, polled every 20 ms)`, async () => {
  const cwd = makeTempDir('cold-start');
  const dataDir = path.join(cwd, 'data');

  // First start on an empty data dir: creates it, migrates, loads the demo. For information.
  const first = await timeStart(() => startBaton({ name: 'baton first start', cwd, dataDir }));
  await timeStart(() => startHello()); // unmeasured: warms the file cache for the baseline too

  const hello = [];
  const baton = [];
  for (let run = 0; run < RUNS; run++) {
    // Interleaved so that any drift of the machine affects both alike.
    hello.push(await timeStart(() => startHello()));
    baton.push(await timeStart(() => startBaton({ name: `baton restart ${run + 1}`, cwd, dataDir })));
  }

  const helloStarts = hello.map((run) => run.startMs);
  const batonStarts = baton.map((run) => run.startMs);
  printTable(
    ['server', 'median ms', 'max ms', 'median vs hello', 'max vs hello', 'target', 'runs ms'],
    [
      [
        'hello-world (bare Fastify)',
        fixed(median(helloStarts)),
        fixed(max(helloStarts)),
        '×1.00',
        '×1.00',
        '',
        helloStarts.map((ms) => fixed(ms)).join(' '),
      ],
      [
        'Baton, PGlite, initialised dir',
        fixed(median(batonStarts)),
        fixed(max(batonStarts)),
        ratio(median(batonStarts), median(helloStarts)),
        ratio(max(batonStarts), max(helloStarts)),
        `< ${TARGET_MS} ms`,
        batonStarts.map((ms) => fixed(ms)).join(' '),
      ],
    ],
  );
  console.log(`\n  For information: first start on an empty data dir (create + migrate + demo): ${fixed(first.startMs)} ms`);
  console.log(
    `  Graceful stop (SIGTERM to exit), median: Baton ${fixed(median(baton.map((run) => run.stopMs)))} ms, hello-world ${fixed(median(hello.map((run) => run.stopMs)))} ms`,
  );
});
