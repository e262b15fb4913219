// What an SLA timer writes, inside the caller's transaction: the timer jobs run these live, the demo replays a past
// absence through them.
import type { Clock } from '../../platform/clock/clock';
import type { Db } from '../../platform/db/database';
import type { ContactRow, CoverageRepository } from './coverage.repository';
import type { Team } from './coverage-team';
import { type SlaStage, slaEscalation, slaWarningDue } from './escalation.models';
import type { Escalations } from './escalations.usecases';

/** The 75 % warning, marked once while the contact waits for its first response; true when it was marked now. */
export async function recordSlaWarning(tx: Db, deps: { clock: Clock; coverageRepository: CoverageRepository }, contact: ContactRow) {
  if (!slaWarningDue(contact) || contact.slaWarnedAt) return false;
  await deps.coverageRepository.updateContact(tx, contact.id, { slaWarnedAt: deps.clock.now() });
  return true;
}

/** A missed first response: the breach reaches the backup, the second breach the manager. */
export async function recordSlaBreach(
  tx: Db,
  deps: { escalations: Pick<Escalations, 'escalate'> },
  input: { contact: ContactRow; stage: Exclude<SlaStage, 'warn'>; team: Team; timeZone: string; clientName: string | null },
) {
  const { contact, stage } = input;
  const decision = slaEscalation(stage, contact);
  if (!decision) return;
  await deps.escalations.escalate(tx, {
    contact,
    team: input.team,
    decision,
    timeZone: input.timeZone,
    evidence: {
      clientName: input.clientName,
      subject: contact.subject,
      receivedAt: contact.receivedAt.toISOString(),
      dueAt: (stage === 'breach' ? contact.dueAt : contact.secondDueAt)?.toISOString() ?? null,
    },
  });
}
