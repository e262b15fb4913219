// Readiness of an absence with 500 briefs (half key accounts, acknowledged, some with open questions),
// computed through the same use case the API and the activation gate call, on PGlite and on PostgreSQL,
// beside a same-run baseline: a plain SELECT count(*) of those briefs.
import { tsImport } from 'tsx/esm/api';
import { runBench } from './lib/cleanup.mjs';
import { createBenchDatabase } from './lib/postgres.mjs';
import { fixed, median, printTable, ratio } from './lib/report.mjs';

const BRIEFS = 500;
const WARMUP = 5;
const RUNS = 50;

const load = (path) => tsImport(path, import.meta.url);
const { openDatabase } = await load('../src/platform/db/database.ts');
const { createDependencies } = await load('../src/app/dependencies.ts');
const { loadConfig } = await load('../src/platform/config/config.ts');
const { createLogger } = await load('../src/platform/logger/logger.ts');
const { briefContentHash } = await load('../src/domains/absences/briefs.models.ts');
const { briefContentSchema } = await load('../src/contracts/briefs.contracts.ts');
const { sql } = await import('drizzle-orm');

const percentile = (values, fraction) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)];
};

async function time(fn) {
  for (let i = 0; i < WARMUP; i++) await fn();
  const samples = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await fn();
    samples.push(performance.now() - started);
  }
  return { p50: median(samples), p95: percentile(samples, 0.95) };
}

async function seed(deps) {
  const workspace = await deps.members.createWorkspace({ name: 'Bench', slug: 'bench', timezone: 'Europe/Rome' });
  const user = (name, role) =>
    deps.members.createUser({
      workspaceId: workspace.id,
      email: `${name}@bench.example`,
      name,
      role,
      language: 'en',
      password: 'bench password 1',
    });
  const owner = await user('owner', 'member');
  const delegate = await user('delegate', 'member');
  const manager = await user('manager', 'manager');
  const now = new Date();
  await deps.db.transaction(async (tx) => {
    const clients = [];
    for (let i = 0; i < BRIEFS; i++)
      clients.push(
        await deps.clientsRepository.insertClient(
          tx,
          {
            workspaceId: workspace.id,
            name: `Client ${i}`,
            tier: i % 2 ? 'standard' : 'key',
            language: 'en',
            ownerId: owner.id,
            domains: [],
            contacts: [],
            projects: [],
          },
          null,
          now,
        ),
      );
    const absence = await deps.absencesRepository.insert(
      tx,
      {
        workspaceId: workspace.id,
        ownerId: owner.id,
        startsAt: new Date(now.getTime() + 10 * 86_400_000),
        endsAt: new Date(now.getTime() + 20 * 86_400_000),
        primaryDelegateId: delegate.id,
        managerId: manager.id,
        state: 'handover',
        autoReply: { en: { subject: 'Away', body: 'Away' }, it: { subject: 'Assente', body: 'Assente' } },
      },
      clients.map((client) => ({ clientId: client.id, projectId: null })),
    );
    const content = briefContentSchema.parse({ situation: 'Bench brief', keyFacts: ['one', 'two'] });
    const contentHash = briefContentHash(content);
    for (const [i, client] of clients.entries()) {
      const brief = await deps.briefsRepository.insertBrief(tx, {
        workspaceId: workspace.id,
        absenceId: absence.id,
        clientId: client.id,
        draft: content,
        currentVersion: 1,
      });
      const version = await deps.briefsRepository.insertVersion(tx, {
        workspaceId: workspace.id,
        briefId: brief.id,
        version: 1,
        content,
        contentHash,
        createdBy: owner.id,
        createdAt: now,
      });
      if (i % 5 !== 0)
        await deps.briefsRepository.insertAcknowledgement(tx, {
          workspaceId: workspace.id,
          briefId: brief.id,
          versionId: version.id,
          version: 1,
          contentHash,
          delegateId: delegate.id,
          delegateRole: 'primary',
          readBack: client.tier === 'key' ? 'A long enough read-back of the situation and next step.' : null,
          readBackStatus: client.tier === 'key' ? 'accepted' : 'not_required',
          acknowledgedAt: now,
        });
      if (i % 25 === 0)
        await deps.briefsRepository.insertQuestion(tx, {
          workspaceId: workspace.id,
          briefId: brief.id,
          askedBy: delegate.id,
          question: 'Why?',
          askedAt: now,
        });
    }
    deps.benchIds = { workspaceId: workspace.id, absenceId: absence.id };
  });
  return deps.benchIds;
}

async function measure(label, target, rows) {
  const database = await openDatabase(target);
  try {
    await database.migrate();
    const config = loadConfig({ LOG_LEVEL: 'silent', BATON_DEMO: 'false' });
    const deps = createDependencies({ config, clock: { now: () => new Date() }, logger: createLogger('silent'), database });
    const { workspaceId, absenceId } = await seed(deps);
    const readiness = await deps.handoverGate.readiness(workspaceId, absenceId);
    if (readiness.briefs.length !== BRIEFS) throw new Error(`expected ${BRIEFS} briefs, got ${readiness.briefs.length}`);
    const baseline = await time(() => deps.db.execute(sql`select count(*) from briefs where absence_id = ${absenceId}`));
    const computed = await time(() => deps.handoverGate.readiness(workspaceId, absenceId));
    rows.push({ label, what: `baseline: SELECT count(*) of ${BRIEFS} briefs`, ...baseline, base: baseline });
    rows.push({
      label,
      what: `readiness of ${BRIEFS} briefs (score ${(readiness.score * 100).toFixed(0)} %, gate ${readiness.gate.open ? 'open' : 'closed'})`,
      ...computed,
      base: baseline,
    });
  } finally {
    await database.close();
  }
}

await runBench(`Readiness: an absence with ${BRIEFS} briefs, ${WARMUP} warm-up then ${RUNS} calls`, async () => {
  const rows = [];
  await measure('PGlite', { kind: 'pglite', dataDir: null }, rows);
  const pg = await createBenchDatabase();
  if (pg.skipped) console.log(`  PostgreSQL rows skipped: ${pg.skipped}`);
  else await measure('PostgreSQL', { kind: 'postgresql', url: pg.url }, rows);
  printTable(
    ['database', 'query', 'p50 ms', 'p95 ms', 'p50 vs baseline'],
    rows.map((row) => [row.label, row.what, fixed(row.p50, 2), fixed(row.p95, 2), ratio(row.p50, row.base.p50)]),
  );
});
