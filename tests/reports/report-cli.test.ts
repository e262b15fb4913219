import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../src/domains/audit/audit.schema';
import type { Database } from '../../src/platform/db/database';
import { sha256Hex } from '../../src/platform/security/tokens';
import { GOOD_READ_BACK } from '../briefs/setup';
import { absenceWithTroubledClients } from '../recovery/setup';
import { createCliDatabase, runCli } from '../support/run-cli';
import { createTestBaton } from '../support/test-baton';

/** `baton report ABSENCE_ID` in its own process, against the backend under test. */
describe('baton report', () => {
  let env: Record<string, string>;
  let dir: string;
  let cleanup: () => Promise<void>;
  let openSameDatabase: () => Promise<Database>;
  let absenceId: string;

  beforeAll(async () => {
    ({ env, dir, cleanup, openSameDatabase } = await createCliDatabase());
    const database = await openSameDatabase();
    const t = await createTestBaton({}, { database });
    const f = await absenceWithTroubledClients(t);
    await f.sessions.owner.request('POST', `/api/absences/${f.absence.id}/return`, {});
    await t.runJobs();
    absenceId = f.absence.id;
    await t.close();
    await database.close();
  }, 180_000);
  afterAll(() => cleanup());

  const exportedHashes = async () => {
    const database = await openSameDatabase();
    try {
      const rows = await database.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, 'report.exported'), eq(auditEvents.subjectId, absenceId)));
      return rows.map((row) => row.data as { format: string; sha256: string; via: string });
    } finally {
      await database.close();
    }
  };

  it('writes Markdown to standard output, the progress and the hash to standard error, and audits the export', async () => {
    const result = await runCli(['report', absenceId, '--format', 'md'], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('# Absence report:');
    expect(result.stdout).toContain(GOOD_READ_BACK);
    expect(result.stdout).toContain('No details on the new date were left.');
    const hash = sha256Hex(Buffer.from(result.stdout));
    expect(result.stderr).toContain(`sha256 ${hash}`);
    expect(await exportedHashes()).toContainEqual({ format: 'md', sha256: hash, status: 'draft', via: 'cli' });
  });

  it('writes the PDF to --output with a progress bar, and refuses a PDF without one', async () => {
    const output = path.join(dir, 'report.pdf');
    const result = await runCli(['report', absenceId, '--format', 'pdf', '--output', output], env);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/Exporting PDF \[.*\] 100% \| \d+\/\d+ rows/);
    expect(existsSync(output)).toBe(true);
    const text = execFileSync('pdftotext', [output, '-']).toString();
    expect(text).toContain('Page 1 of');
    expect(text.replace(/\s+/g, ' ')).toContain('Still waiting for an answer.');
    const pdfHash = sha256Hex(readFileSync(output));
    expect(result.stderr).toContain(pdfHash);
    expect((await exportedHashes()).map((event) => event.sha256)).toContain(pdfHash);

    const noOutput = await runCli(['report', absenceId, '--format', 'pdf'], env);
    expect(noOutput.code).toBe(2);
    expect(noOutput.stderr).toContain('--output');
  });

  it('exits 2 on a malformed id or format and 1 on an unknown absence, naming the problem', async () => {
    const malformed = await runCli(['report', 'nope', '--format', 'md'], env);
    expect([malformed.code, malformed.stderr.trim()]).toEqual([2, 'nope is not an absence id (a UUID)']);
    const format = await runCli(['report', absenceId, '--format', 'docx'], env);
    expect(format.code).toBe(2);
    const unknown = await runCli(['report', '00000000-0000-4000-8000-000000000000', '--format', 'md'], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('No such report (report.not_found)');
  });
});
