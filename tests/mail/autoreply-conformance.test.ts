import { describe, expect, it } from 'vitest';
import { decodeText, messageIds, parseMailboxes } from '../../src/domains/mail/message-headers.models';
import { runCli } from '../support/run-cli';
import { type ConformanceCase, decideCase, loadConformanceCases } from './autoreply-cases';

const corpus = loadConformanceCases();
const byId = (id: string) => corpus.cases.find((testCase) => testCase.id === id);

/** The verdict Pigeonhole reached where it could see the envelope: the LDA run for the null sender, else sieve-test. */
function oracleReplyOf(testCase: ConformanceCase) {
  return testCase.oracle === 'reply' ? testCase.oracle_sieve_test.reply : undefined;
}

describe('auto-reply conformance corpus (../shared/conformance/autoreply)', () => {
  it('has cases for every rule the corpus README lists', () => {
    expect(corpus.cases.length).toBeGreaterThanOrEqual(29);
    expect(corpus.cases.filter((testCase) => !testCase.oracle_matches_expected).length).toBeGreaterThan(0);
  });

  describe.each(corpus.cases)('$id: $rule', (testCase) => {
    it(`decides ${testCase.expected}`, async () => {
      const result = await decideCase(corpus, testCase);
      expect(result.decision).toBe(testCase.expected);
    });

    if (testCase.oracle_matches_expected && testCase.expected === 'no-reply') {
      it(`gives Pigeonhole's reason (${testCase.oracle_reason})`, async () => {
        const result = await decideCase(corpus, testCase);
        expect(result.reason).toBe(testCase.oracle_reason === 'own-alias' ? 'own-address' : testCase.oracle_reason);
      });
    }

    const oracle = oracleReplyOf(testCase);
    if (testCase.expected === 'reply' && oracle) {
      it('writes the reply headers Pigeonhole writes', async () => {
        const result = await decideCase(corpus, testCase);
        if (result.decision !== 'reply') throw new Error(`expected a reply, got ${result.reason}`);
        const { reply } = result;
        expect(reply.envelope).toEqual({ from: '', to: oracle.smtp_rcpt_to });
        expect(oracle.smtp_mail_from).toBe('<>');
        // To: the envelope sender, with the same display name (compared decoded: the encodings may differ).
        expect(parseMailboxes([reply.headers.To])).toEqual(parseMailboxes([oracle.to]));
        expect(reply.subject).toBe(oracle.subject_decoded);
        expect(decodeText(reply.headers.Subject)).toBe(oracle.subject_decoded);
        expect(reply.headers['In-Reply-To']).toBe(oracle.in_reply_to);
        expect(messageIds(reply.headers.References)).toEqual(messageIds(oracle.references));
        // Pigeonhole appends a comment, `auto-replied (vacation)`: the keyword is what RFC 3834 defines.
        expect(oracle.auto_submitted.split(/\s/)[0]).toBe(reply.headers['Auto-Submitted']);
        expect(parseMailboxes([reply.headers.From])).toEqual(parseMailboxes([oracle.from]));
        expect(reply.headers.Precedence).toBe('bulk');
        expect(reply.headers['X-Auto-Response-Suppress']).toBe('All');
        expect(reply.language).toBe(testCase.lang);
      });
    }
  });

  it('never answers the same sender twice within the interval, and answers again after it', async () => {
    const testCase = byId('01-en-normal');
    if (!testCase) throw new Error('case 01-en-normal is missing from the corpus');
    const sentAt = new Date('2024-07-01T09:15:00Z');
    const first = await decideCase(corpus, testCase, { now: sentAt });
    if (first.decision !== 'reply') throw new Error('the first message must be answered');
    const previousReplies = [{ to: first.reply.envelope.to, textId: 'conformance', sentAt }];
    const again = (now: string) => decideCase(corpus, testCase, { now: new Date(now), previousReplies });
    expect((await again('2024-07-08T09:14:59Z')).reason).toBe('already-replied');
    expect((await again('2024-07-08T09:15:00Z')).decision).toBe('reply');
  });
});

// Each spawn costs a second of TypeScript loading: the CLI runs on the cases that exercise its options
// (a reply with encoded headers, the null sender given as "", an alias given with --addresses, a deliberate
// difference from Pigeonhole); the pure function above runs on every case.
describe('baton autoreply check (the CLI, in its own process)', () => {
  const { absent_person } = corpus;
  const check = (testCase: ConformanceCase, extra: string[] = []) =>
    runCli([
      'autoreply',
      'check',
      '--envelope-from',
      testCase.envelope.from,
      '--envelope-to',
      testCase.envelope.to,
      '--addresses',
      absent_person.aliases.join(','),
      ...extra,
      corpus.messagePath(testCase),
    ]);
  const cliCases = ['09-it-rfc2047-q', '39-en-null-sender-human-from', '41-it-from-self-alias', '57-en-auto-submitted-no-comment'].map(
    (id) => byId(id) ?? corpus.cases[0],
  ) as ConformanceCase[];

  it.concurrent.each(cliCases)('$id: prints one JSON object with the expected decision and exits 0', async (testCase) => {
    const result = await check(testCase);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const printed = JSON.parse(lines[0] ?? '');
    const decided = await decideCase(corpus, testCase);
    expect(printed.decision).toBe(testCase.expected);
    expect(printed.reason).toBe(decided.reason);
    expect(printed.reply?.headers).toEqual(decided.decision === 'reply' ? decided.reply.headers : undefined);
    expect(printed.reply?.envelope).toEqual(decided.decision === 'reply' ? { from: '', to: testCase.envelope.from } : undefined);
  });

  it.concurrent('applies --days and --replied-at to the same sender, and fails clearly on a missing file', async () => {
    const testCase = byId('01-en-normal') as ConformanceCase;
    const [within, after, missing] = await Promise.all([
      check(testCase, ['--days', '3', '--replied-at', '2024-07-01T00:00:00Z', '--now', '2024-07-03T23:59:59Z']),
      check(testCase, ['--days', '3', '--replied-at', '2024-07-01T00:00:00Z', '--now', '2024-07-04T00:00:00Z']),
      runCli(['autoreply', 'check', '--envelope-from', 'a@b.example', '--envelope-to', 'c@d.example', '/nonexistent/message.eml']),
    ]);
    expect(JSON.parse(within.stdout)).toEqual({ decision: 'no-reply', reason: 'already-replied' });
    expect(JSON.parse(after.stdout).decision).toBe('reply');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/Cannot read \/nonexistent\/message\.eml/);
  });
});
