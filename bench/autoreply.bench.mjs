// Auto-reply decisions per second (the pure policy) on the conformance corpus, headers read beforehand,
// beside two baselines measured in the same run: a loop that only walks the same inputs, and mailparser
// parsing the same messages. Also our header reader (mailparser on the header section only).
import { readFile } from 'node:fs/promises';
import { simpleParser } from 'mailparser';
import { tsImport } from 'tsx/esm/api';
import { runBench } from './lib/cleanup.mjs';
import { fixed, median, printTable, ratio } from './lib/report.mjs';

const ROUNDS = 5;
const ROUND_MS = 1000;
const NOW = new Date('2024-07-01T09:15:00Z');

const { loadConformanceCases } = await tsImport('../tests/mail/autoreply-cases.ts', import.meta.url);
const { decideAutoReply } = await tsImport('../src/domains/mail/autoreply.models.ts', import.meta.url);
const { readMessageHeaders } = await tsImport('../src/domains/mail/message-headers.ts', import.meta.url);

/** Runs `body(i)` over and over for ROUND_MS, ROUNDS times; returns the median of the per-round rates (calls/s). Sync bodies are not awaited. */
async function rate(count, body) {
  const rates = [];
  for (let round = 0; round < ROUNDS; round++) {
    let calls = 0;
    const startedAt = performance.now();
    while (performance.now() - startedAt < ROUND_MS) {
      for (let i = 0; i < count; i++) {
        const pending = body(i);
        if (pending) await pending;
      }
      calls += count;
    }
    rates.push(calls / ((performance.now() - startedAt) / 1000));
  }
  return median(rates);
}

await runBench('Auto-reply decisions per second (pure function, conformance corpus)', async () => {
  const corpus = loadConformanceCases();
  const raws = await Promise.all(corpus.cases.map((testCase) => readFile(corpus.messagePath(testCase))));
  const inputs = await Promise.all(
    corpus.cases.map(async (testCase, i) => ({
      envelope: testCase.envelope,
      headers: (await readMessageHeaders(raws[i])).headers,
      owner: { addresses: corpus.absent_person.aliases },
      text: { id: 'bench' },
      previousReplies: [{ to: 'someone@else.example', textId: 'bench', sentAt: NOW }],
      language: { detected: testCase.lang, workspaceDefault: 'en' },
      now: NOW,
    })),
  );
  const replies = inputs.filter((input) => decideAutoReply(input).decision === 'reply').length;
  console.log(
    `  ${inputs.length} messages (${replies} answered, ${inputs.length - replies} not), ${ROUNDS} rounds of ${ROUND_MS} ms, median`,
  );

  let sink = 0;
  const walk = await rate(inputs.length, (i) => {
    sink += inputs[i].headers.length;
  });
  const decide = await rate(inputs.length, (i) => {
    sink += decideAutoReply(inputs[i]).reason.length;
  });
  const readHeaders = await rate(raws.length, async (i) => {
    sink += (await readMessageHeaders(raws[i])).headers.length;
  });
  const mailparser = await rate(raws.length, async (i) => {
    sink += (await simpleParser(raws[i])).headerLines.length;
  });
  if (sink === 0) console.log('  (nothing measured)');

  printTable(
    ['what', 'per second', 'vs mailparser', 'µs each'],
    [
      ['baseline: walk the pre-read inputs (no decision)', fixed(walk), ratio(walk, mailparser), fixed(1e6 / walk, 2)],
      ['baseline: mailparser simpleParser, whole message', fixed(mailparser), '×1.00', fixed(1e6 / mailparser, 1)],
      ['decideAutoReply on pre-read headers', fixed(decide), ratio(decide, mailparser), fixed(1e6 / decide, 1)],
      ['readMessageHeaders (raw → header fields)', fixed(readHeaders), ratio(readHeaders, mailparser), fixed(1e6 / readHeaders, 1)],
    ],
  );
});
