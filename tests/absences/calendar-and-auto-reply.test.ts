import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpTeam, type Team } from './support';

describe('the absences calendar feed', () => {
  let team: Team;
  let shared: { id: string };
  let draft: { id: string };

  beforeAll(async () => {
    team = await setUpTeam();
    shared = (await team.as.anna.request('POST', '/api/absences', team.plan())).json();
    draft = (
      await team.as.sara.request('POST', '/api/absences', team.plan({ primaryDelegateId: team.people.peter.id, backupDelegateId: null }))
    ).json();
    const row = await team.t.deps.absencesRepository.get(team.workspace.id, shared.id);
    if (!row) throw new Error('setup failed');
    await team.t.db.transaction((tx) => team.t.deps.absences.markShared(tx, row, team.people.anna.id));
  });
  afterAll(() => team.t.close());

  const feedPath = (url: string) => new URL(url).pathname;

  it('a member creates a token URL; the public feed lists the workspace’s shared absences with who covers', async () => {
    const created = await team.as.peter.request('POST', '/api/calendar-feeds');
    expect(created.statusCode).toBe(201);
    const { url, id } = created.json();
    expect(url).toMatch(/^https:\/\/baton\.example\.test\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    const feed = await team.t.app.inject({ method: 'GET', url: feedPath(url) });
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toContain('text/calendar');
    const text = feed.body.replace(/\r\n /g, '');
    const { anna, sara, peter } = team.people;
    expect(text).toContain(`SUMMARY:${anna.name} away — covered by ${sara.name} (backup ${peter.name})`);
    expect(text).toContain('DTSTART:20260401T070000Z');
    expect(text).toContain(`UID:${shared.id}@baton`);
    expect(text).not.toContain(draft.id);
    const list = (await team.as.peter.request('GET', '/api/calendar-feeds')).json();
    expect(list.map((feedRow: { id: string }) => feedRow.id)).toEqual([id]);
    expect(JSON.stringify(list)).not.toContain(url.split('/').at(-1)?.replace('.ics', ''));
  });

  it('a revoked or unknown token answers 404; only the creator or an admin revokes', async () => {
    const { url, id } = (await team.as.peter.request('POST', '/api/calendar-feeds')).json();
    expect((await team.as.sara.request('DELETE', `/api/calendar-feeds/${id}`)).statusCode).toBe(404);
    expect((await team.as.peter.request('DELETE', `/api/calendar-feeds/${id}`)).json().revokedAt).toBeTruthy();
    expect((await team.t.app.inject({ method: 'GET', url: feedPath(url) })).statusCode).toBe(404);
    expect((await team.t.app.inject({ method: 'GET', url: `/api/calendar/${'x'.repeat(43)}.ics` })).statusCode).toBe(404);
    expect((await team.t.app.inject({ method: 'GET', url: '/api/calendar/nothing' })).statusCode).toBe(404);
  });
});

describe('the auto-reply composer', () => {
  let team: Team;
  let absence: { id: string };
  beforeAll(async () => {
    team = await setUpTeam();
    absence = (await team.as.anna.request('POST', '/api/absences', team.plan())).json();
  });
  afterAll(() => team.t.close());

  const texts = {
    en: { subject: 'Away until {{return_date}}', body: 'Please write to {{delegate_name}} <{{delegate_email}}>. Status: {{status_link}}' },
    it: { subject: 'Assente fino a {{ return_date }}', body: 'Scriva a {{delegate_name}}.' },
  };

  it('previews a saved absence with its acting delegate and the return date in each language and the workspace zone', async () => {
    await team.as.anna.request('PUT', `/api/absences/${absence.id}/status-link`, { enabled: true });
    const response = await team.as.anna.request('POST', '/api/absences/auto-reply/preview', { autoReply: texts, absenceId: absence.id });
    expect(response.statusCode).toBe(200);
    const preview = response.json();
    expect(preview.delegate).toMatchObject({ userId: team.people.sara.id, role: 'primary', name: team.people.sara.name });
    expect(preview.texts.en.subject).toMatch(/^Away until Friday,? 10 April 2026.*18:00$/);
    expect(preview.texts.it.subject).toMatch(/^Assente fino a venerdì 10 aprile 2026.*18:00$/);
    expect(preview.texts.en.body).toBe(
      `Please write to ${team.people.sara.name} <${team.people.sara.email}>. Status: https://baton.example.test/status/example`,
    );
    // A text without the placeholder gets the link on a line of its own, as the client will.
    expect(preview.texts.it.body).toBe(
      `Scriva a ${team.people.sara.name}.\n\nLo stato delle sue richieste: https://baton.example.test/status/example`,
    );
  });

  it('previews no status link while the absence has it switched off, as the client will receive it', async () => {
    await team.as.anna.request('PUT', `/api/absences/${absence.id}/status-link`, { enabled: false });
    const response = await team.as.anna.request('POST', '/api/absences/auto-reply/preview', { autoReply: texts, absenceId: absence.id });
    expect(response.json().texts.en.body).toBe(`Please write to ${team.people.sara.name} <${team.people.sara.email}>. Status:`);
    expect(response.json().texts.it.body).toBe(`Scriva a ${team.people.sara.name}.`);
  });

  it('previews a plan being written with the chosen delegate', async () => {
    const response = await team.as.anna.request('POST', '/api/absences/auto-reply/preview', {
      autoReply: texts,
      delegateId: team.people.peter.id,
      endsAt: '2026-12-31T18:00',
    });
    expect(response.json().texts.it.body).toBe(`Scriva a ${team.people.peter.name}.`);
  });

  it('before a delegate is chosen, the preview says so instead of naming the person who is away', async () => {
    const response = await team.as.anna.request('POST', '/api/absences/auto-reply/preview', {
      autoReply: texts,
      endsAt: '2026-12-31T18:00',
    });
    expect(response.json().texts.it.body).toBe('Scriva a [nome del sostituto].');
    expect(response.json().texts.en.body).toContain('Please write to [delegate name] <[delegate email]>.');
  });

  it('refuses unknown placeholders with a clear error, in the preview and when saving', async () => {
    const bad = { ...texts, it: { subject: 'Assente', body: 'Chiami {{telefono}}' } };
    const preview = await team.as.anna.request('POST', '/api/absences/auto-reply/preview', { autoReply: bad });
    expect(preview.statusCode).toBe(400);
    expect(preview.json().error).toMatchObject({
      code: 'auto_reply.unknown_placeholder',
      message: expect.stringContaining('{{telefono}} in the it body'),
    });
    const save = await team.as.anna.request('PATCH', `/api/absences/${absence.id}`, { autoReply: bad });
    expect(save.statusCode).toBe(400);
    const after = (await team.as.anna.request('GET', `/api/absences/${absence.id}`)).json();
    expect(after.autoReply.it.body).not.toContain('telefono');
  });

  it('does not preview an absence the caller cannot see', async () => {
    const response = await team.as.outsider.request('POST', '/api/absences/auto-reply/preview', {
      autoReply: texts,
      absenceId: absence.id,
    });
    expect(response.statusCode).toBe(404);
  });
});
