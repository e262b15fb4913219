import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { z } from 'zod';
import { scoreMessage } from '../domains/coverage/signals.models';

/** One message per input line; a pure command: no database, no configuration. */
const inputLine = z.object({
  text: z.string().max(1_000_000, { message: 'must be at most 1,000,000 characters' }),
  lang: z.enum(['en', 'it', 'other']),
  subject: z.string().max(10_000).optional(),
  followUps: z.number().int().min(0).optional(),
});

function problemOf(raw: string): { input: z.infer<typeof inputLine> } | { error: string } {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { error: 'not valid JSON' };
  }
  const parsed = inputLine.safeParse(json);
  if (parsed.success) return { input: parsed.data };
  return { error: parsed.error.issues.map((issue) => `${issue.path.join('.') || 'line'}: ${issue.message}`).join('; ') };
}

export function registerSignalsCommands(program: Command) {
  const signals = program.command('signals').description('Anger, cancellation and urgency signals in client emails (English and Italian)');
  signals
    .command('score')
    .description(
      'Score JSON lines {"text","lang":"en"|"it"|"other","subject"?,"followUps"?} from standard input; prints one JSON line each ' +
        '{"score","angry","cancellationIntent","urgent","signals":[{"id","weight","evidence"}]}, or {"error","line"} for a bad line ' +
        '(the others are still scored; exit code 1 if any line was bad). Blank lines are skipped.',
    )
    .action(async () => {
      let lineNumber = 0;
      let bad = 0;
      for await (const raw of createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY })) {
        lineNumber++;
        if (raw.trim() === '') continue;
        const result = problemOf(raw);
        if ('error' in result) {
          bad++;
          process.stdout.write(`${JSON.stringify({ error: result.error, line: lineNumber })}\n`);
          continue;
        }
        process.stdout.write(`${JSON.stringify(scoreMessage(result.input))}\n`);
      }
      if (bad > 0) process.exitCode = 1;
    });
}
