// First-response timers: three durable jobs per contact (75 % warning, breach, second breach), enqueued with the
// contact. A timer that fires after the first response (or the close) does nothing; unique job keys and the
// escalations' unique index make a retried or doubly-claimed timer harmless.
import { z } from 'zod';
import type { Clock } from '../../platform/clock/clock';
import { formatInstant } from '../../platform/clock/zoned-time';
import type { Db } from '../../platform/db/database';
import { defineJob, enqueueJobs } from '../../platform/jobs/jobs';
import type { AbsenceLookup } from '../absences/absences.lookup';
import type { Notifier } from '../notifications/notifications.usecases';
import type { WorkspacesRepository } from '../workspaces/workspaces.repository';
import { translateCoverageMail as t } from './coverage.mails';
import type { ContactRow, CoverageRepository } from './coverage.repository';
import type { TeamReader } from './coverage-team';
import { type SlaStage, slaWarningDue } from './escalation.models';
import type { Escalations } from './escalations.usecases';
import { recordSlaBreach, recordSlaWarning } from './sla.writes';

const stages = ['warn', 'breach', 'second_breach'] as const satisfies readonly SlaStage[];

export const slaTimerJob = {
  name: 'coverage.sla',
  payload: z.object({ workspaceId: z.uuid(), contactId: z.uuid(), stage: z.enum(stages) }),
  maxAttempts: 8,
};

type Deps = {
  db: Db;
  clock: Clock;
  notifier: Notifier;
  coverageRepository: CoverageRepository;
  absenceLookup: AbsenceLookup;
  workspacesRepository: WorkspacesRepository;
  teamAt: TeamReader;
  escalations: Escalations;
};

export function createSlaTimers(deps: Deps) {
  const { db, clock, coverageRepository: repo } = deps;

  /** In the transaction that created the contact: its three timers. */
  async function schedule(tx: Db, contact: ContactRow) {
    const times: Record<SlaStage, Date | null> = { warn: contact.warnAt, breach: contact.dueAt, second_breach: contact.secondDueAt };
    await enqueueJobs(
      tx,
      clock,
      slaTimerJob,
      stages.flatMap((stage) => {
        const runAt = times[stage];
        if (!runAt) return [];
        return [
          {
            payload: { workspaceId: contact.workspaceId, contactId: contact.id, stage },
            options: { runAt, uniqueKey: `coverage.sla:${contact.id}:${stage}` },
          },
        ];
      }),
    );
  }

  async function fire(workspaceId: string, contactId: string, stage: SlaStage) {
    const view = await repo.contactView(workspaceId, contactId);
    if (!view || !slaWarningDue(view.contact)) return;
    const absence = await deps.absenceLookup.byId(workspaceId, view.contact.absenceId);
    const workspace = await deps.workspacesRepository.workspaceById(workspaceId);
    // Once the owner is back, the return briefing takes over: no more escalations to the delegates' chain.
    if (absence?.state !== 'active' || !workspace) return;
    const team = await deps.teamAt(absence, clock.now());

    await db.transaction(async (tx) => {
      const contact = await repo.lockContact(tx, workspaceId, contactId);
      if (!contact || !slaWarningDue(contact)) return;
      const client = view.clientName;
      if (stage === 'warn') {
        if (!(await recordSlaWarning(tx, deps, contact))) return;
        await deps.notifier.notify(tx, workspaceId, team.member(contact.assigneeId), (language) => {
          const due = contact.dueAt ? formatInstant(contact.dueAt, language, workspace.timezone) : '';
          const name = client ?? t(language, 'assigned.unknown_client');
          return {
            kind: 'coverage.sla_warning',
            subject: t(language, 'sla_warning.subject', { due, client: name }),
            text: t(language, 'sla_warning.text', { due, client: name, subject: contact.subject }),
            link: `/coverage/contacts/${contact.id}`,
          };
        });
        return;
      }
      await recordSlaBreach(tx, deps, { contact, stage, team, timeZone: workspace.timezone, clientName: client });
    });
  }

  const job = defineJob({
    ...slaTimerJob,
    handler: async ({ workspaceId, contactId, stage }) => fire(workspaceId, contactId, stage),
  });

  return { schedule, job };
}
export type SlaTimers = ReturnType<typeof createSlaTimers>;
