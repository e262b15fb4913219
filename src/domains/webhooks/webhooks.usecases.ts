// Outgoing webhooks: admins register endpoints; each audit event that is a webhook event queues one delivery per
// subscribed endpoint in the event's own transaction (a rolled-back change sends nothing, a committed one always
// queues); the `webhooks.deliver` job POSTs the signed body and the job runner retries it with its backoff.
// Delivery is at least once: a worker that dies mid-request sends again, so receivers skip repeated event ids.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { CreatedWebhook, CreateWebhook, UpdateWebhook, Webhook, WebhookDelivery } from '../../contracts/webhooks.contracts';
import { createWebhookSchema, updateWebhookSchema, WEBHOOK_TEST_EVENT } from '../../contracts/webhooks.contracts';
import type { Clock } from '../../platform/clock/clock';
import type { Db } from '../../platform/db/database';
import { postOutbound } from '../../platform/http/outbound-post';
import { defineJob, enqueueJob, retryDelayMs } from '../../platform/jobs/jobs';
import { createSecretBox, type SecretBox } from '../../platform/security/secret-box';
import type { StoredAuditEvent } from '../audit/audit.models';
import type { AuditLog } from '../audit/audit.repository';
import type { Principal } from '../workspaces/auth.usecases';
import { webhookErrors } from './webhooks.errors';
import type { WebhookEvents } from './webhooks.events';
import {
  type AttemptResult,
  attemptOutcome,
  checkWebhookUrl,
  MAX_WEBHOOKS_PER_WORKSPACE,
  presentDelivery,
  presentWebhook,
  type UrlProblem,
  WEBHOOK_MAX_ATTEMPTS,
  WEBHOOK_TIMEOUT_MS,
  webhookEventOf,
  webhookSignature,
} from './webhooks.models';
import type { WebhookDeliveryRow, WebhookEndpointRow, WebhooksRepository } from './webhooks.repository';

type Deps = {
  db: Db;
  clock: Clock;
  auditLog: AuditLog;
  webhooksRepository: WebhooksRepository;
  events: WebhookEvents;
  secretKey: Buffer | null;
  /** WEBHOOKS_ALLOW_PRIVATE: loopback, private addresses and plain http may receive webhooks. */
  allowPrivate: boolean;
};

const RECENT_DELIVERIES = 50;

const urlErrors: Record<UrlProblem, () => Error> = {
  malformed: webhookErrors.urlMalformed,
  scheme: webhookErrors.urlScheme,
  http: webhookErrors.urlHttp,
  credentials: webhookErrors.urlCredentials,
  private: webhookErrors.urlPrivate,
};

export function createWebhooks(deps: Deps) {
  const { db, clock, webhooksRepository: repo } = deps;
  const box: SecretBox | null = deps.secretKey ? createSecretBox(deps.secretKey) : null;

  function acceptedUrl(text: string) {
    const checked = checkWebhookUrl(text, { allowPrivate: deps.allowPrivate });
    if ('problem' in checked) throw urlErrors[checked.problem]();
    return checked.url;
  }

  async function endpointOf(principal: Principal, webhookId: string) {
    const row = await repo.get(principal.workspace.id, webhookId);
    if (!row) throw webhookErrors.notFound();
    return row;
  }

  const audit = (tx: Db, principal: Principal, action: string, webhookId: string, data: Record<string, unknown>) =>
    deps.auditLog.append(tx, {
      workspaceId: principal.workspace.id,
      actorId: principal.user.id,
      action,
      subjectType: 'webhook',
      subjectId: webhookId,
      data,
    });

  /** One signed POST; never throws: what went wrong is the result. */
  async function attempt(endpoint: WebhookEndpointRow, delivery: Pick<WebhookDeliveryRow, 'eventId' | 'eventType' | 'body'>) {
    let result: AttemptResult;
    try {
      if (!box) throw webhookErrors.secretKeyMissing();
      const secret = box.decrypt(endpoint.secretEncrypted);
      const timestamp = Math.floor(clock.now().getTime() / 1000);
      const response = await postOutbound({
        url: endpoint.url,
        body: delivery.body,
        headers: {
          'user-agent': 'Baton-Webhooks',
          'baton-event-id': delivery.eventId,
          'baton-event-type': delivery.eventType,
          'baton-signature': webhookSignature(secret, timestamp, delivery.body),
        },
        timeoutMs: WEBHOOK_TIMEOUT_MS,
        allowPrivate: deps.allowPrivate,
      });
      result = { statusCode: response.status, location: response.location };
    } catch (error) {
      result = { error: error instanceof Error ? error.message : String(error) };
    }
    return result;
  }

  const deliverJob = defineJob({
    name: 'webhooks.deliver',
    payload: z.object({ deliveryId: z.uuid() }),
    maxAttempts: WEBHOOK_MAX_ATTEMPTS,
    onGiveUp: async ({ deliveryId }) => {
      const found = await repo.deliveryWithEndpoint(deliveryId);
      if (found?.delivery.status !== 'pending') return;
      await repo.updateDelivery(db, deliveryId, { status: 'failed', nextAttemptAt: null, lastError: 'delivery workers kept stopping' });
    },
    handler: async ({ deliveryId }, context) => {
      const found = await repo.deliveryWithEndpoint(deliveryId);
      // Gone with its endpoint, or settled (a retry after the outcome was written).
      if (found?.delivery.status !== 'pending') return;
      const { delivery, endpoint } = found;
      if (!endpoint.enabled) {
        await repo.updateDelivery(db, deliveryId, {
          status: 'cancelled',
          nextAttemptAt: null,
          lastError: 'the webhook was disabled before this delivery was sent',
        });
        return;
      }
      const result = await attempt(endpoint, delivery);
      const now = clock.now();
      const outcome = attemptOutcome(result, { attempt: context.attempt, maxAttempts: WEBHOOK_MAX_ATTEMPTS, now, retryDelayMs });
      await repo.updateDelivery(db, deliveryId, {
        status: outcome.status,
        attempts: delivery.attempts + 1,
        lastAttemptAt: now,
        lastStatusCode: outcome.lastStatusCode,
        lastError: outcome.lastError,
        nextAttemptAt: outcome.nextAttemptAt,
        ...(outcome.delivered ? { deliveredAt: now } : {}),
      });
      // The runner retries after its backoff (the same delay `nextAttemptAt` shows), or gives up after the last attempt.
      if (!outcome.delivered) throw new Error(outcome.lastError ?? 'not delivered');
    },
  });

  /** Queues one delivery of an event body to an endpoint, with its job, in the caller's transaction. */
  async function queue(tx: Db, endpoint: WebhookEndpointRow, event: { id: string; type: string; body: string }, redeliveryOf?: string) {
    const delivery = await repo.insertDelivery(tx, {
      workspaceId: endpoint.workspaceId,
      endpointId: endpoint.id,
      eventId: event.id,
      eventType: event.type,
      body: event.body,
      redeliveryOf: redeliveryOf ?? null,
      createdAt: clock.now(),
    });
    await enqueueJob(tx, clock, deliverJob, { deliveryId: delivery.id });
    return delivery;
  }

  /**
   * The audit log's listener: an audit event that is a webhook event is queued for every enabled endpoint of its
   * workspace subscribed to it, in the transaction that appends it. Other events cost no query.
   */
  async function onAuditEvent(tx: Db, event: StoredAuditEvent) {
    const type = webhookEventOf(event);
    if (!type) return;
    const endpoints = await repo.subscribed(tx, event.workspaceId, type);
    if (endpoints.length === 0) return;
    const body = await deps.events.bodyOf(tx, type, event);
    const serialized = JSON.stringify(body);
    for (const endpoint of endpoints) await queue(tx, endpoint, { id: body.id, type, body: serialized });
  }

  async function present(principal: Principal, row: WebhookEndpointRow): Promise<Webhook> {
    const latest = await repo.latestDeliveries(principal.workspace.id, [row.id]);
    return presentWebhook(row, latest.get(row.id) ?? null);
  }

  return {
    deliverJob,
    onAuditEvent,

    async list(principal: Principal): Promise<Webhook[]> {
      const rows = await repo.list(principal.workspace.id);
      const latest = await repo.latestDeliveries(
        principal.workspace.id,
        rows.map((row) => row.id),
      );
      return rows.map((row) => presentWebhook(row, latest.get(row.id) ?? null));
    },

    /** The signing secret is generated here and returned once; only its sealed form and first characters are kept. */
    async create(principal: Principal, raw: CreateWebhook): Promise<CreatedWebhook> {
      const input = createWebhookSchema.parse(raw);
      const url = acceptedUrl(input.url);
      if (!box) throw webhookErrors.secretKeyMissing();
      const secret = `whsec_${randomBytes(32).toString('base64url')}`;
      const now = clock.now();
      const row = await db.transaction(async (tx) => {
        if ((await repo.countOf(tx, principal.workspace.id)) >= MAX_WEBHOOKS_PER_WORKSPACE) throw webhookErrors.tooMany();
        const created = await repo.insert(tx, {
          workspaceId: principal.workspace.id,
          url,
          description: input.description,
          eventTypes: input.eventTypes,
          enabled: input.enabled,
          secretEncrypted: box.encrypt(secret),
          secretPrefix: secret.slice(0, 12),
          createdBy: principal.user.id,
          createdAt: now,
          updatedAt: now,
        });
        if (!created) throw new Error('webhook insert returned nothing');
        await audit(tx, principal, 'webhook.created', created.id, {
          url,
          description: input.description,
          eventTypes: input.eventTypes,
          enabled: input.enabled,
        });
        return created;
      });
      return { ...presentWebhook(row, null), secret };
    },

    async update(principal: Principal, webhookId: string, raw: UpdateWebhook): Promise<Webhook> {
      const input = updateWebhookSchema.parse(raw);
      const current = await endpointOf(principal, webhookId);
      const changes = {
        ...(input.url !== undefined ? { url: acceptedUrl(input.url) } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.eventTypes !== undefined ? { eventTypes: input.eventTypes } : {}),
        ...(input.enabled !== undefined ? { enabled: input.enabled } : {}),
      };
      const row = await db.transaction(async (tx) => {
        const updated = await repo.update(tx, principal.workspace.id, current.id, { ...changes, updatedAt: clock.now() });
        if (!updated) throw webhookErrors.notFound();
        await audit(tx, principal, 'webhook.updated', current.id, { changes });
        return updated;
      });
      return present(principal, row);
    },

    /** Deletes the endpoint and its deliveries; queued deliveries find nothing to send. */
    async remove(principal: Principal, webhookId: string) {
      const current = await endpointOf(principal, webhookId);
      await db.transaction(async (tx) => {
        await repo.remove(tx, principal.workspace.id, current.id);
        await audit(tx, principal, 'webhook.deleted', current.id, { url: current.url });
      });
    },

    async deliveries(principal: Principal, webhookId: string): Promise<WebhookDelivery[]> {
      const endpoint = await endpointOf(principal, webhookId);
      return (await repo.deliveriesOf(principal.workspace.id, endpoint.id, RECENT_DELIVERIES)).map(presentDelivery);
    },

    /** Sends a `webhook.test` event now, once (no retry), and records the attempt as a delivery. */
    async sendTest(principal: Principal, webhookId: string): Promise<WebhookDelivery> {
      const endpoint = await endpointOf(principal, webhookId);
      if (!endpoint.enabled) throw webhookErrors.disabled();
      if (!box) throw webhookErrors.secretKeyMissing();
      const at = clock.now();
      const eventId = `evt_test_${randomBytes(12).toString('hex')}`;
      const body = JSON.stringify(await deps.events.testBody(db, principal.workspace.id, { eventId, webhookId: endpoint.id, at }));
      const result = await attempt(endpoint, { eventId, eventType: WEBHOOK_TEST_EVENT, body });
      const now = clock.now();
      const outcome = attemptOutcome(result, { attempt: 1, maxAttempts: 1, now, retryDelayMs });
      const delivery = await repo.insertDelivery(db, {
        workspaceId: endpoint.workspaceId,
        endpointId: endpoint.id,
        eventId,
        eventType: WEBHOOK_TEST_EVENT,
        body,
        status: outcome.status,
        attempts: 1,
        lastAttemptAt: now,
        lastStatusCode: outcome.lastStatusCode,
        lastError: outcome.lastError,
        deliveredAt: outcome.delivered ? now : null,
        createdAt: at,
      });
      return presentDelivery(delivery);
    },

    /** Sends a delivery's event again (same id and body, a fresh signature), as a new delivery with its retries. */
    async redeliver(principal: Principal, deliveryId: string): Promise<WebhookDelivery> {
      const original = await repo.delivery(principal.workspace.id, deliveryId);
      if (!original) throw webhookErrors.deliveryNotFound();
      if (original.status === 'pending') throw webhookErrors.deliveryPending();
      const endpoint = await endpointOf(principal, original.endpointId);
      if (!endpoint.enabled) throw webhookErrors.disabled();
      const delivery = await db.transaction(async (tx) => {
        const queued = await queue(tx, endpoint, { id: original.eventId, type: original.eventType, body: original.body }, original.id);
        await audit(tx, principal, 'webhook.redelivered', endpoint.id, {
          deliveryId: queued.id,
          redeliveryOf: original.id,
          eventId: original.eventId,
          eventType: original.eventType,
        });
        return queued;
      });
      return presentDelivery(delivery);
    },
  };
}
export type Webhooks = ReturnType<typeof createWebhooks>;
