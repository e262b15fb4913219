// Anna's summer absence as it happened (DEMO.md, "The past absence"): the mail that reached her mailbox, and what
// Peter, Sara and Marco did with it. Every step runs at the moment it happened (a clock set step by step), so the
// messages, contacts, escalations and audit events carry last summer's times, and the audit chain grows in the
// order of those times. The absence is over: the `mail.route` jobs that ingestion enqueues find it not active and
// leave the messages alone, and no SLA timer or notification is created for the past.
import { DateTime } from 'luxon';
import { defaultCoverageSettings } from '../../contracts/coverage.contracts';
import type { Clock } from '../../platform/clock/clock';
import type { Db } from '../../platform/db/database';
import { contentHash } from '../../platform/security/canonical-json';
import { createAbsenceLookup } from '../absences/absences.lookup';
import type { AbsenceRow } from '../absences/absences.repository';
import { createBriefLookup } from '../absences/briefs.lookup';
import { createAuditLog } from '../audit/audit.repository';
import { createClientDirectory } from '../clients/clients.lookup';
import { createCoverageRepository } from '../coverage/coverage.repository';
import type { Team, TeamMember } from '../coverage/coverage-team';
import { decideAutoReply } from '../mail/autoreply.models';
import { createIngestion } from '../mail/ingestion.usecases';
import { createMailRepository, type MailMessageRow } from '../mail/mail.repository';
import { readMessageHeaders } from '../mail/message-headers';
import { createCoverageHistory, type HistoricClient } from './demo-coverage.history';
import {
  annaAddress,
  type DemoMail,
  farmaciaNewsletter,
  messageIdOf,
  northwindMails,
  orsiniCall,
  orsiniMails,
  peterToGiulia,
  peterToPaolo,
  rawMessage,
  saraToJames,
  supplierAutoReply,
  viniMail,
} from './demo-coverage.mails';
import { demoStoryDays } from './demo-story-days';

const MINUTE = 60_000;

type Cast = Record<'anna' | 'peter' | 'sara' | 'marco', TeamMember>;

export async function seedDemoCoverage({
  db,
  clock,
  workspace,
  people,
  absence,
  clientIds,
}: {
  db: Db;
  clock: Clock;
  workspace: { id: string; timezone: string };
  people: Cast;
  /** The past absence (D−110 to D−92), returned. */
  absence: AbsenceRow;
  clientIds: Record<string, string>;
}) {
  const workspaceId = workspace.id;
  const { calendar, day } = demoStoryDays(clock.now(), workspace.timezone);

  // Each step of the story sets this clock first: the audit log, ingestion and the rows take their times from it.
  let current = clock.now();
  const then: Clock = { now: () => new Date(current) };
  const at = (time: Date) => {
    current = time;
  };
  const auditLog = createAuditLog({ clock: then });
  const mailRepository = createMailRepository({ db });
  const clientDirectory = createClientDirectory({ db });
  const coverageRepository = createCoverageRepository({ db });
  const ingestion = createIngestion({
    db,
    clock: then,
    auditLog,
    mailRepository,
    clientDirectory,
    absenceLookup: createAbsenceLookup({ db }),
  });

  const client = async (name: string): Promise<HistoricClient> => {
    const id = clientIds[name];
    const row = id ? await clientDirectory.client(workspaceId, id) : null;
    if (!row) throw new Error(`demo client ${name} is missing`);
    // Last summer all of Anna's clients were active (Orsini was lost afterwards).
    return { ...row, status: 'active', language: row.language === 'en' ? 'en' : 'it' };
  };
  const orsini = await client('Orsini Costruzioni S.p.A.');
  const northwind = await client('Northwind Logistics Ltd');
  const vini = await client('Vini Lucchesi');
  const orsiniBrief = await createBriefLookup({ db }).sharedBriefOf(workspaceId, absence.id, orsini.id);

  const member = (id: string) => {
    const found = Object.values(people).find((person) => person.id === id);
    if (!found) throw new Error(`demo person ${id} is missing`);
    return found;
  };
  const team: Team = {
    owner: people.anna,
    backupId: absence.backupDelegateId,
    managerId: absence.managerId,
    acting: { member: people.peter, role: 'primary' },
    away: new Set(),
    member,
  };
  const history = createCoverageHistory({
    db,
    clock: then,
    auditLog,
    coverageRepository,
    clientDirectory,
    absence,
    team,
    timeZone: workspace.timezone,
    settings: defaultCoverageSettings,
    calendar,
  });

  /** Steps that follow one another with no mail arriving in between share one transaction. */
  const steps = <T>(run: (tx: Db) => Promise<T>) => db.transaction(run);

  const mailbox = await steps(async (tx) => {
    at(absence.createdAt);
    const row = await mailRepository.insertMailbox(tx, {
      workspaceId,
      ownerId: people.anna.id,
      address: annaAddress.address,
      aliases: [],
      kind: 'upload',
      createdAt: absence.createdAt,
    });
    if (!row) throw new Error('demo mailbox insert failed');
    await auditLog.append(tx, {
      workspaceId,
      actorId: people.anna.id,
      action: 'mail.mailbox_created',
      subjectType: 'mailbox',
      subjectId: row.id,
      data: { address: row.address, ownerId: people.anna.id },
    });
    return row;
  });

  /** The start and the end as the absence's jobs record them (DEMO.md: readiness at departure 100 %, gate open). */
  const lifecycle = (action: 'absence.started' | 'absence.returned', time: Date, data: Record<string, unknown>) =>
    steps(async (tx) => {
      at(time);
      await auditLog.append(tx, { workspaceId, actorId: null, action, subjectType: 'absence', subjectId: absence.id, data });
    });
  await lifecycle('absence.started', absence.startsAt, { from: 'handover', to: 'active', gateOpen: true, overridden: false, readiness: 1 });

  /** A message reaches Anna's mailbox at `receivedAt`; Baton reads it a minute later. */
  async function receive(mail: DemoMail, receivedAt: Date) {
    const sentAt = new Date(receivedAt.getTime() - MINUTE / 3);
    const raw = rawMessage(mail, sentAt);
    at(new Date(receivedAt.getTime() + MINUTE));
    const result = await ingestion.ingestRawMessage({ workspaceId, mailboxId: mailbox.id, raw, receivedAt });
    const message = await mailRepository.message(workspaceId, result.messageId);
    if (result.outcome !== 'ingested' || !message) throw new Error(`demo message ${mail.key} was not ingested (${result.outcome})`);
    return { message, raw, id: messageIdOf(mail, sentAt), readAt: current };
  }

  /**
   * Machine mail got no auto-reply last summer for its own reason (a list, an auto-reply): the policy's answer, recorded
   * as the auto-reply step would have then. Today that step would only say the absence is no longer active.
   */
  async function recordNoReply(received: { message: MailMessageRow; raw: Buffer }) {
    const { message } = received;
    const decision = decideAutoReply({
      envelope: { from: message.envelopeFrom ?? message.fromAddress ?? '', to: annaAddress.address },
      headers: (await readMessageHeaders(received.raw)).headers,
      owner: { name: people.anna.name, addresses: [annaAddress.address] },
      senderIsKnownContact: message.clientId !== null,
      text: { id: contentHash(absence.autoReply) },
      now: message.receivedAt,
    });
    if (decision.decision === 'reply') throw new Error(`demo message ${message.id} is not machine mail`);
    await steps((tx) =>
      mailRepository.updateMessage(tx, workspaceId, message.id, { autoReplyDecision: 'no-reply', autoReplyReason: decision.reason }),
    );
  }

  // Day 1: a printer's out-of-office answers a mail Anna sent before leaving.
  const annasLastMail = `<bozze-brochure.${day(1, '08:30').getTime().toString(36)}@ferri-bellini.example>`;
  await recordNoReply(await receive(supplierAutoReply([annasLastMail]), day(1, '11:20')));

  // Days 2–4: Orsini's CFO wants the new go-live date; the brief Peter acknowledged does not say which.
  const orsini1 = await receive(orsiniMails.first, day(2, '10:14'));
  const orsiniEmail = await steps(async (tx) => {
    at(orsini1.readAt);
    const contact = await history.route(tx, orsini1.message, orsini);
    at(day(2, '11:02'));
    const returnDate = DateTime.fromJSDate(absence.endsAt, { zone: workspace.timezone })
      .setLocale('it-IT')
      .toLocaleString({ weekday: 'long', day: 'numeric', month: 'long' });
    await history.reply(tx, contact.id, people.peter, orsini1.message, peterToGiulia(returnDate));
    return contact;
  });
  const orsini2 = await receive(orsiniMails.second([orsini1.id]), day(3, '09:12'));
  await steps(async (tx) => {
    at(orsini2.readAt);
    await history.route(tx, orsini2.message, orsini);
    at(day(3, '11:55'));
    const call = await history.logCall(tx, {
      client: orsini,
      by: people.peter,
      occurredAt: day(3, '11:40'),
      with: orsiniCall.with,
      summary: orsiniCall.summary,
    });
    at(day(3, '12:00'));
    await history.close(
      tx,
      { contactId: call.id, by: people.peter, outcome: 'no_information', note: orsiniCall.note },
      { clientName: orsini.name, ...(orsiniBrief ? { brief: orsiniBrief } : {}) },
    );
    at(day(3, '12:05'));
    await history.close(tx, {
      contactId: orsiniEmail.id,
      by: people.peter,
      outcome: 'waiting_for_owner',
      note: 'Giulia needs the new go-live date in writing; only Anna can give it. Escalated to Marco with the call.',
    });
    at(day(3, '14:30'));
    await history.settle(tx, { contactId: call.id, rule: 'no_information', by: people.marco, action: 'acknowledge' });
    at(day(4, '09:40'));
    await history.settle(tx, {
      contactId: call.id,
      rule: 'no_information',
      by: people.marco,
      action: 'resolve',
      note: 'Ho richiamato Giulia Orsini: la nuova data gliela conferma Anna per iscritto al rientro. Il brief non diceva quale data proporre né a che punto erano i contenuti: ne parliamo nel debrief.',
    });
  });

  // Day 4: Vini Lucchesi asks about an invoice; the brief's FAQ has the answer and Peter replies within the hour.
  const vini1 = await receive(viniMail, day(4, '15:05'));
  await steps(async (tx) => {
    at(vini1.readAt);
    const contact = await history.route(tx, vini1.message, vini);
    at(day(4, '15:48'));
    await history.reply(tx, contact.id, people.peter, vini1.message, peterToPaolo);
    at(day(4, '15:51'));
    await history.close(tx, {
      contactId: contact.id,
      by: people.peter,
      outcome: 'answered',
      note: 'Invoice timing, from the FAQ in the brief.',
    });
  });

  // Day 5: the pharmacy's newsletter, a mailing list.
  await recordNoReply(await receive(farmaciaNewsletter, day(5, '07:45')));

  // Day 6, the second week: Northwind's migration deadline is missed and nobody answers James until the SLA breaks.
  const northwind1 = await receive(northwindMails.first, day(6, '09:20'));
  const northwindEmail = await steps(async (tx) => {
    at(northwind1.readAt);
    return history.route(tx, northwind1.message, northwind);
  });
  const northwind2 = await receive(northwindMails.second([northwind1.id]), day(6, '11:45'));
  await steps(async (tx) => {
    at(northwind2.readAt);
    await history.route(tx, northwind2.message, northwind);
    if (northwindEmail.warnAt) at(northwindEmail.warnAt);
    await history.slaTimer(tx, northwindEmail.id, 'warn', northwind.name);
    if (northwindEmail.dueAt) at(northwindEmail.dueAt);
    await history.slaTimer(tx, northwindEmail.id, 'breach', northwind.name);
    at(day(6, '13:35'));
    await history.settle(tx, { contactId: northwindEmail.id, rule: 'sla_breach', by: people.sara, action: 'acknowledge' });
    await history.settle(tx, { contactId: northwindEmail.id, rule: 'repeat_contact', by: people.sara, action: 'acknowledge' });
  });
  const northwind3 = await receive(northwindMails.third([northwind1.id, northwind2.id]), day(6, '13:50'));
  await steps(async (tx) => {
    at(northwind3.readAt);
    await history.route(tx, northwind3.message, northwind);
    at(day(6, '14:10'));
    await history.settle(tx, { contactId: northwindEmail.id, rule: 'anger_key_account', by: people.marco, action: 'acknowledge' });
    at(day(6, '14:35'));
    await history.reply(tx, northwindEmail.id, people.sara, northwind3.message, saraToJames);
    at(day(6, '14:50'));
    await history.close(tx, {
      contactId: northwindEmail.id,
      by: people.sara,
      outcome: 'answered',
      note: 'Risposto a James con lo stato della migrazione (Priya: carico finito domani) e un aggiornamento ogni giorno alle 17. Al rientro serve una telefonata di Anna.',
    });
    at(day(6, '14:55'));
    await history.settle(tx, {
      contactId: northwindEmail.id,
      rule: 'sla_breach',
      by: people.sara,
      action: 'resolve',
      note: 'Risposto io a James alle 14:35, oltre la scadenza: Peter era da un cliente tutto il giorno.',
    });
    await history.settle(tx, {
      contactId: northwindEmail.id,
      rule: 'repeat_contact',
      by: people.sara,
      action: 'resolve',
      note: 'Stessa conversazione: una sola risposta per le tre mail.',
    });
  });
  await lifecycle('absence.returned', absence.endsAt, { from: 'active', to: 'returned', early: false });
}
