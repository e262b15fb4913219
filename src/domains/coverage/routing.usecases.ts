// Routing (second step of the `mail.route` job, after the auto-reply): an ingested client message becomes a
// contact for the acting delegate, with its SLA timers, the notification carrying the brief and the best FAQ
// answers, and the escalations its facts call for, all in one transaction. The coverage_messages row (unique
// per message) makes a retry, or a second instance, find the message already routed.
import { sql } from 'drizzle-orm';
import type { Language } from '../../contracts/workspaces.contracts';
import type { Clock } from '../../platform/clock/clock';
import { formatInstant } from '../../platform/clock/zoned-time';
import type { Db } from '../../platform/db/database';
import type { AbsenceLookup } from '../absences/absences.lookup';
import type { BriefLookup, SharedBrief } from '../absences/briefs.lookup';
import type { AuditLog } from '../audit/audit.repository';
import type { ClientDirectory } from '../clients/clients.lookup';
import type { MailRepository } from '../mail/mail.repository';
import type { Notifier } from '../notifications/notifications.usecases';
import type { WorkspacesRepository } from '../workspaces/workspaces.repository';
import { slaSchedule } from './business-time.models';
import { translateCoverageMail as t } from './coverage.mails';
import type { ContactRow, CoverageRepository } from './coverage.repository';
import type { CoverageSettingsUseCases } from './coverage-settings.usecases';
import type { Team, TeamReader } from './coverage-team';
import { inboundEscalations } from './escalation.models';
import type { Escalations } from './escalations.usecases';
import { type FaqMatch, matchFaq } from './faq-matching.models';
import { routeMessage } from './routing.models';
import { scoreMessage } from './signals.models';
import type { SlaTimers } from './sla-timers.usecases';

const EXCERPT_LENGTH = 400;

type Deps = {
  db: Db;
  clock: Clock;
  auditLog: AuditLog;
  notifier: Notifier;
  coverageRepository: CoverageRepository;
  mailRepository: MailRepository;
  clientDirectory: ClientDirectory;
  absenceLookup: AbsenceLookup;
  briefLookup: BriefLookup;
  workspacesRepository: WorkspacesRepository;
  coverageSettings: CoverageSettingsUseCases;
  teamAt: TeamReader;
  escalations: Escalations;
  slaTimers: SlaTimers;
};

export const excerptOf = (text: string) => {
  const flat = text
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('>'))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
  return flat.length > EXCERPT_LENGTH ? `${flat.slice(0, EXCERPT_LENGTH - 1)}…` : flat;
};

export function createRouting(deps: Deps) {
  const { db, clock, coverageRepository: repo } = deps;

  async function route(workspaceId: string, messageId: string): Promise<void> {
    const message = await deps.mailRepository.message(workspaceId, messageId);
    if (!message) return;
    const absence = message.absenceId ? await deps.absenceLookup.byId(workspaceId, message.absenceId) : null;
    const preliminary = routeMessage({
      message,
      absence,
      alreadyRouted: await repo.isRouted(db, messageId),
      openContactInThread: null,
    });
    if (preliminary.action === 'skip' || !absence) return;

    // Everything the transaction needs is read first (PGlite: no query beside an open transaction).
    const workspace = await deps.workspacesRepository.workspaceById(workspaceId);
    if (!workspace) return;
    const client = message.clientId ? await deps.clientDirectory.client(workspaceId, message.clientId) : null;
    const team = await deps.teamAt(absence, message.receivedAt);
    const { settings, calendar } = await deps.coverageSettings.calendarOf(workspace);
    const brief = client ? await deps.briefLookup.sharedBriefOf(workspaceId, absence.id, client.id) : null;
    const signals = scoreMessage({ text: message.textBody, subject: message.subject, lang: message.language });
    const faq = brief ? matchFaq({ subject: message.subject, text: message.textBody, lang: message.language }, brief.content.faq) : [];
    const schedule = slaSchedule(message.receivedAt, client?.tier === 'key' ? settings.sla.key : settings.sla.standard, calendar);

    await db.transaction(async (tx) => {
      // One routing at a time per absence thread: two messages of one thread racing join one contact.
      await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`route:${absence.id}:${message.threadId ?? message.id}`}, 0))`);
      const decision = routeMessage({
        message,
        absence,
        alreadyRouted: await repo.isRouted(tx, messageId),
        openContactInThread: message.threadId ? await repo.openContactInThread(tx, absence.id, message.threadId) : null,
      });
      if (decision.action === 'skip') return;
      const now = clock.now();

      let contact: ContactRow;
      let joinedUnanswered = false;
      if (decision.action === 'join') {
        const open = await repo.lockContact(tx, workspaceId, decision.contactId);
        if (!open) throw new Error(`contact ${decision.contactId} vanished`);
        contact = open;
        joinedUnanswered = open.firstResponseAt === null;
        // The contact shows the strongest signals any of its messages carried.
        if (signals.score > (open.signals?.score ?? 0)) contact = (await repo.updateContact(tx, open.id, { signals })) ?? open;
      } else {
        contact = await repo.insertContact(tx, {
          workspaceId,
          absenceId: absence.id,
          conversationId: await repo.conversationId(tx, { workspaceId, absenceId: absence.id, clientId: client?.id ?? null, now }),
          ownerId: absence.ownerId,
          clientId: client?.id ?? null,
          kind: 'email',
          messageId,
          threadId: message.threadId,
          fromAddress: message.fromAddress,
          fromName: message.fromName,
          subject: message.subject,
          excerpt: excerptOf(message.textBody),
          language: message.language,
          receivedAt: message.receivedAt,
          assigneeId: team.acting.member.id,
          assigneeRole: team.acting.role,
          warnAt: schedule.warnAt,
          dueAt: schedule.dueAt,
          secondDueAt: schedule.secondDueAt,
          signals,
          createdAt: now,
        });
        await deps.slaTimers.schedule(tx, contact);
      }
      await repo.linkMessage(tx, { messageId, workspaceId, contactId: contact.id, routedAt: now });
      await repo.insertActivity(tx, {
        workspaceId,
        contactId: contact.id,
        kind: 'message',
        actorId: null,
        at: message.receivedAt,
        data: { messageId, from: message.fromAddress, subject: message.subject },
      });
      await deps.auditLog.append(tx, {
        workspaceId,
        actorId: null,
        action: decision.action === 'join' ? 'coverage.message_joined' : 'coverage.contact_routed',
        subjectType: 'coverage_contact',
        subjectId: contact.id,
        data: {
          messageId,
          clientId: client?.id ?? null,
          ownerId: absence.ownerId,
          delegateId: contact.assigneeId,
          role: contact.assigneeRole,
        },
      });
      await deps.notifier.notify(tx, workspaceId, team.member(contact.assigneeId), (language) =>
        assignedNotice(language, {
          contact,
          clientName: client?.name ?? null,
          keyAccount: client?.tier === 'key',
          team,
          brief,
          faq,
          signals,
          timeZone: workspace.timezone,
        }),
      );

      // Counted after the audit append on purpose: the workspace's audit head row lock orders routings, so of two
      // new threads of one client routed at once the second sees the first (tests/coverage/two-instances.test.ts).
      const rules = inboundEscalations({
        tier: client?.tier ?? null,
        clientStatus: client?.status ?? null,
        signals,
        unansweredContacts: client ? await repo.unansweredOfClient(tx, absence.id, client.id, contact.id) : 0,
        joinedUnansweredContact: joinedUnanswered,
      });
      for (const rule of rules) {
        await deps.escalations.escalate(tx, {
          contact,
          team,
          decision: rule,
          timeZone: workspace.timezone,
          evidence: {
            clientName: client?.name ?? null,
            subject: message.subject,
            receivedAt: message.receivedAt.toISOString(),
            dueAt: contact.dueAt?.toISOString() ?? null,
            signals: signals.signals.map((signal) => ({ id: signal.id, evidence: signal.evidence })),
            clientStatus: client?.status ?? null,
          },
        });
      }
    });
  }

  return { route };
}
export type Routing = ReturnType<typeof createRouting>;

/** The delegate's notice: who wrote, by when to answer, the brief's essentials and the FAQ answers that fit. */
function assignedNotice(
  language: Language,
  input: {
    contact: ContactRow;
    clientName: string | null;
    keyAccount: boolean;
    team: Team;
    brief: SharedBrief;
    faq: FaqMatch[];
    signals: { signals: { id: string; evidence: string }[] };
    timeZone: string;
  },
) {
  const { contact, brief } = input;
  const client = input.clientName ?? t(language, 'assigned.unknown_client');
  const briefText = brief
    ? [
        brief.content.situation ? t(language, 'brief.situation', { text: brief.content.situation }) : '',
        brief.content.nextSteps.length > 0
          ? [
              t(language, 'brief.next_steps'),
              ...brief.content.nextSteps.map((step) => `- ${step.text}${step.due ? ` (${step.due})` : ''}`),
            ].join('\n')
          : '',
        brief.content.commitments.length > 0
          ? [t(language, 'brief.commitments'), ...brief.content.commitments.map((line) => `- ${line}`)].join('\n')
          : '',
      ]
        .filter(Boolean)
        .join('\n\n')
    : t(language, 'assigned.no_brief');
  const faqText =
    input.faq.length > 0
      ? `\n\n${t(language, 'brief.faq')}\n${input.faq.map((match) => `- ${match.question}\n  ${match.answer}`).join('\n')}`
      : '';
  const signals = input.signals.signals.length
    ? t(language, 'signals.line', { signals: input.signals.signals.map((signal) => `${signal.id} (“${signal.evidence}”)`).join(', ') })
    : '';
  return {
    kind: 'coverage.contact_assigned',
    subject: t(language, 'assigned.subject', {
      client,
      keyAccount: input.keyAccount ? t(language, 'assigned.key_account') : '',
      subject: contact.subject,
    }),
    text: t(language, 'assigned.text', {
      sender: contact.fromName || contact.fromAddress || client,
      owner: input.team.owner.name,
      role: t(language, `role.${contact.assigneeRole}`),
      due: contact.dueAt ? formatInstant(contact.dueAt, language, input.timeZone) : t(language, 'assigned.no_due'),
      excerpt: contact.excerpt,
      signals,
      brief: briefText,
      faq: faqText,
    }),
    link: `/coverage/contacts/${contact.id}`,
  };
}
