import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { absences } from '../../src/domains/absences/absences.schema';
import { clientDomains, clients, contactEmails, contacts } from '../../src/domains/clients/clients.schema';
import { createIngestion, type IngestionFaults } from '../../src/domains/mail/ingestion.usecases';
import { TEST_PASSWORD, type TestBaton } from '../support/test-baton';
import { conformanceDir } from './autoreply-cases';

/** ../shared/conformance/mime/messages, resolved like the auto-reply corpus (worktrees, BATON_SHARED_DIR). */
export const mimeCorpusDir = path.join(conformanceDir, '..', 'mime', 'messages');

/** The corpus's messages in name order, or an error that says where they were looked for (a missing corpus must fail). */
export function mimeCorpusFiles(): string[] {
  if (!existsSync(mimeCorpusDir)) {
    throw new Error(
      `MIME corpus (conformance/mime/messages) not found at ${mimeCorpusDir}: ` +
        'the shared folder must sit beside the repository (../shared), or set BATON_SHARED_DIR',
    );
  }
  return readdirSync(mimeCorpusDir)
    .filter((name) => name.endsWith('.eml'))
    .sort();
}

export const AUTO_REPLY_TEXTS = {
  en: { subject: 'Out of office', body: 'I am away until {{return_date}}. Please write to {{delegate_name}} <{{delegate_email}}>.' },
  it: { subject: 'Fuori ufficio', body: 'Sono assente fino a {{return_date}}. Scrivete a {{delegate_name}} <{{delegate_email}}>.' },
};

/**
 * A workspace whose member "anna" owns the mailbox anna@agency.example (alias a.rossi@agency.example) and the
 * client Acme (domain acme.example, contact mario@acme.example, Italian), with an absence of anna's from
 * 2026-03-01 to 2026-03-15 (state chosen by the test), "delegate" covering.
 */
/** A workspace whose member Anna owns a mailbox, with Luca Verdi as her delegate and a manager. */
export async function seedOwnerWithMailbox(t: TestBaton, mailboxAddress: { address: string; aliases: string[] }) {
  const { workspace, users } = await t.createWorkspaceWithUsers(['admin', 'manager', 'member']);
  const [admin, manager, anna] = users;
  if (!admin || !manager || !anna) throw new Error('seed failed');
  const delegate = await t.deps.members.createUser({
    workspaceId: workspace.id,
    email: `luca-${workspace.slug}@agency.example`,
    name: 'Luca Verdi',
    role: 'member',
    language: 'it',
    password: TEST_PASSWORD,
  });
  const mailbox = await t.deps.mail.mailboxes.create({ user: admin, workspace, session: null }, { ...mailboxAddress, ownerId: anna.id });
  return { workspace, admin, manager, anna, delegate, mailbox };
}

export async function seedMailWorld(t: TestBaton, { absenceState = 'active' as 'active' | 'draft' | 'handover' | 'returned' } = {}) {
  const { workspace, admin, manager, anna, delegate, mailbox } = await seedOwnerWithMailbox(t, {
    address: 'anna@agency.example',
    aliases: ['a.rossi@agency.example'],
  });
  const [acme] = await t.db
    .insert(clients)
    .values({ workspaceId: workspace.id, name: 'Acme', language: 'it', ownerId: anna.id })
    .returning();
  const [globex] = await t.db
    .insert(clients)
    .values({ workspaceId: workspace.id, name: 'Globex', language: 'en', ownerId: anna.id })
    .returning();
  if (!acme || !globex) throw new Error('seed failed');
  await t.db.insert(clientDomains).values([
    { workspaceId: workspace.id, clientId: acme.id, domain: 'acme.example' },
    { workspaceId: workspace.id, clientId: globex.id, domain: 'globex.example' },
  ]);
  const [mario] = await t.db.insert(contacts).values({ workspaceId: workspace.id, clientId: acme.id, name: 'Mario Bianchi' }).returning();
  if (!mario) throw new Error('seed failed');
  await t.db.insert(contactEmails).values({ workspaceId: workspace.id, contactId: mario.id, email: 'mario@acme.example' });
  const [absence] = await t.db
    .insert(absences)
    .values({
      workspaceId: workspace.id,
      ownerId: anna.id,
      startsAt: new Date('2026-03-01T00:00:00+01:00'),
      endsAt: new Date('2026-03-16T00:00:00+01:00'),
      primaryDelegateId: delegate.id,
      managerId: manager.id,
      state: absenceState,
      autoReply: AUTO_REPLY_TEXTS,
    })
    .returning();
  if (!absence) throw new Error('seed failed');
  return { workspace, admin, manager, anna, delegate, mailbox, acme, globex, mario, absence };
}
export type MailWorld = Awaited<ReturnType<typeof seedMailWorld>>;

/** The pipeline wired like Baton's own, with a fault injected (a crash or a bug at a chosen point). */
export const ingestionWithFaults = (t: TestBaton, faults: IngestionFaults) =>
  createIngestion({
    db: t.db,
    clock: t.clock,
    auditLog: t.deps.auditLog,
    mailRepository: t.deps.mail.mailRepository,
    clientDirectory: t.deps.mail.clientDirectory,
    absenceLookup: t.deps.mail.absenceLookup,
    faults,
  });

let counter = 0;
/** A plain message to anna from `from`; a fresh Message-ID unless given. */
export function clientMail({
  from = 'Mario Bianchi <mario@acme.example>',
  to = 'Anna <anna@agency.example>',
  subject = 'Preventivo per il sito',
  body = 'Buongiorno Anna, potrebbe mandarmi il preventivo aggiornato per il nuovo sito entro venerdì? Grazie mille.',
  messageId = `<m${++counter}.${Date.now()}@acme.example>`,
  extraHeaders = [] as string[],
}: {
  from?: string;
  to?: string;
  subject?: string;
  body?: string;
  messageId?: string | null;
  extraHeaders?: string[];
} = {}): Buffer {
  const lines = [
    `From: ${from}`,
    `To: ${to}`,
    `Subject: ${subject}`,
    'Date: Mon, 02 Mar 2026 10:00:00 +0100',
    ...(messageId ? [`Message-ID: ${messageId}`] : []),
    ...extraHeaders,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    body,
    '',
  ];
  return Buffer.from(lines.join('\r\n'));
}
