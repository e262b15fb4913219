// Who may see and work a recovery task, and what a call's outcome does to the client and the task.
import type { ClientStatus } from '../../contracts/clients.contracts';
import type { CallOutcome, RecoveryTaskState } from '../../contracts/recovery.contracts';

type Reader = { user: { id: string; role: string } };
type AbsencePeople = { ownerId: string; managerId: string };

/** The owner, the absence's manager, and workspace admins and managers read the briefing and the tasks. */
export const mayReadRecovery = (principal: Reader, absence: AbsencePeople) =>
  principal.user.id === absence.ownerId ||
  principal.user.id === absence.managerId ||
  principal.user.role === 'admin' ||
  principal.user.role === 'manager';

/** Only the owner calls and writes to her clients: the apology is hers to make. */
export const mayActOnRecovery = (principal: Reader, absence: AbsencePeople) => principal.user.id === absence.ownerId;

/**
 * The client's status after a call (null: unchanged). A lost client who is recovered on the phone is `won_back`,
 * which also ends the win-back cadence; `no_answer` says nothing about the client.
 */
export function statusAfterCall(outcome: CallOutcome, current: ClientStatus): ClientStatus | null {
  const next: ClientStatus | null =
    outcome === 'recovered'
      ? current === 'lost'
        ? 'won_back'
        : 'active'
      : outcome === 'still_at_risk'
        ? 'at_risk'
        : outcome === 'lost'
          ? 'lost'
          : null;
  if (next === null || next === current) return null;
  // A client already won back and recovered again stays won back: the history says how it came back.
  if (outcome === 'recovered' && current === 'won_back') return null;
  return next;
}

/** A call that reached the client settles the task; an unanswered one keeps it open until the retry. */
export const taskStateAfterCall = (outcome: CallOutcome): RecoveryTaskState => (outcome === 'no_answer' ? 'open' : 'done');
