import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailMessages, mailRaw } from '../../src/domains/mail/mail.schema';
import { createTestBaton, type TestBaton } from '../support/test-baton';
import { type MailWorld, seedMailWorld } from './mail-fixtures';

type Part = { filename: string; contentType: string; content: Buffer };

/** A message from Mario with these attachments (base64, filenames RFC 2231-encoded). */
function withAttachments(messageId: string, parts: Part[]): Buffer {
  const lines = [
    'From: Mario Bianchi <mario@acme.example>',
    'To: anna@agency.example',
    'Subject: Documents',
    `Message-ID: ${messageId}`,
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="part"',
    '',
    '--part',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Here are the documents.',
  ];
  for (const part of parts) {
    const name = `UTF-8''${encodeURIComponent(part.filename)}`;
    lines.push(
      '--part',
      `Content-Type: ${part.contentType}`,
      `Content-Disposition: attachment; filename*=${name}`,
      'Content-Transfer-Encoding: base64',
      '',
      (part.content.toString('base64').match(/.{1,76}/g) ?? []).join('\r\n'),
    );
  }
  lines.push('--part--', '');
  return Buffer.from(lines.join('\r\n'));
}

describe('GET /api/mail/messages/:messageId/attachments/:attachmentId', () => {
  let t: TestBaton;
  let world: MailWorld;
  let messageId: string;
  let attachments: { id: string; filename: string }[];
  const pdf = Buffer.from('%PDF-1.4\n% a quote\n');

  beforeAll(async () => {
    t = await createTestBaton();
    world = await seedMailWorld(t);
    const result = await t.deps.mail.ingestion.ingestRawMessage({
      workspaceId: world.workspace.id,
      mailboxId: world.mailbox.id,
      receivedAt: t.clock.now(),
      raw: withAttachments('<docs-1@acme.example>', [
        { filename: 'Preventivo è 2026.pdf', contentType: 'application/pdf', content: pdf },
        { filename: 'page.html', contentType: 'text/html', content: Buffer.from('<script>alert(1)</script>') },
        { filename: 'logo.svg', contentType: 'image/svg+xml', content: Buffer.from('<svg onload="alert(1)"/>') },
        { filename: '..\\evil"; x=.txt', contentType: 'text/plain', content: Buffer.from('plain') },
        // Over the limit of 50 attachments: the last ones are listed, not stored.
        ...Array.from({ length: 47 }, (_, index) => ({
          filename: `scan-${index + 1}.png`,
          contentType: 'image/png',
          content: Buffer.from([index]),
        })),
      ]),
    });
    messageId = result.messageId;
    const anna = await t.signIn(world.anna.email);
    attachments = (await anna.request('GET', `/api/mail/messages/${messageId}`)).json().attachments;
  });
  afterAll(() => t.close());

  const idOf = (filename: string) => attachments.find((entry) => entry.filename === filename)?.id ?? 'missing';
  const download = async (email: string, filename: string) =>
    (await t.signIn(email)).request('GET', `/api/mail/messages/${messageId}/attachments/${idOf(filename)}`);

  it('streams the stored bytes as a download, the name encoded per RFC 6266/5987, never sniffed', async () => {
    const response = await download(world.anna.email, 'Preventivo è 2026.pdf');
    expect(response.statusCode).toBe(200);
    expect(response.rawPayload.equals(pdf)).toBe(true);
    expect(response.headers).toMatchObject({
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="Preventivo e 2026.pdf"; filename*=UTF-8''Preventivo%20%C3%A8%202026.pdf`,
      'x-content-type-options': 'nosniff',
      'content-length': String(pdf.length),
    });
    expect(response.headers['content-security-policy']).toContain('sandbox');
  });

  it('serves HTML and SVG as opaque bytes, and a hostile file name cannot break the header', async () => {
    for (const filename of ['page.html', 'logo.svg']) {
      const response = await download(world.admin.email, filename);
      expect({ filename, type: response.headers['content-type'] }).toEqual({ filename, type: 'application/octet-stream' });
      expect(response.headers['content-disposition']).toMatch(/^attachment; /);
    }
    const hostile = await download(world.admin.email, '..\\evil"; x=.txt');
    expect(hostile.headers['content-disposition']).toBe(
      `attachment; filename=".._evil__ x=.txt"; filename*=UTF-8''.._evil%22%3B%20x%3D.txt`,
    );
    expect(hostile.headers['content-type']).toBe('text/plain');
  });

  it('answers 404 with the reason for an attachment that was not stored', async () => {
    expect((await download(world.anna.email, 'scan-46.png')).statusCode).toBe(200);
    const response = await download(world.anna.email, 'scan-47.png');
    expect(response.statusCode).toBe(404);
    expect(response.json().error).toMatchObject({
      code: 'mail.attachment_not_stored',
      message: expect.stringMatching(/not stored \(more than 50 attachments\)/),
    });
  });

  it('answers 404 to people who may not read the message, and for an attachment of another message', async () => {
    // The delegate does not own this mailbox.
    expect((await download(world.delegate.email, 'Preventivo è 2026.pdf')).json().error.code).toBe('mail.message_not_found');
    const other = await t.createWorkspaceWithUsers(['admin']);
    const outsider = await download(other.users[0]?.email ?? '', 'Preventivo è 2026.pdf');
    expect(outsider.statusCode).toBe(404);
    expect(outsider.body).not.toContain('PDF');

    const second = await t.deps.mail.ingestion.ingestRawMessage({
      workspaceId: world.workspace.id,
      mailboxId: world.mailbox.id,
      receivedAt: t.clock.now(),
      raw: withAttachments('<docs-2@acme.example>', [{ filename: 'b.txt', contentType: 'text/plain', content: Buffer.from('b') }]),
    });
    const anna = await t.signIn(world.anna.email);
    const crossed = await anna.request('GET', `/api/mail/messages/${second.messageId}/attachments/${idOf('Preventivo è 2026.pdf')}`);
    expect(crossed.statusCode).toBe(404);
    expect(crossed.json().error.code).toBe('mail.attachment_not_found');
    const malformed = await anna.request('GET', `/api/mail/messages/${messageId}/attachments/not-a-uuid`);
    expect(malformed.statusCode).toBe(400);
  });

  it('reads the bytes from the raw copy; when that no longer holds them, says so and points to the whole message', async () => {
    const [message] = await t.db.select().from(mailMessages).where(eq(mailMessages.id, messageId));
    const sha256 = message?.rawSha256 ?? '';
    const original = await t.deps.mail.mailRepository.raw(world.workspace.id, sha256);
    const where = and(eq(mailRaw.workspaceId, world.workspace.id), eq(mailRaw.sha256, sha256));
    await t.db
      .update(mailRaw)
      .set({ content: withAttachments('<docs-1@acme.example>', []) })
      .where(where);
    try {
      const response = await download(world.anna.email, 'Preventivo è 2026.pdf');
      expect(response.statusCode).toBe(500);
      expect(response.json().error).toMatchObject({ code: 'mail.attachment_unreadable', message: expect.stringContaining('.eml') });
    } finally {
      await t.db
        .update(mailRaw)
        .set({ content: original as Buffer })
        .where(where);
    }
    expect((await download(world.anna.email, 'Preventivo è 2026.pdf')).rawPayload.equals(pdf)).toBe(true);
  });
});
