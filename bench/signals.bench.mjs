// Anger/urgency signals: quality of the `angry` flag on the labelled set (bench/fixtures/signals) per language —
// all lines, the lines the rules were tuned on, and the holdout written after the rules were frozen — and
// messages scored per second beside a same-run baseline that only lower-cases and tokenises the same texts.
import { tsImport } from 'tsx/esm/api';
import { runBench } from './lib/cleanup.mjs';
import { fixed, median, printTable, ratio } from './lib/report.mjs';

const ROUNDS = 5;
const ROUND_MS = 1000;

const { loadSignalsSet, measure, isHoldout } = await tsImport('../tests/coverage/signals-set.ts', import.meta.url);
const { scoreMessage, ANGRY_THRESHOLD } = await tsImport('../src/domains/coverage/signals.models.ts', import.meta.url);

/** Runs `body(i)` for every input over and over for ROUND_MS, ROUNDS times; the median of the per-round rates (calls/s). */
function rate(count, body) {
  const rates = [];
  for (let round = 0; round < ROUNDS; round++) {
    let calls = 0;
    const startedAt = performance.now();
    while (performance.now() - startedAt < ROUND_MS) {
      for (let i = 0; i < count; i++) body(i);
      calls += count;
    }
    rates.push(calls / ((performance.now() - startedAt) / 1000));
  }
  return median(rates);
}

const percent = (value) => `${(value * 100).toFixed(1)}%`;

await runBench('Anger / urgency signals (scoreMessage): quality on the labelled set, and speed', async () => {
  const sets = { en: loadSignalsSet('en'), it: loadSignalsSet('it') };
  const rows = [];
  for (const [lang, set] of Object.entries(sets)) {
    const slices = [
      ['all lines', set],
      ['tuned on (no split, holdout-r1, holdout-r2)', set.filter((message) => !isHoldout(message))],
      ['  of which the round-1 holdout (tuned on since)', set.filter((message) => message.split === 'holdout-r1')],
      ['  of which the round-2 holdout (tuned on since)', set.filter((message) => message.split === 'holdout-r2')],
      ['holdout (never tuned on)', set.filter(isHoldout)],
    ];
    for (const [label, messages] of slices) {
      const quality = measure(messages, lang);
      rows.push([
        lang,
        label,
        `${quality.lines} (${quality.angry} angry)`,
        percent(quality.precision),
        percent(quality.recall),
        fixed(quality.f1, 3),
      ]);
    }
  }
  console.log(`  angry = score ≥ ${ANGRY_THRESHOLD}; first-measurement figures of each holdout round: bench/fixtures/signals/README.md`);
  printTable(['lang', 'lines', 'count', 'precision', 'recall', 'F1'], rows);

  const inputs = [...sets.en, ...sets.it].map((message) => ({ text: message.text, lang: message.lang }));
  let sink = 0;
  const baseline = rate(inputs.length, (i) => {
    sink += inputs[i].text.toLowerCase().split(/[^\p{L}\p{N}']+/u).length;
  });
  const scored = rate(inputs.length, (i) => {
    sink += scoreMessage(inputs[i]).signals.length;
  });
  if (sink === 0) console.log('  (nothing measured)');
  console.log(`\n  ${inputs.length} messages, ${ROUNDS} rounds of ${ROUND_MS} ms, median`);
  printTable(
    ['what', 'messages/s', 'vs baseline', 'µs each'],
    [
      ['baseline: lower-case + tokenise the same texts', fixed(baseline), '×1.00', fixed(1e6 / baseline, 2)],
      ['scoreMessage (quotes cut, lexicons, phrase rules, friction)', fixed(scored), ratio(scored, baseline), fixed(1e6 / scored, 1)],
    ],
  );
});
