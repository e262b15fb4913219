import { and, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { WebhookEventType } from '../../contracts/webhooks.contracts';
import type { Db } from '../../platform/db/database';
import { webhookDeliveries, webhookEndpoints } from './webhooks.schema';

export type WebhookEndpointRow = typeof webhookEndpoints.$inferSelect;
export type WebhookDeliveryRow = typeof webhookDeliveries.$inferSelect;
type NewDelivery = typeof webhookDeliveries.$inferInsert;

/** All SQL of webhook endpoints and their deliveries; every read is scoped by workspace. */
export function createWebhooksRepository({ db }: { db: Db }) {
  const first = <T>(rows: T[]): T | null => rows[0] ?? null;
  return {
    list: (workspaceId: string) =>
      db.select().from(webhookEndpoints).where(eq(webhookEndpoints.workspaceId, workspaceId)).orderBy(webhookEndpoints.createdAt),
    async get(workspaceId: string, id: string, tx: Db = db) {
      return first(
        await tx
          .select()
          .from(webhookEndpoints)
          .where(and(eq(webhookEndpoints.workspaceId, workspaceId), eq(webhookEndpoints.id, id))),
      );
    },
    async countOf(tx: Db, workspaceId: string) {
      const [row] = await tx.select({ n: count() }).from(webhookEndpoints).where(eq(webhookEndpoints.workspaceId, workspaceId));
      return row?.n ?? 0;
    },
    /** The enabled endpoints of a workspace subscribed to an event type (read in the event's own transaction). */
    subscribed: (tx: Db, workspaceId: string, eventType: WebhookEventType) =>
      tx
        .select()
        .from(webhookEndpoints)
        .where(
          and(
            eq(webhookEndpoints.workspaceId, workspaceId),
            eq(webhookEndpoints.enabled, true),
            sql`${webhookEndpoints.eventTypes} @> ${JSON.stringify([eventType])}::jsonb`,
          ),
        ),
    insert: async (tx: Db, values: typeof webhookEndpoints.$inferInsert) =>
      first(await tx.insert(webhookEndpoints).values(values).returning()),
    update: async (tx: Db, workspaceId: string, id: string, values: Partial<typeof webhookEndpoints.$inferInsert>) =>
      first(
        await tx
          .update(webhookEndpoints)
          .set(values)
          .where(and(eq(webhookEndpoints.workspaceId, workspaceId), eq(webhookEndpoints.id, id)))
          .returning(),
      ),
    remove: (tx: Db, workspaceId: string, id: string) =>
      tx.delete(webhookEndpoints).where(and(eq(webhookEndpoints.workspaceId, workspaceId), eq(webhookEndpoints.id, id))),

    insertDelivery: async (tx: Db, values: NewDelivery) => {
      const row = first(await tx.insert(webhookDeliveries).values(values).returning());
      if (!row) throw new Error('webhook delivery insert returned nothing');
      return row;
    },
    updateDelivery: (tx: Db, id: string, values: Partial<NewDelivery>) =>
      tx.update(webhookDeliveries).set(values).where(eq(webhookDeliveries.id, id)),
    /** A delivery with its endpoint, for the job (which knows only the delivery's id). */
    async deliveryWithEndpoint(id: string) {
      return first(
        await db
          .select({ delivery: webhookDeliveries, endpoint: webhookEndpoints })
          .from(webhookDeliveries)
          .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
          .where(eq(webhookDeliveries.id, id)),
      );
    },
    async delivery(workspaceId: string, id: string) {
      return first(
        await db
          .select()
          .from(webhookDeliveries)
          .where(and(eq(webhookDeliveries.workspaceId, workspaceId), eq(webhookDeliveries.id, id))),
      );
    },
    deliveriesOf: (workspaceId: string, endpointId: string, limit: number) =>
      db
        .select()
        .from(webhookDeliveries)
        .where(and(eq(webhookDeliveries.workspaceId, workspaceId), eq(webhookDeliveries.endpointId, endpointId)))
        .orderBy(desc(webhookDeliveries.seq))
        .limit(limit),
    /** The newest delivery of each endpoint, for the list. */
    async latestDeliveries(workspaceId: string, endpointIds: string[]) {
      if (endpointIds.length === 0) return new Map<string, WebhookDeliveryRow>();
      const rows = await db
        .selectDistinctOn([webhookDeliveries.endpointId])
        .from(webhookDeliveries)
        .where(and(eq(webhookDeliveries.workspaceId, workspaceId), inArray(webhookDeliveries.endpointId, endpointIds)))
        .orderBy(webhookDeliveries.endpointId, desc(webhookDeliveries.seq));
      return new Map(rows.map((row) => [row.endpointId, row]));
    },
  };
}
export type WebhooksRepository = ReturnType<typeof createWebhooksRepository>;
