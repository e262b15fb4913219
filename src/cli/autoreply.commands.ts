import { readFile } from 'node:fs/promises';
import { type Command, InvalidArgumentError } from 'commander';
import { decideAutoReply, type PreviousAutoReply } from '../domains/mail/autoreply.models';
import { readMessageHeaders } from '../domains/mail/message-headers';

const CLI_TEXT_ID = 'cli';

interface CheckOptions {
  envelopeFrom: string;
  envelopeTo: string;
  addresses: string;
  days?: number;
  repliedAt?: Date;
  now?: Date;
}

function parseDays(value: string): number {
  const days = Number(value);
  if (!Number.isFinite(days) || days <= 0) throw new InvalidArgumentError('expected a positive number of days');
  return days;
}

function parseTime(value: string): Date {
  const time = new Date(value);
  if (Number.isNaN(time.getTime())) throw new InvalidArgumentError('expected an ISO 8601 date-time');
  return time;
}

/** A pure command: reads one message and prints the policy's decision; no database, no configuration. */
export function registerAutoReplyCommands(program: Command) {
  const autoreply = program.command('autoreply').description('The out-of-office auto-reply policy (RFC 3834 / RFC 5230)');
  autoreply
    .command('check')
    .description('Decide whether a message gets the auto-reply; prints one JSON object {decision, reason, reply?, problems?}')
    .argument('<file>', 'the message, RFC 822 (.eml)')
    .requiredOption('--envelope-from <address>', 'SMTP MAIL FROM of the message; "" (or "<>") is the null sender')
    .requiredOption('--envelope-to <address>', 'the final recipient: the absent owner’s mailbox')
    .option('--addresses <list>', 'the owner’s other addresses and aliases, comma-separated', '')
    .option('--days <n>', 'at most one reply per sender in this many days (default 7, minimum 1)', parseDays)
    .option('--replied-at <time>', 'when this sender last got this auto-reply (ISO 8601)', parseTime)
    .option('--now <time>', 'the current time (ISO 8601; default: now)', parseTime)
    .action(async (file: string, options: CheckOptions) => {
      let raw: Buffer;
      try {
        raw = await readFile(file);
      } catch (error) {
        console.error(`Cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
        process.exitCode = 2;
        return;
      }
      const { headers, problems } = await readMessageHeaders(raw);
      const previousReplies: PreviousAutoReply[] = options.repliedAt
        ? [{ to: options.envelopeFrom, textId: CLI_TEXT_ID, sentAt: options.repliedAt }]
        : [];
      const result = decideAutoReply({
        envelope: { from: options.envelopeFrom, to: options.envelopeTo },
        headers,
        owner: {
          addresses: options.addresses
            .split(',')
            .map((address) => address.trim())
            .filter(Boolean),
        },
        policy: { intervalDays: options.days },
        text: { id: CLI_TEXT_ID },
        previousReplies,
        now: options.now ?? new Date(),
      });
      console.log(JSON.stringify(problems.length > 0 ? { ...result, problems } : result));
    });
}
