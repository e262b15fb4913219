// The labelled signals evaluation set (bench/fixtures/signals/{en,it}.jsonl), shared by the quality test and the bench.
// `split` tells how a line was used: none = written before any rule (tuning), "holdout-r1" / "holdout-r2" =
// written as holdouts, measured once, then used for tuning, "holdout" = written after the rules were last
// frozen and never used to tune. See bench/fixtures/signals/README.md.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { type SignalLanguage, scoreMessage } from '../../src/domains/coverage/signals.models';

const fixturesDir = path.resolve(import.meta.dirname, '../../bench/fixtures/signals');

const line = z.object({ text: z.string(), lang: z.enum(['en', 'it']), angry: z.boolean(), split: z.string().optional() });
export type LabelledMessage = z.infer<typeof line>;

export function loadSignalsSet(lang: 'en' | 'it'): LabelledMessage[] {
  return readFileSync(path.join(fixturesDir, `${lang}.jsonl`), 'utf8')
    .split('\n')
    .filter((text) => text.trim() !== '')
    .map((text, i) => {
      const parsed = line.safeParse(JSON.parse(text));
      if (!parsed.success) throw new Error(`${lang}.jsonl line ${i + 1}: ${parsed.error.message}`);
      return parsed.data;
    });
}

export type Quality = { lines: number; angry: number; precision: number; recall: number; f1: number };

/** Precision, recall and F1 of `angry` over the given lines. */
export function measure(messages: LabelledMessage[], lang: SignalLanguage): Quality {
  let truePositives = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  for (const message of messages) {
    const flagged = scoreMessage({ text: message.text, lang }).angry;
    if (flagged && message.angry) truePositives++;
    else if (flagged) falsePositives++;
    else if (message.angry) falseNegatives++;
  }
  const precision = truePositives + falsePositives === 0 ? 1 : truePositives / (truePositives + falsePositives);
  const recall = truePositives + falseNegatives === 0 ? 1 : truePositives / (truePositives + falseNegatives);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { lines: messages.length, angry: messages.filter((message) => message.angry).length, precision, recall, f1 };
}

export const isHoldout = (message: LabelledMessage) => message.split === 'holdout';
