import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli';

const lines = (...values: unknown[]) =>
  `${values.map((value) => (typeof value === 'string' ? value : JSON.stringify(value))).join('\n')}\n`;
const outputOf = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));

describe('baton signals score', () => {
  let dir: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'baton-signals-cli-'));
    // Neither database is reachable: the command must not try to open one.
    env = { DATA_DIR: path.join(dir, 'data'), DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' };
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('scores each JSON line of standard input, in order, without a database', async () => {
    const result = await runCli(
      ['signals', 'score'],
      env,
      lines(
        { text: 'This is the third time I write about invoice 118. Unacceptable.', lang: 'en' },
        { text: 'Nessun problema, venerdì va benissimo. Grazie!', lang: 'it' },
        { text: 'Vi comunichiamo la disdetta del contratto.', subject: 'Re: contratto', lang: 'it', followUps: 2 },
      ),
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const [angry, calm, leaving] = outputOf(result.stdout);
    expect(angry).toMatchObject({ angry: true, cancellationIntent: false });
    expect(angry.signals).toEqual([
      { id: 'complaint', weight: 0.6, evidence: 'Unacceptable' },
      { id: 'repeated_follow_up', weight: 0.5, evidence: 'is the third time' },
    ]);
    expect(calm).toEqual({ score: 0, angry: false, cancellationIntent: false, urgent: false, signals: [] });
    expect(leaving).toMatchObject({ angry: true, cancellationIntent: true });
    expect(leaving.signals.map((signal: { id: string }) => signal.id)).toEqual(['cancellation', 'repeated_follow_up']);
    expect(existsSync(env.DATA_DIR ?? '')).toBe(false);
  });

  it('answers a bad line with an error line, still scores the others, and exits 1', async () => {
    const result = await runCli(
      ['signals', 'score'],
      env,
      lines(
        { text: 'Could you resend the invoice?', lang: 'en' },
        'this is not JSON',
        '',
        { text: 'Salut', lang: 'fr' },
        { lang: 'en' },
        { text: 'We will cancel our subscription.', lang: 'en' },
      ),
    );
    expect(result.code).toBe(1);
    const output = outputOf(result.stdout);
    expect(output).toHaveLength(5);
    expect(output[0]).toMatchObject({ angry: false });
    expect(output[1]).toEqual({ error: 'not valid JSON', line: 2 });
    expect(output[2]).toMatchObject({ line: 4, error: expect.stringContaining('lang') });
    expect(output[3]).toMatchObject({ line: 5, error: expect.stringContaining('text') });
    expect(output[4]).toMatchObject({ angry: true, cancellationIntent: true });
  });

  it('prints nothing and exits 0 on empty input', async () => {
    const result = await runCli(['signals', 'score'], env, '');
    expect(result).toMatchObject({ code: 0, stdout: '', stderr: '' });
  });

  it('has help', async () => {
    for (const args of [
      ['signals', '--help'],
      ['signals', 'score', '--help'],
    ]) {
      const result = await runCli(args);
      expect(result.code, args.join(' ')).toBe(0);
      expect(result.stdout).toContain('Usage: baton signals');
    }
    expect((await runCli(['signals', 'score', '--help'])).stdout).toContain('{"error","line"}');
  });
});
