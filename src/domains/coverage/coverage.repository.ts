import { and, asc, desc, eq, getTableColumns, inArray, isNull, ne, or, type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { ContactState, EscalationState } from '../../contracts/coverage.contracts';
import { type Db, queryRows } from '../../platform/db/database';
import { fromJsonRows, jsonRowsOf } from '../../platform/db/json-rows';
import { awayAbsencesFromJson, othersOverlappingJson } from '../absences/absences.lookup';
import type { AbsenceRow } from '../absences/absences.repository';
import { absences } from '../absences/absences.schema';
import { sharedBriefFromJson, sharedBriefJson } from '../absences/briefs.lookup';
import { clients } from '../clients/clients.schema';
import { mailMessages } from '../mail/mail.schema';
import { users } from '../workspaces/workspaces.schema';
import { conversations, coverageActivities, coverageContacts, coverageMessages, coverageSettings, escalations } from './coverage.schema';

export type ContactRow = typeof coverageContacts.$inferSelect;
export type EscalationRow = typeof escalations.$inferSelect;

const first = <T>(rows: T[]): T | null => rows[0] ?? null;
const assignee = alias(users, 'assignee');
const owner = alias(users, 'owner');

// A contact is shown with its client, owner and assignee: one query (PGlite serves one query at a time).
const shownWith = {
  clientName: clients.name,
  tier: clients.tier,
  clientStatus: clients.status,
  assigneeName: assignee.name,
  ownerName: owner.name,
  messageCount: sql<number>`(select count(*) from coverage_messages m where m.contact_id = ${coverageContacts.id})`.mapWith(Number),
  // A scalar subquery rather than EXISTS: PostgreSQL may turn an EXISTS into a hash of every escalation of the database
  // (planned for all the contacts the filter could match, not the queue's limit); this probes the index once a line.
  escalated: sql<boolean>`coalesce((select true from escalations e where e.contact_id = ${coverageContacts.id} limit 1), false)`.mapWith(
    Boolean,
  ),
};
const column = getTableColumns(coverageContacts);
/**
 * Only what a queue line shows (the contract's ContactSummary): a queue has up to 500 lines, and PGlite spends more
 * time decoding each value it returns than finding the rows.
 */
const summaryColumns = {
  contact: {
    id: column.id,
    absenceId: column.absenceId,
    ownerId: column.ownerId,
    clientId: column.clientId,
    kind: column.kind,
    state: column.state,
    subject: column.subject,
    excerpt: column.excerpt,
    fromAddress: column.fromAddress,
    fromName: column.fromName,
    language: column.language,
    receivedAt: column.receivedAt,
    assigneeId: column.assigneeId,
    assigneeRole: column.assigneeRole,
    warnAt: column.warnAt,
    dueAt: column.dueAt,
    firstResponseAt: column.firstResponseAt,
    outcome: column.outcome,
    outcomeNote: column.outcomeNote,
    followUpOn: column.followUpOn,
    closedAt: column.closedAt,
    signals: column.signals,
  },
  ...shownWith,
};
function selectContacts(tx: Db) {
  return tx
    .select({ contact: coverageContacts, clientLanguage: clients.language, ...shownWith })
    .from(coverageContacts)
    .leftJoin(clients, eq(clients.id, coverageContacts.clientId))
    .innerJoin(assignee, eq(assignee.id, coverageContacts.assigneeId))
    .innerJoin(owner, eq(owner.id, coverageContacts.ownerId));
}
function selectSummaries(tx: Db) {
  return tx
    .select(summaryColumns)
    .from(coverageContacts)
    .leftJoin(clients, eq(clients.id, coverageContacts.clientId))
    .innerJoin(assignee, eq(assignee.id, coverageContacts.assigneeId))
    .innerJoin(owner, eq(owner.id, coverageContacts.ownerId));
}
export type ContactView = Awaited<ReturnType<typeof selectContacts>>[number];
export type ContactSummaryView = Awaited<ReturnType<typeof selectSummaries>>[number];
/** A contact as the return briefing and the report read it: the queue's summary, and who answered and closed it. */
export type AbsenceContactView = ContactSummaryView & {
  contact: ContactSummaryView['contact'] & Pick<ContactRow, 'firstResponderId' | 'closedBy' | 'createdBy'>;
};
type Dated<T, K extends keyof T> = Omit<T, K> & { [P in K]: T[P] extends Date ? string : string | null };
/** The same contact as the JSON array carries it: times as ISO strings. */
type AbsenceContactJson = Dated<AbsenceContactView['contact'], 'receivedAt' | 'warnAt' | 'dueAt' | 'firstResponseAt' | 'closedAt'> &
  Omit<AbsenceContactView, 'contact'>;

export type QueueFilter = {
  state: ContactState | 'all';
  clientId?: string | undefined;
  tier?: 'key' | 'standard' | 'triage' | undefined;
  /** Assigned or escalated to this person. */
  mineOf?: string;
  /** Contacts of absences this person is involved in (owner, delegate, manager); omitted for admins. */
  involving?: string;
  limit: number;
};

const byWorkspaceId = sql.placeholder('workspaceId');
const byId = sql.placeholder('id');

/** A user's name, for a row nested as JSON (where a join would need its own alias per person). */
const nameOf = (userId: SQLWrapper) => sql<string | null>`(select ${users.name} from ${users} where ${users.id} = ${userId})`;

// The contact's lists, each as one JSON array read in the contact's own query.
/** Its escalations, oldest first, each with the names it shows. */
const escalationFields = {
  ...getTableColumns(escalations),
  recipientName: nameOf(escalations.recipientId),
  acknowledgedByName: nameOf(escalations.acknowledgedBy),
  resolvedByName: nameOf(escalations.resolvedBy),
};
const escalationsJson = jsonRowsOf({
  fields: escalationFields,
  from: sql`${escalations} where ${escalations.contactId} = ${coverageContacts.id}`,
  orderBy: escalations.createdAt,
});
const messageColumns = {
  id: mailMessages.id,
  fromAddress: mailMessages.fromAddress,
  fromName: mailMessages.fromName,
  subject: mailMessages.subject,
  receivedAt: mailMessages.receivedAt,
  textBody: mailMessages.textBody,
  safeHtml: mailMessages.safeHtml,
  messageIdHeader: mailMessages.messageIdHeader,
  references: mailMessages.references,
  mailboxId: mailMessages.mailboxId,
};
/** Its messages, oldest first. */
const messagesJson = jsonRowsOf({
  fields: messageColumns,
  from: sql`${coverageMessages} inner join ${mailMessages} on ${mailMessages.id} = ${coverageMessages.messageId}
    where ${coverageMessages.contactId} = ${coverageContacts.id}`,
  orderBy: mailMessages.receivedAt,
});
/** Its activities, oldest first, with who did them. */
const activityFields = { ...getTableColumns(coverageActivities), actorName: nameOf(coverageActivities.actorId) };
const activitiesJson = jsonRowsOf({
  fields: activityFields,
  from: sql`${coverageActivities} where ${coverageActivities.contactId} = ${coverageContacts.id}`,
  orderBy: coverageActivities.at,
});

const absence = alias(absences, 'absence');
const backup = alias(users, 'backup');
const manager = alias(users, 'manager');

/**
 * A contact as the console opens it or acts on it, in one round trip (each costs more than what it carries): the
 * contact, its absence (who may see it and act), its escalations with their names, its messages and activities, its
 * client's shared brief, and what the hand-off depends on (the backup's and the manager's names, and their own
 * absences that overlap this one).
 */
function selectConsoleContact(db: Db) {
  return db
    .select({
      contact: coverageContacts,
      clientLanguage: clients.language,
      ...shownWith,
      absence,
      backupName: backup.name,
      managerName: manager.name,
      escalations: escalationsJson,
      messages: messagesJson,
      activities: activitiesJson,
      othersOverlapping: othersOverlappingJson(absence),
      brief: sharedBriefJson(coverageContacts),
    })
    .from(coverageContacts)
    .leftJoin(clients, eq(clients.id, coverageContacts.clientId))
    .innerJoin(assignee, eq(assignee.id, coverageContacts.assigneeId))
    .innerJoin(owner, eq(owner.id, coverageContacts.ownerId))
    .innerJoin(absence, and(eq(absence.id, coverageContacts.absenceId), eq(absence.workspaceId, coverageContacts.workspaceId)))
    .leftJoin(backup, eq(backup.id, absence.backupDelegateId))
    .leftJoin(manager, eq(manager.id, absence.managerId))
    .where(and(eq(coverageContacts.workspaceId, byWorkspaceId), eq(coverageContacts.id, byId)));
}

/** What the console reads for every contact it opens, built once (PostgreSQL also keeps each one's plan per connection). */
function prepareContactReads(db: Db) {
  return {
    contactView: selectContacts(db)
      .where(and(eq(coverageContacts.workspaceId, byWorkspaceId), eq(coverageContacts.id, byId)))
      .prepare('coverage_contact_view'),
    consoleContact: selectConsoleContact(db).prepare('coverage_console_contact'),
    userNames: db
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(and(eq(users.workspaceId, byWorkspaceId), sql`${users.id} = any(${sql.placeholder('ids')}::uuid[])`))
      .prepare('coverage_user_names'),
  };
}

/** Which filters a queue read has; its values are bound when it runs. */
type QueueShape = {
  state: 'any' | 'one';
  client: 'any' | 'one';
  tier: 'any' | 'triage' | 'one';
  people: 'all' | 'mine' | 'involving';
};
const queueShapeOf = (filter: QueueFilter): QueueShape => ({
  state: filter.state === 'all' ? 'any' : 'one',
  client: filter.clientId ? 'one' : 'any',
  tier: filter.tier === 'triage' ? 'triage' : filter.tier ? 'one' : 'any',
  people: filter.mineOf ? 'mine' : filter.involving ? 'involving' : 'all',
});

function selectQueue(db: Db, shape: QueueShape) {
  const me = sql.placeholder('me');
  const conditions: (SQL | undefined)[] = [eq(coverageContacts.workspaceId, byWorkspaceId)];
  if (shape.state === 'one') conditions.push(eq(coverageContacts.state, sql.placeholder('state')));
  if (shape.client === 'one') conditions.push(eq(coverageContacts.clientId, sql.placeholder('clientId')));
  if (shape.tier === 'triage') conditions.push(isNull(coverageContacts.clientId));
  else if (shape.tier === 'one') conditions.push(eq(clients.tier, sql.placeholder('tier')));
  if (shape.people === 'mine') {
    // Uncorrelated on purpose: PostgreSQL hashes the escalated contacts once ("hashed SubPlan") instead of probing
    // the escalations for every contact read, so the queue index below is walked in order and stops at the limit.
    conditions.push(
      or(
        eq(coverageContacts.assigneeId, me),
        inArray(coverageContacts.id, db.select({ id: escalations.contactId }).from(escalations).where(eq(escalations.recipientId, me))),
      ),
    );
  }
  if (shape.people === 'involving') {
    conditions.push(
      inArray(
        coverageContacts.absenceId,
        db
          .select({ id: absences.id })
          .from(absences)
          .where(
            and(
              eq(absences.workspaceId, byWorkspaceId),
              or(
                eq(absences.ownerId, me),
                eq(absences.primaryDelegateId, me),
                eq(absences.backupDelegateId, me),
                eq(absences.managerId, me),
              ),
            ),
          ),
      ),
    );
  }
  return selectSummaries(db)
    .where(and(...conditions))
    .orderBy(sql`${coverageContacts.dueAt} asc nulls last`, asc(coverageContacts.receivedAt))
    .limit(sql.placeholder('limit'));
}

/** All SQL of the coverage domain: conversations, contacts, their timeline, escalations and settings. */
export function createCoverageRepository({ db }: { db: Db }) {
  const prepared = prepareContactReads(db);
  const preparedQueues = new Map<string, ReturnType<ReturnType<typeof selectQueue>['prepare']>>();
  return {
    settings: async (workspaceId: string, tx: Db = db) =>
      first(await tx.select().from(coverageSettings).where(eq(coverageSettings.workspaceId, workspaceId)))?.settings ?? null,

    saveSettings: (tx: Db, workspaceId: string, settings: Record<string, unknown>, now: Date) =>
      tx
        .insert(coverageSettings)
        .values({ workspaceId, settings, updatedAt: now })
        .onConflictDoUpdate({ target: coverageSettings.workspaceId, set: { settings, updatedAt: now } }),

    /** The conversation of a client (or of the unknown senders) in an absence, created on first use. */
    async conversationId(tx: Db, input: { workspaceId: string; absenceId: string; clientId: string | null; now: Date }) {
      await tx
        .insert(conversations)
        .values({ workspaceId: input.workspaceId, absenceId: input.absenceId, clientId: input.clientId, createdAt: input.now })
        .onConflictDoNothing();
      const row = first(
        await tx
          .select({ id: conversations.id })
          .from(conversations)
          .where(
            and(
              eq(conversations.absenceId, input.absenceId),
              input.clientId ? eq(conversations.clientId, input.clientId) : isNull(conversations.clientId),
            ),
          ),
      );
      if (!row) throw new Error('conversation insert found nothing');
      return row.id;
    },

    isRouted: async (tx: Db, messageId: string) =>
      (await tx.select({ id: coverageMessages.messageId }).from(coverageMessages).where(eq(coverageMessages.messageId, messageId))).length >
      0,

    /** Records that a message was routed to a contact; false when it already was (a retry or another instance). */
    linkMessage: async (tx: Db, values: typeof coverageMessages.$inferInsert) =>
      (await tx.insert(coverageMessages).values(values).onConflictDoNothing().returning()).length > 0,

    /** The open contact of a mail thread in this absence, which a new message of that thread joins. */
    openContactInThread: async (tx: Db, absenceId: string, threadId: string) =>
      first(
        await tx
          .select()
          .from(coverageContacts)
          .where(
            and(eq(coverageContacts.absenceId, absenceId), eq(coverageContacts.threadId, threadId), eq(coverageContacts.state, 'open')),
          )
          .orderBy(desc(coverageContacts.receivedAt))
          .limit(1),
      ),

    /** Other contacts of the client in this absence still waiting for a first response. */
    unansweredOfClient: async (tx: Db, absenceId: string, clientId: string, exceptId: string) =>
      (
        await tx
          .select({ id: coverageContacts.id })
          .from(coverageContacts)
          .where(
            and(
              eq(coverageContacts.absenceId, absenceId),
              eq(coverageContacts.clientId, clientId),
              eq(coverageContacts.state, 'open'),
              isNull(coverageContacts.firstResponseAt),
              ne(coverageContacts.id, exceptId),
            ),
          )
      ).length,

    insertContact: async (tx: Db, values: typeof coverageContacts.$inferInsert) => {
      const row = first(await tx.insert(coverageContacts).values(values).returning());
      if (!row) throw new Error('contact insert returned nothing');
      return row;
    },

    lockContact: async (tx: Db, workspaceId: string, id: string) =>
      first(
        await tx
          .select()
          .from(coverageContacts)
          .where(and(eq(coverageContacts.workspaceId, workspaceId), eq(coverageContacts.id, id)))
          .for('update'),
      ),

    /** Nothing to change (a second reply, a call after the first response) reads the row as it is. */
    updateContact: async (tx: Db, id: string, values: Partial<typeof coverageContacts.$inferInsert>) =>
      Object.keys(values).length === 0
        ? first(await tx.select().from(coverageContacts).where(eq(coverageContacts.id, id)))
        : first(await tx.update(coverageContacts).set(values).where(eq(coverageContacts.id, id)).returning()),

    /** The absence's contacts still open, locked: what the owner takes back on return. */
    openContactsOfAbsence: (tx: Db, absenceId: string) =>
      tx
        .select()
        .from(coverageContacts)
        .where(and(eq(coverageContacts.absenceId, absenceId), eq(coverageContacts.state, 'open')))
        .for('update'),

    /**
     * Every contact of an absence, with client and people, for the return briefing and the report: thousands of rows.
     * PGlite spends most of a large read decoding values one by one (and Drizzle mapping them), so the rows come back
     * as one JSON array, parsed at once: about a third less CPU for 10,000 contacts. Message counts and escalations are
     * joined once per absence rather than looked up per row.
     */
    async contactsOfAbsence(workspaceId: string, absenceId: string): Promise<AbsenceContactView[]> {
      const [result] = await queryRows<{ rows: string }>(
        db,
        sql`select coalesce(json_agg(json_build_object(
              'id', c.id, 'absenceId', c.absence_id, 'ownerId', c.owner_id, 'clientId', c.client_id, 'kind', c.kind,
              'state', c.state, 'subject', c.subject, 'excerpt', c.excerpt, 'fromAddress', c.from_address,
              'fromName', c.from_name, 'language', c.language, 'receivedAt', c.received_at, 'assigneeId', c.assignee_id,
              'assigneeRole', c.assignee_role, 'warnAt', c.warn_at, 'dueAt', c.due_at, 'firstResponseAt', c.first_response_at,
              'firstResponderId', c.first_responder_id, 'outcome', c.outcome, 'outcomeNote', c.outcome_note,
              'followUpOn', c.follow_up_on, 'closedAt', c.closed_at, 'closedBy', c.closed_by, 'createdBy', c.created_by,
              'signals', c.signals, 'clientName', cl.name, 'tier', cl.tier, 'clientStatus', cl.status,
              'assigneeName', assignee.name, 'ownerName', owner.name, 'messageCount', coalesce(counts.n, 0),
              'escalated', escalated.contact_id is not null
            ) order by c.received_at), '[]')::text as rows
            from coverage_contacts c
            left join clients cl on cl.id = c.client_id
            join users assignee on assignee.id = c.assignee_id
            join users owner on owner.id = c.owner_id
            left join (
              select contact_id, count(*) as n from coverage_messages
              where contact_id in (select id from coverage_contacts where absence_id = ${absenceId})
              group by contact_id
            ) counts on counts.contact_id = c.id
            left join (select distinct contact_id from escalations where absence_id = ${absenceId}) escalated on escalated.contact_id = c.id
            where c.workspace_id = ${workspaceId} and c.absence_id = ${absenceId}`,
      );
      const date = (value: string | null) => (value === null ? null : new Date(value));
      return (JSON.parse(result?.rows ?? '[]') as AbsenceContactJson[]).map((row) => {
        const { clientName, tier, clientStatus, assigneeName, ownerName, messageCount, escalated, ...contact } = row;
        return {
          contact: {
            ...contact,
            receivedAt: new Date(contact.receivedAt),
            warnAt: date(contact.warnAt),
            dueAt: date(contact.dueAt),
            firstResponseAt: date(contact.firstResponseAt),
            closedAt: date(contact.closedAt),
          },
          clientName,
          tier,
          clientStatus,
          assigneeName,
          ownerName,
          messageCount: Number(messageCount),
          escalated,
        };
      });
    },

    escalationsOfAbsence: (workspaceId: string, absenceId: string) =>
      db
        .select()
        .from(escalations)
        .where(and(eq(escalations.workspaceId, workspaceId), eq(escalations.absenceId, absenceId)))
        .orderBy(asc(escalations.createdAt)),

    messagesOfAbsence: (workspaceId: string, absenceId: string) =>
      db
        .select({
          id: mailMessages.id,
          contactId: coverageMessages.contactId,
          fromName: mailMessages.fromName,
          fromAddress: mailMessages.fromAddress,
          subject: mailMessages.subject,
          receivedAt: mailMessages.receivedAt,
          textBody: mailMessages.textBody,
          rawSha256: mailMessages.rawSha256,
        })
        .from(coverageMessages)
        .innerJoin(coverageContacts, eq(coverageContacts.id, coverageMessages.contactId))
        .innerJoin(mailMessages, eq(mailMessages.id, coverageMessages.messageId))
        .where(and(eq(coverageContacts.workspaceId, workspaceId), eq(coverageContacts.absenceId, absenceId)))
        .orderBy(asc(mailMessages.receivedAt)),

    insertActivity: (tx: Db, values: typeof coverageActivities.$inferInsert) => tx.insert(coverageActivities).values(values),

    contactView: async (workspaceId: string, id: string, tx: Db = db): Promise<ContactView | null> =>
      first(
        tx === db
          ? await prepared.contactView.execute({ workspaceId, id })
          : await selectContacts(tx).where(and(eq(coverageContacts.workspaceId, workspaceId), eq(coverageContacts.id, id))),
      ),

    /** Each kind of queue (which filters it has) is built once, its values bound at each read. */
    async queue(workspaceId: string, filter: QueueFilter): Promise<ContactSummaryView[]> {
      const shape = queueShapeOf(filter);
      const name = `coverage_queue_${shape.state}_${shape.client}_${shape.tier}_${shape.people}`;
      let query = preparedQueues.get(name);
      if (!query) {
        query = selectQueue(db, shape).prepare(name);
        preparedQueues.set(name, query);
      }
      const { state, clientId, tier, limit } = filter;
      return query.execute({ workspaceId, state, clientId, tier, limit, me: filter.mineOf ?? filter.involving });
    },

    /** A contact as the console opens it or acts on it (`selectConsoleContact`); null when not in this workspace. */
    async consoleContact(workspaceId: string, id: string) {
      const [row] = await prepared.consoleContact.execute({ workspaceId, id });
      if (!row) return null;
      const {
        absence,
        backupName,
        managerName,
        escalations: escalationsJson,
        messages,
        activities,
        othersOverlapping,
        brief,
        ...view
      } = row;
      const escalationRows = fromJsonRows(escalationFields, escalationsJson);
      const names = new Map<string, string>();
      const name = (id: string | null, name: string | null) => id && name !== null && names.set(id, name);
      name(absence.backupDelegateId, backupName);
      name(absence.managerId, managerName);
      for (const row of escalationRows) {
        name(row.recipientId, row.recipientName);
        name(row.acknowledgedBy, row.acknowledgedByName);
        name(row.resolvedBy, row.resolvedByName);
      }
      return {
        view: view satisfies ContactView,
        absence: absence satisfies AbsenceRow,
        escalations: escalationRows satisfies EscalationRow[],
        /** The names of the people its escalations and its hand-off show. */
        names,
        messages: fromJsonRows(messageColumns, messages),
        activities: fromJsonRows(activityFields, activities),
        othersOverlapping: awayAbsencesFromJson(othersOverlapping),
        brief: sharedBriefFromJson(brief),
      };
    },

    // Escalations ----------------------------------------------------------------------------

    /** Null when this contact already has this escalation (retries and other instances find it there). */
    insertEscalation: async (tx: Db, values: typeof escalations.$inferInsert) =>
      first(await tx.insert(escalations).values(values).onConflictDoNothing().returning()),

    listEscalations: (workspaceId: string, filter: { state: EscalationState | 'all'; recipientId?: string }) =>
      db
        .select()
        .from(escalations)
        .where(
          and(
            eq(escalations.workspaceId, workspaceId),
            filter.state === 'all' ? undefined : eq(escalations.state, filter.state),
            filter.recipientId ? eq(escalations.recipientId, filter.recipientId) : undefined,
          ),
        )
        .orderBy(desc(escalations.createdAt))
        .limit(500),

    lockEscalation: async (tx: Db, workspaceId: string, id: string) =>
      first(
        await tx
          .select()
          .from(escalations)
          .where(and(eq(escalations.workspaceId, workspaceId), eq(escalations.id, id)))
          .for('update'),
      ),

    updateEscalation: async (tx: Db, id: string, values: Partial<typeof escalations.$inferInsert>) =>
      first(await tx.update(escalations).set(values).where(eq(escalations.id, id)).returning()),

    /** Names of the people an escalation list mentions, in one query. */
    userNames: async (workspaceId: string, ids: string[]) => {
      if (ids.length === 0) return new Map<string, string>();
      const rows = await prepared.userNames.execute({ workspaceId, ids: [...new Set(ids)] });
      return new Map(rows.map((row) => [row.id, row.name]));
    },
  };
}
export type CoverageRepository = ReturnType<typeof createCoverageRepository>;
