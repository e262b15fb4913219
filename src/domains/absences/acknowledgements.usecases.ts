import type { AcknowledgeBrief, ReviewReadBack } from '../../contracts/briefs.contracts';
import type { Clock } from '../../platform/clock/clock';
import type { Db } from '../../platform/db/database';
import type { AuditLog } from '../audit/audit.repository';
import type { Notifier } from '../notifications/notifications.usecases';
import type { Principal } from '../workspaces/auth.usecases';
import { checkReadBack } from './acknowledgements.models';
import type { BriefsAccess } from './briefs.access';
import { briefErrors } from './briefs.errors';
import { translateBriefMail } from './briefs.mails';
import { isDelegate } from './briefs.models';
import type { BriefsRepository } from './briefs.repository';
import type { ReadinessUseCases } from './readiness.usecases';

type Deps = {
  db: Db;
  clock: Clock;
  auditLog: AuditLog;
  notifier: Notifier;
  access: BriefsAccess;
  briefsRepository: BriefsRepository;
  readiness: ReadinessUseCases;
};

/** The receipt of a handover: a delegate acknowledges one exact version, and for key accounts reads it back. */
export function createAcknowledgementsUseCases({ db, clock, auditLog, notifier, access, briefsRepository: repo, readiness }: Deps) {
  return {
    async acknowledge(principal: Principal, briefId: string, input: AcknowledgeBrief) {
      const people = await access.people(principal.workspace.id);
      return db.transaction(async (tx) => {
        const { brief, absence, role } = await access.briefFor(principal, briefId, tx);
        if (!isDelegate(role)) throw briefErrors.delegateOnly();
        if (absence.state === 'returned' || absence.state === 'closed') throw briefErrors.absenceOver();
        const locked = await repo.lockBrief(tx, brief.workspaceId, brief.id);
        if (!locked || locked.currentVersion === 0) throw briefErrors.notShared();
        if (input.version !== locked.currentVersion) throw briefErrors.versionOutdated();
        const version = await repo.getVersion(brief.workspaceId, brief.id, input.version, tx);
        if (!version) throw briefErrors.versionOutdated();
        if (version.contentHash !== input.contentHash) throw briefErrors.hashMismatch();

        let readBack: string | null = input.readBack?.trim() || null;
        if (brief.keyAccount) {
          const check = checkReadBack(input.readBack);
          if (!check.ok) throw check.reason === 'missing' ? briefErrors.readBackRequired() : briefErrors.readBackTooShort();
          readBack = check.text;
        }
        const now = clock.now();
        // A new acknowledgement by the same delegate replaces their earlier one (after "ask again").
        await repo.supersedeAcknowledgements(tx, brief.workspaceId, brief.id, now, principal.user.id);
        const row = await repo.insertAcknowledgement(tx, {
          workspaceId: brief.workspaceId,
          briefId: brief.id,
          versionId: version.id,
          version: version.version,
          contentHash: version.contentHash,
          delegateId: principal.user.id,
          delegateRole: role,
          readBack,
          readBackStatus: brief.keyAccount ? 'pending' : 'not_required',
          acknowledgedAt: now,
        });
        if (!row) throw new Error('acknowledgement insert returned nothing');
        await auditLog.append(tx, {
          workspaceId: brief.workspaceId,
          actorId: principal.user.id,
          action: 'brief.acknowledged',
          subjectType: 'brief',
          subjectId: brief.id,
          data: { acknowledgementId: row.id, version: row.version, versionHash: row.contentHash, delegateRole: role, readBack },
        });
        const owner = people.get(absence.ownerId);
        if (owner && row.readBackStatus === 'pending')
          await notifier.notify(tx, brief.workspaceId, owner, (language) => {
            const values = { delegate: principal.user.name, client: brief.clientName, version: row.version, readBack: readBack ?? '' };
            return {
              kind: 'brief.acknowledged',
              subject: translateBriefMail(language, 'acknowledged.subject', values),
              text: translateBriefMail(language, 'acknowledged.text', values),
              link: `/absences/${absence.id}/briefs/${brief.id}`,
              data: { briefId: brief.id, acknowledgementId: row.id },
            };
          });
        await readiness.announceIfReady(tx, {
          workspaceId: brief.workspaceId,
          absenceId: absence.id,
          actorId: principal.user.id,
          timeZone: principal.workspace.timezone,
          people,
        });
        return row;
      });
    },

    /** The owner accepts a read-back, or asks the delegate to read back again with a note. */
    async review(principal: Principal, acknowledgementId: string, input: ReviewReadBack) {
      const people = await access.people(principal.workspace.id);
      return db.transaction(async (tx) => {
        const ack = await repo.getAcknowledgement(principal.workspace.id, acknowledgementId, tx);
        if (!ack) throw briefErrors.acknowledgementNotFound();
        const { brief, absence, role } = await access.briefFor(principal, ack.briefId, tx).catch(() => {
          throw briefErrors.acknowledgementNotFound();
        });
        if (role !== 'owner') throw briefErrors.ownerOnly();
        if (ack.supersededAt !== null || ack.readBackStatus !== 'pending' || ack.version !== brief.currentVersion)
          throw briefErrors.notReviewable();
        const accepted = input.decision === 'accept';
        const now = clock.now();
        const row = await repo.updateAcknowledgement(tx, ack.workspaceId, ack.id, {
          readBackStatus: accepted ? 'accepted' : 'asked_again',
          ownerNote: input.note || null,
          reviewedAt: now,
        });
        if (!row) throw briefErrors.acknowledgementNotFound();
        await auditLog.append(tx, {
          workspaceId: ack.workspaceId,
          actorId: principal.user.id,
          action: accepted ? 'brief.read_back_accepted' : 'brief.read_back_asked_again',
          subjectType: 'brief',
          subjectId: brief.id,
          data: { acknowledgementId: ack.id, version: ack.version, versionHash: ack.contentHash, note: input.note || null },
        });
        const delegate = people.get(ack.delegateId);
        if (delegate)
          await notifier.notify(tx, ack.workspaceId, delegate, (language) => {
            const key = accepted ? 'read_back_accepted' : 'read_back_asked_again';
            const values = { owner: principal.user.name, client: brief.clientName, version: ack.version, note: input.note ?? '' };
            return {
              kind: `brief.${key}`,
              subject: translateBriefMail(language, `${key}.subject`, values),
              text: translateBriefMail(language, `${key}.text`, values),
              link: `/absences/${absence.id}/briefs/${brief.id}`,
              data: { briefId: brief.id, acknowledgementId: ack.id },
            };
          });
        if (accepted)
          await readiness.announceIfReady(tx, {
            workspaceId: ack.workspaceId,
            absenceId: absence.id,
            actorId: principal.user.id,
            timeZone: principal.workspace.timezone,
            people,
          });
        return row;
      });
    },
  };
}
export type AcknowledgementsUseCases = ReturnType<typeof createAcknowledgementsUseCases>;
