// The return briefing: per covered client, what came in, how it was handled and how fast, and a risk rank that says
// whom to call first and why. Shown in the web UI to the owner (and her manager), mailed to the owner on return.
import type { ReturnBriefing } from '../../contracts/recovery.contracts';
import type { Clock } from '../../platform/clock/clock';
import type { Db } from '../../platform/db/database';
import type { AbsenceLookup } from '../absences/absences.lookup';
import type { AbsenceRow } from '../absences/absences.repository';
import { tallyStatusLinks } from '../absences/status-links.models';
import type { StatusLinksRepository } from '../absences/status-links.repository';
import type { CoverageLookup } from '../coverage/coverage.lookup';
import type { Notifier } from '../notifications/notifications.usecases';
import type { Principal } from '../workspaces/auth.usecases';
import type { WorkspacesRepository } from '../workspaces/workspaces.repository';
import { recoveryErrors } from './recovery.errors';
import { translateRecoveryMail as t } from './recovery.mails';
import { mayReadRecovery } from './recovery.models';
import type { RecoveryRepository } from './recovery.repository';
import { type ContactFact, median, summariseClient } from './return-briefing.models';
import { rankClients, riskScore } from './risk.models';

type Deps = {
  db: Db;
  clock: Clock;
  notifier: Notifier;
  absenceLookup: AbsenceLookup;
  coverageLookup: CoverageLookup;
  recoveryRepository: RecoveryRepository;
  statusLinksRepository: StatusLinksRepository;
  workspacesRepository: WorkspacesRepository;
};

const SUMMARY_CLIENTS = 5;

function groupBy<T, K>(items: T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

export function createReturnBriefing(deps: Deps) {
  const { clock } = deps;

  async function build(absence: AbsenceRow): Promise<ReturnBriefing> {
    const { workspaceId } = absence;
    if (absence.state !== 'active' && absence.state !== 'returned' && absence.state !== 'closed') throw recoveryErrors.notStarted();
    const owner = await deps.workspacesRepository.userInWorkspace(workspaceId, absence.ownerId);
    const covered = await deps.recoveryRepository.coveredClients(workspaceId, absence.id);
    const contacts = await deps.coverageLookup.contactsOfAbsence(workspaceId, absence.id);
    const escalations = await deps.coverageLookup.escalationsOfAbsence(workspaceId, absence.id);
    const autoReplies = await deps.recoveryRepository.autoRepliesByClient(workspaceId, absence.id);
    const links = tallyStatusLinks(
      covered.map((client) => client.id),
      await deps.statusLinksRepository.listForAbsence(workspaceId, absence.id),
    );
    const people = new Map((await deps.workspacesRepository.listUsers(workspaceId)).map((user) => [user.id, user]));
    const until = absence.returnedAt ?? clock.now();
    // The facts the figures need, made once per contact, and grouped once: with thousands of clients, copying rows
    // and filtering every list per client is what would take the time.
    const entries = contacts.map((contact) => {
      const { row, messageCount } = contact;
      const fact: ContactFact = {
        id: row.id,
        kind: row.kind,
        state: row.state,
        outcome: row.outcome,
        receivedAt: row.receivedAt,
        firstResponseAt: row.firstResponseAt,
        messageCount,
        signals: row.signals,
      };
      return { contact, fact };
    });
    const entriesByClient = groupBy(entries, (entry) => entry.contact.row.clientId);
    const escalationsByContact = groupBy(escalations, (escalation) => escalation.contactId);
    const viewsByClient = new Map(links.map((tally) => [tally.clientId, tally.views]));

    const clients = covered.map((client) => {
      const ownEntries = entriesByClient.get(client.id) ?? [];
      const own = ownEntries.map((entry) => entry.contact);
      const ownEscalations = own.flatMap((contact) => escalationsByContact.get(contact.row.id) ?? []);
      const summary = summariseClient(
        ownEntries.map((entry) => entry.fact),
        ownEscalations,
        until,
        {
          autoReplies: autoReplies.get(client.id) ?? 0,
          statusLinkViews: viewsByClient.get(client.id) ?? 0,
        },
      );
      // Who actually answered or closed each contact, not whom it was assigned to (the backup may have stepped in).
      const handlers = new Set(own.flatMap((contact) => [contact.row.firstResponderId, contact.row.closedBy]));
      handlers.delete(absence.ownerId);
      const handledBy = [...handlers].flatMap((id) => {
        const person = id ? people.get(id) : undefined;
        return person ? [{ id: person.id, name: person.name }] : [];
      });
      return {
        clientId: client.id,
        name: client.name,
        tier: client.tier,
        status: client.status,
        language: client.language,
        risk: riskScore({ ...summary.facts, tier: client.tier, status: client.status }),
        counts: summary.counts,
        medianFirstResponseMinutes: summary.medianFirstResponseMinutes,
        longestWaitHours: summary.longestWaitHours,
        signals: summary.signals,
        handledBy,
        contacts: own.map((contact) => contact.summary),
      };
    });
    const all = summariseClient(
      entries.map((entry) => entry.fact),
      escalations,
      until,
      {
        autoReplies: [...autoReplies.values()].reduce((sum, count) => sum + count, 0),
        statusLinkViews: links.reduce((sum, tally) => sum + tally.views, 0),
      },
    );
    return {
      absenceId: absence.id,
      ownerId: absence.ownerId,
      ownerName: owner?.name ?? '',
      state: absence.state,
      startsAt: absence.startsAt.toISOString(),
      endsAt: absence.endsAt.toISOString(),
      returnedAt: absence.returnedAt?.toISOString() ?? null,
      totals: {
        ...all.counts,
        medianFirstResponseMinutes: median(
          contacts
            .filter((contact) => contact.row.kind === 'email' && contact.row.firstResponseAt)
            .map((contact) => ((contact.row.firstResponseAt?.getTime() ?? 0) - contact.row.receivedAt.getTime()) / 60_000),
        ),
        clientsWithContacts: clients.filter((client) => client.counts.contacts > 0).length,
      },
      clients: rankClients(clients).map(({ risk, ...client }) => ({ ...client, score: risk.score, reasons: risk.reasons })),
    };
  }

  return {
    /** The briefing of an absence already found and checked (recovery tasks are created from it). */
    build,

    async briefing(principal: Principal, absenceId: string) {
      const absence = await deps.absenceLookup.byId(principal.workspace.id, absenceId);
      if (!absence || !mayReadRecovery(principal, absence)) throw recoveryErrors.absenceNotFound();
      return build(absence);
    },

    /** Mailed to the owner when she is back: the clients to call first, each with its reasons, and the link. */
    async sendToOwner(workspaceId: string, absenceId: string) {
      const absence = await deps.absenceLookup.byId(workspaceId, absenceId);
      const owner = absence ? await deps.workspacesRepository.userInWorkspace(workspaceId, absence.ownerId) : null;
      if (!absence || !owner || absence.state === 'active') return;
      const briefing = await build(absence);
      await deps.db.transaction((tx) =>
        deps.notifier.notify(tx, workspaceId, owner, (language) => {
          const top = briefing.clients.filter((client) => client.score > 0).slice(0, SUMMARY_CLIENTS);
          const lines = top.map(
            (client) =>
              `${client.rank}. ${client.name} — ${client.reasons.map((reason) => t(language, `reason.${reason.reason}`, { count: reason.count ?? 1 })).join(', ')}`,
          );
          return {
            kind: 'recovery.return_briefing',
            subject: t(language, 'briefing.subject', { count: briefing.totals.contacts }),
            text: [
              t(language, 'briefing.totals', {
                contacts: briefing.totals.contacts,
                clients: briefing.totals.clientsWithContacts,
                open: briefing.totals.open,
                escalations: briefing.totals.escalations,
              }),
              lines.length > 0 ? `${t(language, 'briefing.call_first')}\n${lines.join('\n')}` : t(language, 'briefing.quiet'),
            ].join('\n\n'),
            link: `/absences/${absenceId}/return`,
          };
        }),
      );
    },
  };
}
export type ReturnBriefingUseCases = ReturnType<typeof createReturnBriefing>;
