// Cleanup registry shared by every bench: child processes, temp dirs and bench databases are released
// in reverse order of creation, on success, on error, and on Ctrl-C / SIGTERM.

const tasks = [];
const children = new Set();
let cleaning = null;
let interrupted = false;

/** Registers an async release step; steps run last-registered first. */
export function onCleanup(task) {
  tasks.push(task);
}

/** Remembers a child process so that it is killed even if the bench process exits abruptly. */
export function trackChild(child) {
  children.add(child);
  child.once('exit', () => children.delete(child));
}

export function cleanup() {
  cleaning ??= (async () => {
    while (tasks.length > 0) {
      const task = tasks.pop();
      try {
        await task();
      } catch (error) {
        console.error(`  cleanup step failed: ${error instanceof Error ? error.message : error}`);
      }
    }
  })();
  return cleaning;
}

// Last resort: the event loop is gone, only synchronous work is possible.
process.once('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    interrupted = true;
    console.error(`\n  ${signal}: cleaning up…`);
    void cleanup().finally(() => process.exit(130));
  });
}

/** Runs one bench: prints its title, reports (never throws) a crash, always cleans up. */
export async function runBench(title, body) {
  console.log(`\n=== ${title} ===`);
  const startedAt = performance.now();
  try {
    await body();
  } catch (error) {
    // Once interrupted, the servers are being stopped under the bench's feet: its errors are expected.
    if (interrupted) return;
    console.error(`  bench crashed: ${error instanceof Error ? (error.stack ?? error.message) : error}`);
    process.exitCode = 1;
  } finally {
    await cleanup();
  }
  console.log(`  (${((performance.now() - startedAt) / 1000).toFixed(1)} s)`);
}
