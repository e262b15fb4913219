// Routing (second step of the `mail.route` job, after the auto-reply): an ingested client message becomes a
// contact for the acting delegate, with its SLA timers, the notification carrying the brief and the best FAQ
// answers, and the escalations its facts call for, all in one transaction. The coverage_messages row (unique
// per message) makes a retry, or a second instance, find the message already routed. The writes themselves are in
// routing.writes, which the demo's replay of a past absence runs too.
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
import type { Escalations } from './escalations.usecases';
import { type FaqMatch, matchFaq } from './faq-matching.models';
import { routeMessage } from './routing.models';
import { escalateInbound, recordRoutedMessage } from './routing.writes';
import { scoreMessage } from './signals.models';
import type { SlaTimers } from './sla-timers.usecases';

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

export function createRouting(deps: Deps) {
  const { db, coverageRepository: repo } = deps;

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

    const facts = { message, absence, client, team, signals, schedule, timeZone: workspace.timezone };

    await db.transaction(async (tx) => {
      // One routing at a time per absence thread: two messages of one thread racing join one contact.
      await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`route:${absence.id}:${message.threadId ?? message.id}`}, 0))`);
      const routed = await recordRoutedMessage(tx, deps, facts);
      if (!routed) return;
      const { contact } = routed;
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

      // After the audit append on purpose: the workspace's audit head row lock orders routings, so of two new threads
      // of one client routed at once the second counts the first as unanswered (tests/coverage/two-instances.test.ts).
      await escalateInbound(tx, deps, facts, routed);
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
