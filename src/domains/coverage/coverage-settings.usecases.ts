import { type CoverageSettings, coverageSettingsSchema, defaultCoverageSettings } from '../../contracts/coverage.contracts';
import type { Clock } from '../../platform/clock/clock';
import type { Db } from '../../platform/db/database';
import type { AuditLog } from '../audit/audit.repository';
import type { Principal } from '../workspaces/auth.usecases';
import type { BusinessCalendar } from './business-time.models';
import { validateCalendar } from './business-time.models';
import { coverageErrors } from './coverage.errors';
import type { CoverageRepository } from './coverage.repository';

/** The workspace's business calendar and SLA targets (defaults until an admin saves them). */
export function createCoverageSettings(deps: { db: Db; clock: Clock; auditLog: AuditLog; coverageRepository: CoverageRepository }) {
  const { db, coverageRepository: repo } = deps;

  async function get(workspaceId: string, tx: Db = db): Promise<CoverageSettings> {
    const stored = await repo.settings(workspaceId, tx);
    const parsed = stored ? coverageSettingsSchema.safeParse(stored) : null;
    return parsed?.success ? parsed.data : defaultCoverageSettings;
  }

  return {
    get,
    async calendarOf(
      workspace: { id: string; timezone: string },
      tx: Db = db,
    ): Promise<{ settings: CoverageSettings; calendar: BusinessCalendar }> {
      const settings = await get(workspace.id, tx);
      return { settings, calendar: { ...settings.calendar, timeZone: workspace.timezone } };
    },
    async update(principal: Principal, input: CoverageSettings) {
      const problems = validateCalendar({ ...input.calendar, timeZone: principal.workspace.timezone });
      if (problems.length > 0) throw coverageErrors.invalidSettings(problems.join('; '));
      await db.transaction(async (tx) => {
        await repo.saveSettings(tx, principal.workspace.id, input, deps.clock.now());
        await deps.auditLog.append(tx, {
          workspaceId: principal.workspace.id,
          actorId: principal.user.id,
          action: 'coverage.settings_changed',
          subjectType: 'workspace',
          subjectId: principal.workspace.id,
          data: { ...input },
        });
      });
      return get(principal.workspace.id);
    },
  };
}
export type CoverageSettingsUseCases = ReturnType<typeof createCoverageSettings>;
