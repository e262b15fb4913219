import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBaton } from '../../src/main';
import { loadConfig } from '../../src/platform/config/config';
import { createLogger } from '../../src/platform/logger/logger';
import { createCliDatabase, runCli } from '../support/run-cli';

/** `baton absences list` in its own process against the backend under test. */
describe('baton absences list', () => {
  let env: Record<string, string>;
  let cleanup: () => Promise<void>;
  let absenceId: string;

  beforeAll(async () => {
    const cli = await createCliDatabase();
    ({ env, cleanup } = cli);
    const database = await cli.openSameDatabase();
    const baton = await createBaton({
      config: loadConfig({ LOG_LEVEL: 'silent', BATON_DEMO: 'false' }),
      logger: createLogger('silent'),
      database,
      webDir: null,
      startJobs: false,
    });
    const { deps } = baton;
    const workspace = await deps.members.createWorkspace({ name: 'Acme', slug: 'acme', timezone: 'Europe/Rome' });
    const user = (email: string, role: 'member' | 'manager') =>
      deps.members.createUser({
        workspaceId: workspace.id,
        email,
        name: email.split('@')[0] ?? email,
        role,
        language: 'en',
        password: 'a long password',
      });
    const anna = await user('anna@acme.example', 'member');
    const sara = await user('sara@acme.example', 'member');
    const marco = await user('marco@acme.example', 'manager');
    const [row] = await deps.db.transaction(async (tx) => [
      await deps.absencesRepository.insert(
        tx,
        {
          workspaceId: workspace.id,
          ownerId: anna.id,
          startsAt: new Date('2030-12-22T17:00:00Z'),
          endsAt: new Date('2031-01-04T08:00:00Z'),
          primaryDelegateId: sara.id,
          managerId: marco.id,
          state: 'handover',
          autoReply: { en: { subject: 'a', body: 'b' }, it: { subject: 'a', body: 'b' } },
        },
        [],
      ),
    ]);
    absenceId = row?.id ?? '';
    await baton.close();
    await database.close();
  });
  afterAll(() => cleanup());

  it('prints id, owner, local dates, state and readiness', async () => {
    const result = await runCli(['absences', 'list', '--workspace', 'acme'], env);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(absenceId);
    expect(result.stdout).toContain('anna  2030-12-22 18:00 → 2031-01-04 09:00 Europe/Rome  handover  readiness 100%');
  });

  it('prints JSON lines with --json, and exits 2 for an unknown workspace', async () => {
    const result = await runCli(['absences', 'list', '--json'], env);
    expect(JSON.parse(result.stdout.trim())).toMatchObject({
      workspace: 'acme',
      id: absenceId,
      owner: 'anna',
      startsAt: '2030-12-22T17:00:00.000Z',
      state: 'handover',
      readiness: 1,
      gateOpen: true,
    });
    const unknown = await runCli(['absences', 'list', '--workspace', 'nope'], env);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('No workspace with slug nope');
  });
});
