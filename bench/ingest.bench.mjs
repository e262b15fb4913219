// Ingestion throughput of the full pipeline (parse, sanitise, detect language, match, thread, one transaction
// per message with raw copy, attachments, audit event and routing job) on 5,000 generated messages (plain,
// HTML, attachments, Italian and English), beside bare mailparser `simpleParser` of the same corpus in the
// same run. On PGlite and on PostgreSQL. Peak memory (RSS) printed. Targets from issue 4 printed beside.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { tsImport } from 'tsx/esm/api';
import { onCleanup, runBench } from './lib/cleanup.mjs';
import { createBenchDatabase } from './lib/postgres.mjs';
import { fixed, printTable, ratio } from './lib/report.mjs';

const COUNT = Number(process.env.BENCH_INGEST_COUNT ?? 5000);
const { createBaton } = await tsImport('../src/main.ts', import.meta.url);
const { loadConfig } = await tsImport('../src/platform/config/config.ts', import.meta.url);
const { createLogger } = await tsImport('../src/platform/logger/logger.ts', import.meta.url);
const { openDatabase } = await tsImport('../src/platform/db/database.ts', import.meta.url);

let peakRss = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 50);
sampler.unref();

const IT = [
  'Buongiorno, vi scrivo per chiedere un aggiornamento sul progetto del nuovo sito e sulle date di consegna previste.',
  'Gentile Anna, la fattura di marzo non ci è ancora arrivata: potete inviarcela di nuovo? Grazie mille.',
  'Ciao, avremmo bisogno di spostare la riunione di giovedì alla settimana prossima, se per voi va bene.',
];
const EN = [
  'Hello Anna, could you send us an update on the website project and the expected delivery dates?',
  'Hi, the March invoice has not reached us yet: could you please send it again? Many thanks.',
  'Good morning, we need to move Thursday’s meeting to next week if that works for you.',
];

/** A realistic mix: 50% plain, 35% HTML alternative, 15% with a PDF attachment; half Italian, half English. */
function message(i) {
  const italian = i % 2 === 0;
  const text = (italian ? IT : EN)[i % 3].repeat(1 + (i % 4));
  const from = i % 5 === 0 ? `someone${i}@unknown${i % 50}.example` : `contact${i % 200}@client${i % 40}.example`;
  const head = [
    `From: Contact ${i} <${from}>`,
    'To: Anna Ferri <anna@agency.example>',
    `Subject: ${italian ? 'Richiesta' : 'Request'} #${i}`,
    `Date: Mon, 02 Mar 2026 10:${String(i % 60).padStart(2, '0')}:00 +0100`,
    `Message-ID: <bench-${i}@client${i % 40}.example>`,
    ...(i % 7 === 0 && i > 0 ? [`In-Reply-To: <bench-${i - 7}@client${(i - 7) % 40}.example>`] : []),
    'MIME-Version: 1.0',
  ];
  const kind = i % 20 < 10 ? 'plain' : i % 20 < 17 ? 'html' : 'attachment';
  if (kind === 'plain')
    return [...head, 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: 8bit', '', text, ''].join('\r\n');
  const html = `<html><body><p style="color:#333">${text}</p><p><a href="https://client.example/x">link</a> <img src="https://tracker.example/${i}.gif"></p><script>track()</script></body></html>`;
  const alternative = [
    '--alt',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    text,
    '--alt',
    'Content-Type: text/html; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    html,
    '--alt--',
  ];
  if (kind === 'html') return [...head, 'Content-Type: multipart/alternative; boundary="alt"', '', ...alternative, ''].join('\r\n');
  const pdf = Buffer.alloc(40_000 + (i % 10) * 10_000, i % 251)
    .toString('base64')
    .replace(/.{76}/g, '$&\r\n');
  return [
    ...head,
    'Content-Type: multipart/mixed; boundary="mix"',
    '',
    '--mix',
    'Content-Type: multipart/alternative; boundary="alt"',
    '',
    ...alternative,
    '--mix',
    `Content-Type: application/pdf; name="offer-${i}.pdf"`,
    'Content-Transfer-Encoding: base64',
    `Content-Disposition: attachment; filename="offer-${i}.pdf"`,
    '',
    pdf,
    '--mix--',
    '',
  ].join('\r\n');
}

async function seed(baton) {
  const { deps } = baton;
  const workspace = await deps.members.createWorkspace({ name: 'Bench', slug: 'bench', timezone: 'Europe/Rome' });
  const owner = await deps.members.createUser({
    workspaceId: workspace.id,
    email: 'anna@agency.example',
    name: 'Anna',
    role: 'admin',
    language: 'it',
    password: 'bench password long',
  });
  const mailbox = await deps.mail.mailboxes.create(
    { user: owner, workspace, session: null },
    { address: 'anna@agency.example', aliases: [] },
  );
  return { workspace, mailbox };
}

async function pipelineRate(label, database, raws) {
  const config = loadConfig({ LOG_LEVEL: 'silent', BATON_DEMO: 'false' });
  const baton = await createBaton({ config, logger: createLogger('silent'), database, webDir: null, startJobs: false });
  try {
    const { workspace, mailbox } = await seed(baton);
    const startedAt = performance.now();
    const outcomes = {};
    for (const raw of raws) {
      const result = await baton.deps.mail.ingestion.ingestRawMessage({
        workspaceId: workspace.id,
        mailboxId: mailbox.id,
        raw,
        receivedAt: new Date(),
      });
      outcomes[result.outcome] = (outcomes[result.outcome] ?? 0) + 1;
    }
    const seconds = (performance.now() - startedAt) / 1000;
    console.log(`  ${label}: ${JSON.stringify(outcomes)} in ${fixed(seconds, 1)} s`);
    return raws.length / seconds;
  } finally {
    await baton.close();
  }
}

async function bareRate(raws) {
  const startedAt = performance.now();
  for (const raw of raws) await simpleParser(raw);
  return raws.length / ((performance.now() - startedAt) / 1000);
}

await runBench(`Ingestion throughput, ${COUNT} generated messages (full pipeline vs bare mailparser)`, async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'baton-ingest-bench-'));
  onCleanup(() => rm(dir, { recursive: true, force: true }));
  for (let i = 0; i < COUNT; i++) await writeFile(path.join(dir, `m${String(i).padStart(5, '0')}.eml`), message(i));
  const files = (await readdir(dir)).filter((name) => name.endsWith('.eml')).sort();
  const raws = await Promise.all(files.map((name) => readFile(path.join(dir, name))));
  const megabytes = raws.reduce((sum, raw) => sum + raw.length, 0) / 1e6;
  console.log(`  corpus: ${raws.length} messages, ${fixed(megabytes, 1)} MB in ${dir}`);

  const rows = [];
  const bareBeforePglite = await bareRate(raws);
  const pgliteDir = path.join(dir, 'pglite');
  const pglite = await pipelineRate('PGlite', await openDatabase({ kind: 'pglite', dataDir: pgliteDir }), raws);
  rows.push(['PGlite', fixed(pglite), fixed(bareBeforePglite), ratio(pglite, bareBeforePglite), '≥ 0.3×']);

  const pg = await createBenchDatabase();
  if ('skipped' in pg) console.log(`  ${pg.skipped}`);
  else {
    const bare = await bareRate(raws);
    const database = await openDatabase({ kind: 'postgresql', url: pg.url });
    const rate = await pipelineRate('PostgreSQL', database, raws);
    await database.close();
    rows.push(['PostgreSQL', fixed(rate), fixed(bare), ratio(rate, bare), '≥ 0.5×']);
  }
  printTable(['backend', 'pipeline msg/s', 'bare simpleParser msg/s', 'ratio', 'target'], rows);
  console.log(`  peak RSS ${fixed(peakRss / 1024 / 1024)} MiB`);
});
