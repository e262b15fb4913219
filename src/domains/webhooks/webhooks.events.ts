// The body of each webhook event, built from the audit event inside the transaction that records it, with what
// the other domains' lookups say at that moment. Facts only: ids, names, dates, states and links back to Baton.
// Free text people wrote (notes, reasons) stays in Baton, behind its sign-in; `url` leads there.
import type { ClientTier } from '../../contracts/clients.contracts';
import { WEBHOOK_TEST_EVENT, type WebhookEventType } from '../../contracts/webhooks.contracts';
import type { Db } from '../../platform/db/database';
import type { StoredAuditEvent } from '../audit/audit.models';
import type { Person } from '../workspaces/people.lookup';
import { webhookEventIdOf } from './webhooks.models';

/** What the webhooks domain reads of other domains, composed by `app/dependencies.ts` from their lookups. */
export type WebhookFacts = {
  workspace(tx: Db, workspaceId: string): Promise<{ id: string; slug: string; name: string } | null>;
  people(tx: Db, workspaceId: string, ids: (string | null | undefined)[]): Promise<Map<string, Person>>;
  absence(
    tx: Db,
    workspaceId: string,
    absenceId: string,
  ): Promise<{
    id: string;
    ownerId: string;
    primaryDelegateId: string;
    backupDelegateId: string | null;
    managerId: string;
    startsAt: Date;
    endsAt: Date;
    returnedAt: Date | null;
  } | null>;
  client(
    tx: Db,
    workspaceId: string,
    clientId: string,
  ): Promise<{ id: string; name: string; tier: ClientTier; ownerId: string | null } | null>;
};

export type WebhookBody = {
  id: string;
  type: WebhookEventType | typeof WEBHOOK_TEST_EVENT;
  occurredAt: string;
  workspace: { id: string; slug: string; name: string };
  data: Record<string, unknown>;
};

const text = (value: unknown) => (typeof value === 'string' ? value : null);

export function createWebhookEvents({ facts, baseUrl }: { facts: WebhookFacts; baseUrl: string }) {
  const link = (path: string) => `${baseUrl}${path}`;

  async function absenceData(tx: Db, workspaceId: string, absenceId: string | null) {
    const absence = absenceId ? await facts.absence(tx, workspaceId, absenceId) : null;
    if (!absence) return { absence: null, people: new Map<string, Person>() };
    const people = await facts.people(tx, workspaceId, [
      absence.ownerId,
      absence.primaryDelegateId,
      absence.backupDelegateId,
      absence.managerId,
    ]);
    const person = (id: string | null) => (id ? (people.get(id) ?? null) : null);
    return {
      people,
      absence: {
        id: absence.id,
        url: link(`/absences/${absence.id}`),
        owner: person(absence.ownerId),
        primaryDelegate: person(absence.primaryDelegateId),
        backupDelegate: person(absence.backupDelegateId),
        manager: person(absence.managerId),
        startsAt: absence.startsAt.toISOString(),
        endsAt: absence.endsAt.toISOString(),
        returnedAt: absence.returnedAt?.toISOString() ?? null,
      },
    };
  }

  async function clientData(tx: Db, workspaceId: string, clientId: string | null) {
    const client = clientId ? await facts.client(tx, workspaceId, clientId) : null;
    if (!client) return null;
    const owner = client.ownerId ? ((await facts.people(tx, workspaceId, [client.ownerId])).get(client.ownerId) ?? null) : null;
    return { id: client.id, name: client.name, tier: client.tier, url: link(`/clients/${client.id}`), owner };
  }

  /** The absence of a coverage contact, shortened to who was away. */
  async function contactAbsence(tx: Db, workspaceId: string, absenceId: string | null) {
    const { absence } = await absenceData(tx, workspaceId, absenceId);
    return absence ? { id: absence.id, url: absence.url, owner: absence.owner } : null;
  }

  async function dataOf(tx: Db, type: WebhookEventType, event: StoredAuditEvent): Promise<Record<string, unknown>> {
    const { workspaceId, data } = event;
    switch (type) {
      case 'absence.started': {
        const { absence } = await absenceData(tx, workspaceId, event.subjectId);
        return {
          absence,
          handover: {
            readiness: typeof data.readiness === 'number' ? data.readiness : null,
            gateOpen: data.gateOpen === true,
            gateOverridden: data.overridden === true,
          },
        };
      }
      case 'absence.returned': {
        const { absence } = await absenceData(tx, workspaceId, event.subjectId);
        return { absence, early: data.early === true };
      }
      case 'coverage.escalation_raised': {
        const people = await facts.people(tx, workspaceId, [text(data.recipientId), text(data.delegateId)]);
        return {
          escalation: {
            id: text(data.escalationId),
            rule: text(data.rule),
            target: text(data.target),
            recipient: people.get(text(data.recipientId) ?? '') ?? null,
          },
          contact: { id: event.subjectId, url: link(`/coverage/contacts/${event.subjectId}`) },
          client: await clientData(tx, workspaceId, text(data.clientId)),
          absence: await contactAbsence(tx, workspaceId, text(data.absenceId)),
          delegate: people.get(text(data.delegateId) ?? '') ?? null,
        };
      }
      case 'coverage.no_information': {
        const people = await facts.people(tx, workspaceId, [event.actorId]);
        return {
          contact: { id: event.subjectId, url: link(`/coverage/contacts/${event.subjectId}`) },
          client: await clientData(tx, workspaceId, text(data.clientId)),
          absence: await contactAbsence(tx, workspaceId, text(data.absenceId)),
          delegate: people.get(event.actorId ?? '') ?? null,
        };
      }
      case 'client.lost':
      case 'client.won_back': {
        const people = await facts.people(tx, workspaceId, [event.actorId]);
        return {
          client: await clientData(tx, workspaceId, event.subjectId),
          from: text(data.from),
          to: text(data.to),
          changedBy: people.get(event.actorId ?? '') ?? null,
        };
      }
    }
  }

  async function workspaceOf(tx: Db, workspaceId: string) {
    return (await facts.workspace(tx, workspaceId)) ?? { id: workspaceId, slug: '', name: '' };
  }

  return {
    /** The body of the webhook event an audit event is, read in its transaction. */
    async bodyOf(tx: Db, type: WebhookEventType, event: StoredAuditEvent): Promise<WebhookBody> {
      return {
        id: webhookEventIdOf(event.hash),
        type,
        occurredAt: event.occurredAt,
        workspace: await workspaceOf(tx, event.workspaceId),
        data: await dataOf(tx, type, event),
      };
    },
    /** "Send test event": the same envelope, with nothing but the endpoint's id in it. */
    async testBody(tx: Db, workspaceId: string, input: { eventId: string; webhookId: string; at: Date }): Promise<WebhookBody> {
      return {
        id: input.eventId,
        type: WEBHOOK_TEST_EVENT,
        occurredAt: input.at.toISOString(),
        workspace: await workspaceOf(tx, workspaceId),
        data: { webhook: { id: input.webhookId } },
      };
    },
  };
}
export type WebhookEvents = ReturnType<typeof createWebhookEvents>;
