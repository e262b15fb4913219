// What every change of a client's status writes besides the client row, whoever makes it (the client page, a recovery
// call, a CSV import): the history entry, the audit event (the client's trail, and the client.lost / client.won_back
// webhooks), then the listeners, all in the caller's transaction.
import type { ClientStatus } from '../../contracts/clients.contracts';
import type { Db } from '../../platform/db/database';
import type { AuditLog } from '../audit/audit.repository';
import type { ClientsRepository } from './clients.repository';

/** A client's status moved; told to other domains in the same transaction (recovery starts or ends a win-back). */
export type ClientStatusChange = {
  workspaceId: string;
  clientId: string;
  clientOwnerId: string | null;
  from: ClientStatus;
  to: ClientStatus;
  reason: string;
  actorId: string | null;
  at: Date;
};
export type ClientStatusListener = (tx: Db, change: ClientStatusChange) => Promise<void>;

type Deps = { auditLog: AuditLog; clientsRepository: ClientsRepository; onStatusChanged?: ClientStatusListener };

/** Records changes of one workspace, in a few statements however many there are; `source` says where they came from. */
export async function recordStatusChanges(
  { auditLog, clientsRepository, onStatusChanged }: Deps,
  tx: Db,
  changes: ClientStatusChange[],
  source?: string,
): Promise<void> {
  if (changes.length === 0) return;
  await clientsRepository.insertStatusChangesBulk(
    tx,
    changes.map((change) => ({
      workspaceId: change.workspaceId,
      clientId: change.clientId,
      fromStatus: change.from,
      toStatus: change.to,
      reason: change.reason,
      changedBy: change.actorId,
      changedAt: change.at,
    })),
  );
  await auditLog.appendMany(
    tx,
    changes.map((change) => ({
      workspaceId: change.workspaceId,
      actorId: change.actorId,
      action: 'client.status_changed',
      subjectType: 'client',
      subjectId: change.clientId,
      data: { from: change.from, to: change.to, reason: change.reason, ...(source ? { source } : {}) },
    })),
  );
  for (const change of changes) await onStatusChanged?.(tx, change);
}
