import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type {
  ClientImport,
  DryRunResult,
  HeaderMapping,
  ImportRowError,
  ImportStatus,
  ImportSummary,
} from '../../contracts/clients.contracts';
import type { Role } from '../../contracts/workspaces.contracts';
import type { Clock } from '../../platform/clock/clock';
import type { Db } from '../../platform/db/database';
import { violatedUniqueIndex } from '../../platform/db/db-errors';
import { defineJob, enqueueJob } from '../../platform/jobs/jobs';
import type { AuditLog } from '../audit/audit.repository';
import type { Principal } from '../workspaces/auth.usecases';
import { hasRole } from '../workspaces/workspaces.models';
import type { WorkspacesRepository } from '../workspaces/workspaces.repository';
import { parseCsv } from './clients.csv';
import { clientErrors } from './clients.errors';
import {
  byLine,
  checkRow,
  groupRows,
  type ImportPlan,
  mappingProblems,
  mapRow,
  planImport,
  type RowDraft,
  suggestHeaderMapping,
  summarisePlan,
} from './clients.import.models';
import { clientNameKey } from './clients.models';
import type { ClientsRepository } from './clients.repository';
import type { clientImports } from './clients.schema';
import { type ClientStatusListener, recordStatusChanges } from './clients.status-changes';

type ImportDeps = {
  db: Db;
  clock: Clock;
  auditLog: AuditLog;
  clientsRepository: ClientsRepository;
  workspacesRepository: WorkspacesRepository;
  /** Told of each status an import changes, as a status edit would tell it (a client marked lost starts a win-back). */
  onStatusChanged?: ClientStatusListener;
};

/** Who runs an import: a signed-in user (members may only update their own clients), or the CLI (null). */
export type ImportActor = { userId: string; role: Role } | null;

export type ImportProgress = { phase: 'validating' | 'importing'; processed: number; total: number };

export type PreparedImport = {
  headers: string[];
  mapping: HeaderMapping;
  total: number;
  plan: ImportPlan | null;
  errors: ImportRowError[];
  summary: ImportSummary;
};

const STORED_ERRORS = 500;
const emptySummary = (rows: number): ImportSummary => ({
  rows,
  clients: 0,
  create: 0,
  update: 0,
  unchanged: 0,
  contactsAdded: 0,
  domainsAdded: 0,
});

export const importJobPayload = z.object({ importId: z.uuid() });

export function presentImport(row: typeof clientImports.$inferSelect): ClientImport {
  return {
    id: row.id,
    fileName: row.fileName,
    status: row.status,
    headers: row.headers,
    suggestedMapping: suggestHeaderMapping(row.headers),
    mapping: row.mapping,
    total: row.total,
    processed: row.processed,
    errors: row.errors,
    errorCount: row.errorCount,
    summary: row.summary,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

export function createClientImportUseCases({
  db,
  clock,
  auditLog,
  clientsRepository: repo,
  workspacesRepository,
  onStatusChanged,
}: ImportDeps) {
  function readCsv(text: string) {
    try {
      const parsed = parseCsv(text);
      if (parsed.headers.length === 0 || parsed.headers.every((header) => !header))
        throw clientErrors.importBadFile('The file is empty or has no header line');
      return parsed;
    } catch (error) {
      if (error instanceof Error && error.name === 'AppError') throw error;
      throw clientErrors.importBadFile(`The file is not a readable CSV file: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /**
   * The dry run: parses and checks every row, matches companies against the workspace, and plans
   * the writes. Reads only; nothing is written.
   */
  async function prepare(input: {
    workspaceId: string;
    csv: string;
    mapping?: HeaderMapping | undefined;
    actor: ImportActor;
    onProgress?: (progress: ImportProgress) => void;
  }): Promise<PreparedImport> {
    const { headers, rows } = readCsv(input.csv);
    const mapping = { ...suggestHeaderMapping(headers), ...(input.mapping ?? {}) };
    const problems = mappingProblems(headers, mapping);
    if (problems.length) throw clientErrors.importBadMapping(`The column mapping is not valid: ${problems.join('; ')}`);
    const workspace = await workspacesRepository.workspaceById(input.workspaceId);
    if (!workspace) throw clientErrors.importNotFound();
    const owners = new Map(
      (await workspacesRepository.listUsers(input.workspaceId)).map((user) => [user.email.toLowerCase(), user.id] as const),
    );

    const drafts: RowDraft[] = [];
    const errors: ImportRowError[] = [];
    rows.forEach((row, index) => {
      const checked = checkRow(mapRow(headers, mapping, row), owners);
      if (checked.draft) drafts.push(checked.draft);
      errors.push(...checked.errors);
      if (index % 1000 === 999) input.onProgress?.({ phase: 'validating', processed: index + 1, total: rows.length });
    });
    const grouped = groupRows(drafts);
    errors.push(...grouped.errors);

    const domains = grouped.groups.flatMap((group) => group.domains);
    const emails = grouped.groups.flatMap((group) => group.contacts.flatMap((contact) => contact.emails));
    const domainOwners = await repo.domainOwners(input.workspaceId, domains);
    const emailOwners = await repo.emailOwners(input.workspaceId, emails);
    const clientsByNameKey = new Map<string, string[]>();
    for (const client of await repo.clientNames(input.workspaceId)) {
      const key = clientNameKey(client.name);
      clientsByNameKey.set(key, [...(clientsByNameKey.get(key) ?? []), client.id]);
    }
    const candidates = [
      ...domainOwners.values(),
      ...emailOwners.values(),
      ...grouped.groups.flatMap((group) => clientsByNameKey.get(group.nameKey) ?? []),
    ];
    const existing = await repo.clientsForImport(input.workspaceId, candidates);
    const plan = planImport(grouped.groups, {
      clients: existing,
      domainOwners,
      emailOwners,
      clientsByNameKey,
      defaults: { language: workspace.defaultLanguage, ownerId: input.actor?.userId ?? null },
      actor: input.actor ? { userId: input.actor.userId, canEditAll: hasRole(input.actor.role, 'manager') } : null,
    });
    errors.push(...plan.errors);
    input.onProgress?.({ phase: 'validating', processed: rows.length, total: rows.length });
    errors.sort(byLine);
    return {
      headers,
      mapping,
      total: rows.length,
      plan: errors.length ? null : plan,
      errors,
      summary: errors.length ? emptySummary(rows.length) : summarisePlan(rows.length, plan),
    };
  }

  /** All or nothing: every write of the import, and its audit event, in one transaction. */
  async function execute(
    tx: Db,
    input: { workspaceId: string; actorId: string | null; plan: ImportPlan; fileName: string; importId?: string },
    onProgress?: (processed: number) => void,
  ) {
    const { workspaceId, plan } = input;
    const now = clock.now();
    let processed = 0;
    const reason = 'CSV import';

    for (let start = 0; start < plan.creates.length; start += 500) {
      const part = plan.creates.slice(start, start + 500).map((item) => ({ ...item, id: randomUUID() }));
      await repo.insertClientsBulk(
        tx,
        part.map(({ id, client }) => ({ id, workspaceId, ...client, createdAt: now, updatedAt: now })),
      );
      await repo.insertDomainsBulk(
        tx,
        part.flatMap(({ id, group }) => group.domains.map((domain) => ({ workspaceId, clientId: id, domain }))),
      );
      const contacts = part.flatMap(({ id, group }) => group.contacts.map((contact) => ({ ...contact, id: randomUUID(), clientId: id })));
      await repo.insertContactsBulk(
        tx,
        contacts.map(({ emails: _emails, ...contact }) => ({ ...contact, workspaceId })),
      );
      await repo.insertContactEmailsBulk(
        tx,
        contacts.flatMap((contact) => contact.emails.map((email) => ({ workspaceId, contactId: contact.id, email }))),
      );
      await repo.insertStatusChangesBulk(
        tx,
        part.map(({ id, client }) => ({
          workspaceId,
          clientId: id,
          fromStatus: null,
          toStatus: client.status,
          reason,
          changedBy: input.actorId,
          changedAt: now,
        })),
      );
      processed += part.reduce((sum, item) => sum + item.group.lines.length, 0);
      onProgress?.(processed);
    }

    for (let start = 0; start < plan.updates.length; start += 500) {
      const part = plan.updates.slice(start, start + 500);
      await repo.updateClientsBulk(
        tx,
        workspaceId,
        part.filter((item) => Object.keys(item.changes).length).map((item) => ({ ...item.client, ...item.changes })),
        now,
      );
      await repo.insertDomainsBulk(
        tx,
        part.flatMap((item) => item.newDomains.map((domain) => ({ workspaceId, clientId: item.client.id, domain }))),
      );
      const contacts = part.flatMap((item) =>
        item.newContacts.map((contact) => ({ ...contact, id: randomUUID(), clientId: item.client.id })),
      );
      await repo.insertContactsBulk(
        tx,
        contacts.map(({ emails: _emails, ...contact }) => ({ ...contact, workspaceId })),
      );
      const changedContacts = part.flatMap((item) => item.contactChanges);
      await repo.updateContactsBulk(
        tx,
        changedContacts.map((change) => ({
          id: change.contact.id,
          role: change.role,
          phones: [...change.contact.phones, ...change.phones],
        })),
      );
      await repo.insertContactEmailsBulk(tx, [
        ...contacts.flatMap((contact) => contact.emails.map((email) => ({ workspaceId, contactId: contact.id, email }))),
        ...changedContacts.flatMap((change) => change.emails.map((email) => ({ workspaceId, contactId: change.contact.id, email }))),
      ]);
      // Only a change seen here is a transition; a client that arrives already lost has no date to count from.
      await recordStatusChanges(
        { auditLog, clientsRepository: repo, onStatusChanged },
        tx,
        part.flatMap((item) =>
          item.changes.status
            ? [
                {
                  workspaceId,
                  clientId: item.client.id,
                  clientOwnerId: item.client.ownerId,
                  from: item.client.status,
                  to: item.changes.status,
                  reason,
                  actorId: input.actorId,
                  at: now,
                },
              ]
            : [],
        ),
        'import',
      );
      processed += part.reduce((sum, item) => sum + item.group.lines.length, 0);
      onProgress?.(processed);
    }

    const summary = summarisePlan(0, plan);
    await auditLog.append(tx, {
      workspaceId,
      actorId: input.actorId,
      action: 'clients.imported',
      subjectType: input.importId ? 'client_import' : 'workspace',
      subjectId: input.importId ?? workspaceId,
      data: { fileName: input.fileName, created: summary.create, updated: summary.update, unchanged: summary.unchanged },
    });
  }

  /** Writes a prepared import; a unique violation (a concurrent edit since the dry run) fails the whole import. */
  async function importPrepared(
    input: { workspaceId: string; actorId: string | null; prepared: PreparedImport; fileName: string; importId?: string },
    onProgress?: (processed: number) => void,
    finish?: (tx: Db) => Promise<void>,
  ) {
    const { plan } = input.prepared;
    if (!plan) throw new Error('an import with row errors cannot be written');
    try {
      await db.transaction(async (tx) => {
        await execute(tx, { ...input, plan }, onProgress);
        await finish?.(tx);
      });
    } catch (error) {
      const index = violatedUniqueIndex(error);
      if (index === 'client_domains_workspace_domain')
        throw clientErrors.domainTaken('A domain of the file was given to another client meanwhile: run the import again');
      if (index === 'contact_emails_workspace_email')
        throw clientErrors.emailTaken('An email of the file was given to another contact meanwhile: run the import again');
      throw error;
    }
  }

  async function importOf(principal: Principal, importId: string) {
    const row = await repo.importById(principal.workspace.id, importId);
    if (!row) throw clientErrors.importNotFound();
    return row;
  }

  const actorOf = (principal: Principal): ImportActor => ({ userId: principal.user.id, role: principal.user.role });

  /**
   * Progress must be visible while the import transaction is open, so it is written outside it,
   * one update at a time (never awaited inside the transaction: PGlite runs one query at a time).
   */
  function progressWriter(importId: string) {
    let pending: Promise<unknown> = Promise.resolve();
    let inFlight = false;
    let latest: { status: ImportStatus; processed: number } | null = null;
    const flush = () => {
      if (inFlight || !latest) return;
      const next = latest;
      latest = null;
      inFlight = true;
      pending = repo
        .updateImport(db, importId, next, ['queued', 'validating', 'importing'])
        .catch(() => null)
        .finally(() => {
          inFlight = false;
          flush();
        });
    };
    return {
      report(status: ImportStatus, processed: number) {
        latest = { status, processed };
        flush();
      },
      async settled() {
        while (inFlight) await pending;
      },
    };
  }

  const importJob = defineJob({
    name: 'clients.import',
    payload: importJobPayload,
    maxAttempts: 3,
    onGiveUp: async ({ importId }) => {
      await repo.updateImport(
        db,
        importId,
        {
          status: 'failed',
          errors: [{ line: 0, field: null, code: 'import.crashed', message: 'The import stopped several times; nothing was written' }],
          errorCount: 1,
          finishedAt: clock.now(),
        },
        ['queued', 'validating', 'importing'],
      );
    },
    handler: async ({ importId }) => {
      const row = await repo.importByIdAnyWorkspace(importId);
      // Done or failed already: a retried job does nothing twice.
      if (!row || !['queued', 'validating', 'importing'].includes(row.status)) return;
      const user = row.createdBy ? await workspacesRepository.userInWorkspace(row.workspaceId, row.createdBy) : null;
      const progress = progressWriter(importId);
      const fail = async (errors: ImportRowError[], errorCount = errors.length) => {
        await progress.settled();
        await repo.updateImport(db, importId, {
          status: 'failed',
          errors: errors.slice(0, STORED_ERRORS),
          errorCount,
          finishedAt: clock.now(),
        });
      };
      try {
        await repo.updateImport(db, importId, { status: 'validating', processed: 0 });
        const prepared = await prepare({
          workspaceId: row.workspaceId,
          csv: row.csv,
          mapping: row.mapping ?? undefined,
          actor: user ? { userId: user.id, role: user.role } : null,
          onProgress: ({ processed }) => progress.report('validating', processed),
        });
        if (!prepared.plan) return await fail(prepared.errors.slice(0, STORED_ERRORS), prepared.errors.length);
        await progress.settled();
        await repo.updateImport(db, importId, { status: 'importing', processed: 0, total: prepared.total });
        await importPrepared(
          { workspaceId: row.workspaceId, actorId: row.createdBy, prepared, fileName: row.fileName, importId },
          (processed) => progress.report('importing', processed),
          async (tx) => {
            await repo.updateImport(tx, importId, {
              status: 'done',
              processed: prepared.total,
              summary: prepared.summary,
              errors: [],
              errorCount: 0,
              finishedAt: clock.now(),
            });
          },
        );
        await progress.settled();
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        await fail([{ line: 0, field: null, code: (error as { code?: string }).code ?? 'import.failed', message }]);
        if (!(error instanceof Error && error.name === 'AppError')) throw error;
      }
    },
  });

  return {
    prepare,
    importPrepared,
    importJob,

    async upload(principal: Principal, fileName: string, csv: string) {
      const { headers, rows } = readCsv(csv);
      return repo.insertImport({
        workspaceId: principal.workspace.id,
        createdBy: principal.user.id,
        fileName: fileName.slice(0, 200) || 'clients.csv',
        csv,
        headers,
        status: 'uploaded',
        total: rows.length,
        createdAt: clock.now(),
      });
    },

    get: importOf,

    async dryRun(principal: Principal, importId: string, mapping: HeaderMapping): Promise<DryRunResult> {
      const row = await importOf(principal, importId);
      if (!['uploaded', 'checked'].includes(row.status)) throw clientErrors.importNotReady();
      const prepared = await prepare({ workspaceId: row.workspaceId, csv: row.csv, mapping, actor: actorOf(principal) });
      const errors = prepared.errors.slice(0, STORED_ERRORS);
      await repo.updateImport(db, importId, {
        status: 'checked',
        mapping: prepared.mapping,
        errors,
        errorCount: prepared.errors.length,
        summary: prepared.summary,
      });
      return { ok: prepared.errors.length === 0, errors, errorCount: prepared.errors.length, summary: prepared.summary };
    },

    /** Queues the import job in the same transaction as the status change, so a restart loses neither. */
    async start(principal: Principal, importId: string, mapping: HeaderMapping) {
      const row = await importOf(principal, importId);
      if (!['uploaded', 'checked'].includes(row.status)) throw clientErrors.importNotReady();
      const problems = mappingProblems(row.headers, { ...suggestHeaderMapping(row.headers), ...mapping });
      if (problems.length) throw clientErrors.importBadMapping(`The column mapping is not valid: ${problems.join('; ')}`);
      await db.transaction(async (tx) => {
        const claimed = await repo.updateImport(
          tx,
          importId,
          { status: 'queued', mapping: { ...suggestHeaderMapping(row.headers), ...mapping }, processed: 0 },
          ['uploaded', 'checked'],
        );
        if (!claimed) throw clientErrors.importNotReady();
        await enqueueJob(tx, clock, importJob, { importId });
        await auditLog.append(tx, {
          workspaceId: principal.workspace.id,
          actorId: principal.user.id,
          action: 'clients.import_started',
          subjectType: 'client_import',
          subjectId: importId,
          data: { fileName: row.fileName, rows: row.total },
        });
      });
      return importOf(principal, importId);
    },
  };
}
export type ClientImportUseCases = ReturnType<typeof createClientImportUseCases>;
