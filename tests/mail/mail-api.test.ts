import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCliDatabase, runCli } from '../support/run-cli';
import { createTestBaton, TEST_PASSWORD, type TestBaton } from '../support/test-baton';
import { clientMail, type MailWorld, seedMailWorld } from './mail-fixtures';

describe('POST /api/mail/inbound and the mail read API', () => {
  let t: TestBaton;
  let world: MailWorld;
  let annaToken: string;

  beforeAll(async () => {
    t = await createTestBaton();
    world = await seedMailWorld(t);
    const anna = await t.signIn(world.anna.email);
    annaToken = (await anna.request('POST', '/api/me/tokens', { name: 'mail' })).json().token;
  });
  afterAll(() => t.close());

  const upload = (raw: Buffer | string, headers: Record<string, string>, mailbox = 'anna@agency.example') =>
    t.app.inject({ method: 'POST', url: `/api/mail/inbound?mailbox=${encodeURIComponent(mailbox)}`, headers, payload: raw });
  const bearer = (token: string) => ({ authorization: `Bearer ${token}`, 'content-type': 'message/rfc822' });

  it('ingests a raw message uploaded with the owner’s API token, then calls the same upload a duplicate', async () => {
    const raw = clientMail({ messageId: '<api-1@acme.example>' });
    const first = await upload(raw, bearer(annaToken));
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ outcome: 'ingested' });
    expect((await upload(raw, bearer(annaToken))).json()).toEqual({ outcome: 'duplicate', messageId: first.json().messageId });
    // An alias names the same mailbox.
    expect((await upload(raw, bearer(annaToken), 'a.rossi@agency.example')).json().outcome).toBe('duplicate');
  });

  it('answers 401 without a token, 403 to a member who does not own the mailbox, 404 for an unknown mailbox', async () => {
    const raw = clientMail();
    expect((await upload(raw, { 'content-type': 'message/rfc822' })).statusCode).toBe(401);
    const delegate = await t.signIn(world.delegate.email, TEST_PASSWORD);
    const token = (await delegate.request('POST', '/api/me/tokens', { name: 'x' })).json().token;
    const forbidden = await upload(raw, bearer(token));
    expect([forbidden.statusCode, forbidden.json().error.code]).toEqual([403, 'mail.not_mailbox_owner']);
    expect((await upload(raw, bearer(annaToken), 'nobody@agency.example')).statusCode).toBe(404);
  });

  it('answers 415 to another media type and 413 to a message over 25 MiB', async () => {
    const json = await upload('{"a":1}', { authorization: `Bearer ${annaToken}`, 'content-type': 'application/json' });
    expect([json.statusCode, json.json().error.code]).toEqual([415, 'mail.unsupported_media_type']);
    const text = await upload('hello', { authorization: `Bearer ${annaToken}`, 'content-type': 'text/plain' });
    expect(text.statusCode).toBe(415);
    const huge = await upload(Buffer.alloc(25 * 1024 * 1024 + 1, 0x61), bearer(annaToken));
    expect([huge.statusCode, huge.json().error.code]).toEqual([413, 'mail.too_large']);
  });

  it('lists messages, shows one with sanitised HTML, and attaches an unknown sender to a client in one call', async () => {
    const html = [
      'From: New Person <new.person@newco.example>',
      'To: anna@agency.example',
      'Subject: Hello',
      'Message-ID: <html-1@newco.example>',
      'MIME-Version: 1.0',
      'Content-Type: text/html; charset=utf-8',
      '',
      '<p onclick="steal()">Hi <script>alert(1)</script><img src="https://tracker.example/p.gif" onerror="x()"><a href="javascript:alert(1)">x</a></p>',
    ].join('\r\n');
    const { messageId } = (await upload(html, bearer(annaToken))).json();
    const admin = await t.signIn(world.admin.email);
    const unknown = (await admin.request('GET', '/api/mail/messages?filter=unknown')).json();
    expect(unknown.map((row: { id: string }) => row.id)).toContain(messageId);
    const detail = (await admin.request('GET', `/api/mail/messages/${messageId}`)).json();
    expect(detail.safeHtml).not.toMatch(/script|onclick|onerror|javascript:|tracker\.example/);
    const attached = await admin.request('POST', `/api/mail/messages/${messageId}/attach-sender`, {
      clientId: world.globex.id,
      as: 'contact',
    });
    expect(attached.json()).toEqual({ clientId: world.globex.id, rematched: 1 });
    const after = (await admin.request('GET', `/api/mail/messages/${messageId}`)).json();
    expect(after).toMatchObject({ clientId: world.globex.id, clientName: 'Globex', matchedBy: 'contact' });
    // The next message from that sender matches on arrival.
    const next = (await upload(clientMail({ from: 'new.person@newco.example' }), bearer(annaToken))).json();
    expect((await admin.request('GET', `/api/mail/messages/${next.messageId}`)).json().matchedBy).toBe('contact');
  });

  it('shows a member only the mail of their own mailboxes', async () => {
    const delegate = await t.signIn(world.delegate.email);
    expect((await delegate.request('GET', '/api/mail/messages')).json()).toEqual([]);
    const anna = await t.signIn(world.anna.email);
    expect((await anna.request('GET', '/api/mail/messages')).json().length).toBeGreaterThan(0);
  });
});

describe('baton mail ingest', () => {
  let env: Record<string, string>;
  let cleanup: () => Promise<void>;
  let dir: string;

  beforeAll(async () => {
    ({ env, dir, cleanup } = await createCliDatabase());
    const user = await runCli(
      [
        'user',
        'create',
        '--workspace',
        'acme',
        '--email',
        'anna@acme.example',
        '--name',
        'Anna',
        '--role',
        'member',
        '--password',
        'a long password',
      ],
      env,
    );
    expect(user.stderr).toBe('');
    const mailbox = await runCli(
      ['mail', 'mailbox', '--workspace', 'acme', '--owner', 'anna@acme.example', '--address', 'anna@acme.example'],
      env,
    );
    expect(mailbox.stdout).toContain('Added mailbox anna@acme.example');
  }, 180_000);
  afterAll(() => cleanup());

  it('prints one line per file, a reason for a quarantined one, an error line for an unreadable one, and exits by the rules', async () => {
    await writeFile(path.join(dir, 'good.eml'), clientMail({ messageId: '<cli-1@client.example>' }));
    await writeFile(path.join(dir, 'bad.eml'), '\r\n\r\nno headers at all\r\n');
    const files = [path.join(dir, 'good.eml'), path.join(dir, 'bad.eml')];
    const first = await runCli(['mail', 'ingest', '--mailbox', 'anna@acme.example', '--json', ...files], env);
    expect(first.code).toBe(0);
    const lines = first.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((line) => line.outcome)).toEqual(['ingested', 'quarantined']);
    expect(lines[1].reason).toBe('no header fields could be read');

    const again = await runCli(['mail', 'ingest', '--workspace', 'acme', ...files, path.join(dir, 'missing.eml')], env);
    expect(again.code).toBe(1);
    expect(again.stdout.split('\n').map((line) => line.split('\t')[0])).toEqual(['duplicate', 'duplicate', 'error', '']);

    const unknown = await runCli(['mail', 'ingest', '--mailbox', 'nobody@acme.example', ...files], env);
    expect([unknown.code, unknown.stderr.trim()]).toEqual([2, 'No mailbox nobody@acme.example']);
  }, 180_000);
});
