// Differential test: Dovecot Pigeonhole's `sieve-test -e` (Debian dovecot-sieve, installed by .ci/run) runs the
// corpus's vacation script on every message with a non-null envelope sender (sieve-test cannot express <>), and
// Baton must decide as it does, except for the deliberate differences documented in the corpus README.
import { execFile, spawnSync } from 'node:child_process';
import { chmod, copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeText, messageIds, parseMailboxes } from '../../src/domains/mail/message-headers.models';
import { conformanceDir, decideCase, loadConformanceCases } from './autoreply-cases';

const run = promisify(execFile);
const corpus = loadConformanceCases();
const comparable = corpus.cases.filter((testCase) => testCase.envelope.from !== '');

interface PigeonholeVerdict {
  decision: 'reply' | 'no-reply';
  headers: Map<string, string>;
  log: string;
}

describe('auto-reply against Dovecot Pigeonhole (sieve-test)', () => {
  let workDir = '';
  let config = '';
  let script = '';

  beforeAll(async () => {
    if (spawnSync('sieve-test', ['--help'], { stdio: 'ignore' }).error) {
      throw new Error(
        'sieve-test is not installed: install the Debian package dovecot-sieve (apt-get install -y dovecot-sieve; .ci/run does it)',
      );
    }
    // sieve-test drops to `nobody` and writes the compiled script beside the source: everything in a throw-away directory.
    workDir = await mkdtemp(path.join(os.tmpdir(), 'baton-pigeonhole-'));
    await mkdir(path.join(workDir, 'mail'));
    config = path.join(workDir, 'dovecot.conf');
    script = path.join(workDir, corpus.sieve_script);
    const template = await readFile(path.join(conformanceDir, 'dovecot-oracle.conf'), 'utf8');
    await writeFile(config, template.replaceAll('MAILDIR', path.join(workDir, 'mail')));
    await copyFile(path.join(conformanceDir, corpus.sieve_script), script);
    await chmod(workDir, 0o777);
    await chmod(path.join(workDir, 'mail'), 0o777);
  });
  afterAll(async () => {
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  async function pigeonhole(from: string, to: string, source: string): Promise<PigeonholeVerdict> {
    // A readable copy: `nobody` may not traverse the folders of the checkout (a 0700 home or temp directory).
    const message = path.join(workDir, path.basename(source));
    await copyFile(source, message);
    await chmod(message, 0o644);
    const { stdout, stderr } = await run('sieve-test', ['-c', config, '-e', '-f', from, '-r', to, script, message]);
    const recipient = /^RECIPIENT: (.+)$/m.exec(stdout);
    const headers = new Map<string, string>();
    if (recipient) {
      const head = stdout.slice(0, stdout.search(/\r?\n\r?\n/)).replace(/\r?\n[ \t]+/g, ' ');
      for (const line of head.split(/\r?\n/)) {
        const colon = line.indexOf(':');
        if (colon > 0) headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
      }
    }
    return { decision: recipient ? 'reply' : 'no-reply', headers, log: stderr };
  }

  const differences: string[] = [];

  describe.each(comparable)('$id', (testCase) => {
    it(
      testCase.oracle_matches_expected
        ? 'decides as Pigeonhole, and writes the same reply headers'
        : `differs from Pigeonhole on purpose: ${testCase.expected}`,
      async () => {
        const ours = await decideCase(corpus, testCase);
        const theirs = await pigeonhole(testCase.envelope.from, testCase.envelope.to, corpus.messagePath(testCase));
        expect(theirs.decision, `Pigeonhole no longer decides as recorded in cases.json:\n${theirs.log}`).toBe(testCase.oracle);
        if (!testCase.oracle_matches_expected) {
          differences.push(testCase.id);
          expect(ours.decision).toBe(testCase.expected);
          expect(theirs.decision).not.toBe(testCase.expected);
          return;
        }
        expect(ours.decision, theirs.log).toBe(theirs.decision);
        if (ours.decision !== 'reply') return;
        const { headers } = ours.reply;
        expect(parseMailboxes([headers.To])).toEqual(parseMailboxes([theirs.headers.get('to') ?? '']));
        expect(parseMailboxes([headers.From])).toEqual(parseMailboxes([theirs.headers.get('from') ?? '']));
        expect(decodeText(headers.Subject)).toBe(decodeText(theirs.headers.get('subject') ?? ''));
        expect(headers['In-Reply-To']).toBe(theirs.headers.get('in-reply-to'));
        expect(messageIds(headers.References)).toEqual(messageIds(theirs.headers.get('references')));
        expect(theirs.headers.get('auto-submitted')?.split(/\s/)[0]).toBe(headers['Auto-Submitted']);
        expect(theirs.headers.get('precedence')).toBe(headers.Precedence);
        expect(theirs.headers.get('x-auto-response-suppress')).toBe(headers['X-Auto-Response-Suppress']);
      },
    );
  });

  it('differs only where the corpus README documents it', () => {
    const documented = comparable.filter((testCase) => !testCase.oracle_matches_expected).map((testCase) => testCase.id);
    expect(differences.sort()).toEqual(documented.sort());
  });
});
