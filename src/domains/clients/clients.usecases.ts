import {
  type ChangeStatusInput,
  type ClientStatus,
  type ContactInput,
  changeStatusSchema,
  contactInputSchema,
  createClientSchema,
  type ProjectInput,
  projectInputSchema,
  updateClientSchema,
  updateContactSchema,
  updateProjectSchema,
} from '../../contracts/clients.contracts';
import type { Clock } from '../../platform/clock/clock';
import type { Db } from '../../platform/db/database';
import { violatedUniqueIndex } from '../../platform/db/db-errors';
import type { AuditLog } from '../audit/audit.repository';
import type { Principal } from '../workspaces/auth.usecases';
import type { WorkspacesRepository } from '../workspaces/workspaces.repository';
import { clientErrors } from './clients.errors';
import { canEditClient, presentClientDetail } from './clients.models';
import type { ClientFilters, ClientsRepository } from './clients.repository';
import { type ClientStatusChange, type ClientStatusListener, recordStatusChanges } from './clients.status-changes';

type ClientsDeps = {
  db: Db;
  clock: Clock;
  auditLog: AuditLog;
  clientsRepository: ClientsRepository;
  workspacesRepository: WorkspacesRepository;
  onStatusChanged?: ClientStatusListener;
};

const actorOf = (principal: Principal) => ({ userId: principal.user.id, role: principal.user.role });

/** Turns a unique-index violation into the 409 a person can act on. */
function rethrowConflict(error: unknown): never {
  const index = violatedUniqueIndex(error);
  if (index === 'client_domains_workspace_domain') throw clientErrors.domainTaken();
  if (index === 'contact_emails_workspace_email') throw clientErrors.emailTaken();
  throw error;
}

export function createClientsUseCases({
  db,
  clock,
  auditLog,
  clientsRepository: repo,
  workspacesRepository,
  onStatusChanged,
}: ClientsDeps) {
  const audit = (tx: Db, principal: Principal, action: string, subjectType: string, subjectId: string, data: Record<string, unknown>) =>
    auditLog.append(tx, { workspaceId: principal.workspace.id, actorId: principal.user.id, action, subjectType, subjectId, data });

  /** Runs a write in one transaction with its audit event; unique violations become clear 409s. */
  async function write<T>(work: (tx: Db) => Promise<T>): Promise<T> {
    try {
      return await db.transaction(work);
    } catch (error) {
      rethrowConflict(error);
    }
  }

  async function clientOrThrow(principal: Principal, clientId: string) {
    const client = await repo.clientById(principal.workspace.id, clientId);
    if (!client) throw clientErrors.notFound();
    return client;
  }

  async function editableClient(principal: Principal, clientId: string) {
    const client = await clientOrThrow(principal, clientId);
    if (!canEditClient(actorOf(principal), client)) throw clientErrors.forbidden();
    return client;
  }

  async function checkOwner(principal: Principal, ownerId: string | null | undefined) {
    if (ownerId && !(await workspacesRepository.userInWorkspace(principal.workspace.id, ownerId))) throw clientErrors.ownerNotFound();
  }

  /**
   * Changes one client's status: the row, then what every change records (`recordStatusChanges`: history, audit
   * event, listeners), all in the caller's transaction. Null when the client already has that status (nothing is written).
   * Callers check who may do it (the client route: owner, manager or admin; recovery: the absence's owner).
   */
  async function setStatus(
    tx: Db,
    input: { workspaceId: string; clientId: string; status: ClientStatus; reason: string; actorId: string | null; source?: string },
  ): Promise<ClientStatusChange | null> {
    const client = await repo.lockClientStatus(tx, input.workspaceId, input.clientId);
    if (!client) throw clientErrors.notFound();
    if (client.status === input.status) return null;
    const now = clock.now();
    await repo.updateClient(tx, input.workspaceId, input.clientId, { status: input.status }, now);
    const change: ClientStatusChange = {
      workspaceId: input.workspaceId,
      clientId: input.clientId,
      clientOwnerId: client.ownerId,
      from: client.status,
      to: input.status,
      reason: input.reason,
      actorId: input.actorId,
      at: now,
    };
    await recordStatusChanges({ auditLog, clientsRepository: repo, onStatusChanged }, tx, [change], input.source);
    return change;
  }

  async function detail(principal: Principal, clientId: string) {
    const client = await clientOrThrow(principal, clientId);
    const contacts = await repo.contactsOf(clientId);
    const projects = await repo.projectsOf(clientId);
    const statusHistory = await repo.statusHistoryOf(clientId);
    return presentClientDetail(client, { contacts, projects, statusHistory, canEdit: canEditClient(actorOf(principal), client) });
  }

  return {
    list: (principal: Principal, filters: ClientFilters) => repo.listClients(principal.workspace.id, filters),

    detail,

    async create(principal: Principal, raw: unknown) {
      const input = createClientSchema.parse(raw);
      const ownerId = input.ownerId === undefined ? principal.user.id : input.ownerId;
      await checkOwner(principal, ownerId);
      const client = await write(async (tx) => {
        const created = await repo.insertClient(
          tx,
          {
            workspaceId: principal.workspace.id,
            name: input.name,
            tier: input.tier,
            status: input.status,
            language: input.language ?? principal.workspace.defaultLanguage,
            ownerId,
            notes: input.notes,
            domains: [...new Set(input.domains)],
            contacts: input.contacts,
            projects: [],
          },
          principal.user.id,
          clock.now(),
        );
        await audit(tx, principal, 'client.created', 'client', created.id, {
          name: created.name,
          tier: created.tier,
          status: created.status,
          domains: input.domains,
        });
        return created;
      });
      return detail(principal, client.id);
    },

    async update(principal: Principal, clientId: string, raw: unknown) {
      const { domains, ...changes } = updateClientSchema.parse(raw);
      const client = await editableClient(principal, clientId);
      await checkOwner(principal, changes.ownerId);
      await write(async (tx) => {
        if (Object.keys(changes).length) await repo.updateClient(tx, principal.workspace.id, clientId, changes, clock.now());
        if (domains) await repo.replaceDomains(tx, principal.workspace.id, clientId, [...new Set(domains)]);
        await audit(tx, principal, 'client.updated', 'client', clientId, {
          changes: { ...changes, ...(domains ? { domains } : {}) },
          before: { name: client.name, tier: client.tier, ownerId: client.ownerId, domains: client.domains },
        });
      });
      return detail(principal, clientId);
    },

    async changeStatus(principal: Principal, clientId: string, raw: ChangeStatusInput) {
      const input = changeStatusSchema.parse(raw);
      const client = await editableClient(principal, clientId);
      if (client.status === input.status) throw clientErrors.sameStatus();
      await write(async (tx) => {
        const change = await setStatus(tx, {
          workspaceId: principal.workspace.id,
          clientId,
          status: input.status,
          reason: input.reason,
          actorId: principal.user.id,
        });
        if (!change) throw clientErrors.sameStatus();
      });
      return detail(principal, clientId);
    },

    setStatus,

    async setArchived(principal: Principal, clientId: string, archived: boolean) {
      const client = await editableClient(principal, clientId);
      if (archived && client.archivedAt) throw clientErrors.alreadyArchived();
      if (!archived && !client.archivedAt) throw clientErrors.notArchived();
      const now = clock.now();
      await write(async (tx) => {
        await repo.updateClient(tx, principal.workspace.id, clientId, { archivedAt: archived ? now : null }, now);
        await audit(tx, principal, archived ? 'client.archived' : 'client.unarchived', 'client', clientId, { name: client.name });
      });
      return detail(principal, clientId);
    },

    async addContact(principal: Principal, clientId: string, raw: ContactInput) {
      const input = contactInputSchema.parse(raw);
      await editableClient(principal, clientId);
      await write(async (tx) => {
        const contactId = await repo.insertContact(tx, principal.workspace.id, clientId, {
          ...input,
          emails: [...new Set(input.emails)],
        });
        await audit(tx, principal, 'contact.created', 'contact', contactId, { clientId, name: input.name, emails: input.emails });
      });
      return detail(principal, clientId);
    },

    async updateContact(principal: Principal, clientId: string, contactId: string, raw: unknown) {
      const changes = updateContactSchema.parse(raw);
      await editableClient(principal, clientId);
      if (!(await repo.contactById(clientId, contactId))) throw clientErrors.contactNotFound();
      await write(async (tx) => {
        await repo.updateContact(tx, principal.workspace.id, contactId, {
          ...changes,
          ...(changes.emails ? { emails: [...new Set(changes.emails)] } : {}),
        });
        await audit(tx, principal, 'contact.updated', 'contact', contactId, { clientId, changes });
      });
      return detail(principal, clientId);
    },

    async deleteContact(principal: Principal, clientId: string, contactId: string) {
      await editableClient(principal, clientId);
      const contact = await repo.contactById(clientId, contactId);
      if (!contact) throw clientErrors.contactNotFound();
      await write(async (tx) => {
        await repo.deleteContact(tx, contactId);
        await audit(tx, principal, 'contact.deleted', 'contact', contactId, { clientId, name: contact.name });
      });
      return detail(principal, clientId);
    },

    async addProject(principal: Principal, clientId: string, raw: ProjectInput) {
      const input = projectInputSchema.parse(raw);
      const client = await editableClient(principal, clientId);
      await checkOwner(principal, input.ownerId);
      await write(async (tx) => {
        const project = await repo.insertProject(tx, {
          workspaceId: principal.workspace.id,
          clientId,
          name: input.name,
          status: input.status,
          ownerId: input.ownerId === undefined ? client.ownerId : input.ownerId,
        });
        await audit(tx, principal, 'project.created', 'project', project.id, { clientId, name: project.name, status: project.status });
      });
      return detail(principal, clientId);
    },

    async updateProject(principal: Principal, clientId: string, projectId: string, raw: unknown) {
      const changes = updateProjectSchema.parse(raw);
      await editableClient(principal, clientId);
      if (!(await repo.projectById(clientId, projectId))) throw clientErrors.projectNotFound();
      await checkOwner(principal, changes.ownerId);
      await write(async (tx) => {
        await repo.updateProject(tx, projectId, changes);
        await audit(tx, principal, 'project.updated', 'project', projectId, { clientId, changes });
      });
      return detail(principal, clientId);
    },

    async deleteProject(principal: Principal, clientId: string, projectId: string) {
      await editableClient(principal, clientId);
      const project = await repo.projectById(clientId, projectId);
      if (!project) throw clientErrors.projectNotFound();
      await write(async (tx) => {
        await repo.deleteProject(tx, projectId);
        await audit(tx, principal, 'project.deleted', 'project', projectId, { clientId, name: project.name });
      });
      return detail(principal, clientId);
    },
  };
}
export type ClientsUseCases = ReturnType<typeof createClientsUseCases>;
