// The shared auto-reply conformance corpus (../shared/conformance/autoreply, beside the clone in CI).
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { decideAutoReply, type PreviousAutoReply } from '../../src/domains/mail/autoreply.models';
import { readMessageHeaders } from '../../src/domains/mail/message-headers';

const repoRoot = path.resolve(import.meta.dirname, '../..');

/** A git worktree's `.git` is a file naming `<main checkout>/.git/worktrees/<name>`: the main checkout. */
function mainCheckoutOf(checkout: string): string | null {
  const dotGit = path.join(checkout, '.git');
  if (!existsSync(dotGit) || !statSync(dotGit).isFile()) return null;
  const gitDir = /^gitdir:\s*(.+)$/m.exec(readFileSync(dotGit, 'utf8'))?.[1]?.trim();
  return gitDir ? path.resolve(checkout, gitDir, '..', '..', '..') : null;
}

/** `shared/` sits beside the clone (CI), or beside the main checkout when this is a worktree; BATON_SHARED_DIR overrides. */
const sharedCandidates = [
  process.env.BATON_SHARED_DIR,
  path.resolve(repoRoot, '..', 'shared'),
  ...[mainCheckoutOf(repoRoot)].filter((main) => main !== null).map((main) => path.resolve(main, '..', 'shared')),
].filter((dir): dir is string => dir !== undefined);
const sharedDir = sharedCandidates.find((dir) => existsSync(path.join(dir, 'conformance', 'autoreply', 'cases.json')));
export const conformanceDir = path.join(sharedDir ?? sharedCandidates[0] ?? '../shared', 'conformance', 'autoreply');

const verdict = z.enum(['reply', 'no-reply']);
const oracleReply = z.object({
  smtp_mail_from: z.string(),
  smtp_rcpt_to: z.string(),
  from: z.string(),
  to: z.string(),
  subject: z.string(),
  subject_decoded: z.string(),
  in_reply_to: z.string().optional(),
  references: z.string().optional(),
  auto_submitted: z.string(),
});
const oracleRun = z.object({ verdict, reason: z.string(), reply: oracleReply.optional() });
const casesFile = z.object({
  absent_person: z.object({ envelope_recipient: z.string(), aliases: z.array(z.string()) }),
  sieve_script: z.string(),
  cases: z.array(
    z.object({
      id: z.string(),
      file: z.string(),
      lang: z.string(),
      envelope: z.object({ from: z.string(), to: z.string() }),
      expected: verdict,
      rule: z.string(),
      oracle: verdict,
      oracle_reason: z.string(),
      oracle_matches_expected: z.boolean(),
      oracle_sieve_test: oracleRun,
      oracle_lda: oracleRun.optional(),
    }),
  ),
});
export type ConformanceCase = z.infer<typeof casesFile>['cases'][number];

/** The corpus, or an error that says where it was looked for: a missing corpus must fail the suite, not skip it. */
export function loadConformanceCases() {
  const file = path.join(conformanceDir, 'cases.json');
  if (!existsSync(file)) {
    throw new Error(
      `Auto-reply conformance corpus (conformance/autoreply/cases.json) not found in ${sharedCandidates.join(' or ')}: ` +
        'the shared folder must sit beside the repository (../shared), or set BATON_SHARED_DIR',
    );
  }
  const corpus = casesFile.parse(JSON.parse(readFileSync(file, 'utf8')));
  return { ...corpus, messagePath: (testCase: ConformanceCase) => path.join(conformanceDir, 'cases', testCase.file) };
}

/** The policy run the way Baton runs it: raw bytes → header fields → decision. */
export async function decideCase(
  corpus: ReturnType<typeof loadConformanceCases>,
  testCase: ConformanceCase,
  { now = new Date(), previousReplies = [] }: { now?: Date; previousReplies?: PreviousAutoReply[] } = {},
) {
  const { headers } = await readMessageHeaders(readFileSync(corpus.messagePath(testCase)));
  return decideAutoReply({
    envelope: testCase.envelope,
    headers,
    owner: { addresses: corpus.absent_person.aliases },
    text: { id: 'conformance' },
    language: { detected: testCase.lang, workspaceDefault: 'en' },
    previousReplies,
    now,
  });
}
