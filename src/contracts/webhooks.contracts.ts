import { z } from 'zod';
import { isoDateTime } from './common.contracts';

/** What an endpoint can subscribe to; docs/webhooks.md describes each payload. */
export const webhookEventTypes = [
  'absence.started',
  'absence.returned',
  'coverage.escalation_raised',
  'coverage.no_information',
  'client.lost',
  'client.won_back',
] as const;
export const webhookEventTypeSchema = z.enum(webhookEventTypes);
export type WebhookEventType = z.infer<typeof webhookEventTypeSchema>;

/** Sent only by "send test event"; never subscribed to. */
export const WEBHOOK_TEST_EVENT = 'webhook.test';

export const webhookDeliveryStatuses = ['pending', 'delivered', 'failed', 'cancelled'] as const;
export type WebhookDeliveryStatus = (typeof webhookDeliveryStatuses)[number];

/** The URL is checked further by the server (scheme, credentials, private addresses): see `webhook.url_*` errors. */
const urlSchema = z.string().trim().min(1, { message: 'enter the URL that receives the events' }).max(2048);
const descriptionSchema = z.string().trim().max(200);
const eventTypesSchema = z
  .array(webhookEventTypeSchema)
  .min(1, { message: 'choose at least one event' })
  .transform((types) => webhookEventTypes.filter((type) => types.includes(type)));

export const createWebhookSchema = z
  .object({
    url: urlSchema,
    description: descriptionSchema.default(''),
    eventTypes: eventTypesSchema,
    enabled: z.boolean().default(true),
  })
  .strict();
export type CreateWebhook = z.input<typeof createWebhookSchema>;

export const updateWebhookSchema = z
  .object({
    url: urlSchema.optional(),
    description: descriptionSchema.optional(),
    eventTypes: eventTypesSchema.optional(),
    enabled: z.boolean().optional(),
  })
  .strict()
  .refine((value) => Object.values(value).some((field) => field !== undefined), { message: 'nothing to change' });
export type UpdateWebhook = z.input<typeof updateWebhookSchema>;

export const webhookDeliverySchema = z.object({
  id: z.uuid(),
  webhookId: z.uuid(),
  /** The event's id (`Baton-Event-Id`): the same on every attempt and on a redelivery, so receivers can skip repeats. */
  eventId: z.string(),
  eventType: z.string(),
  status: z.enum(webhookDeliveryStatuses),
  attempts: z.number().int(),
  lastAttemptAt: isoDateTime.nullable(),
  /** The receiver's HTTP status on the last attempt (null: no answer). */
  lastStatusCode: z.number().int().nullable(),
  lastError: z.string().nullable(),
  nextAttemptAt: isoDateTime.nullable(),
  deliveredAt: isoDateTime.nullable(),
  /** Set on a redelivery: the delivery it repeats. */
  redeliveryOf: z.uuid().nullable(),
  createdAt: isoDateTime,
  /** The JSON body, byte for byte as signed. */
  body: z.string(),
});
export type WebhookDelivery = z.infer<typeof webhookDeliverySchema>;

export const webhookSchema = z.object({
  id: z.uuid(),
  url: z.string(),
  description: z.string(),
  eventTypes: z.array(webhookEventTypeSchema),
  enabled: z.boolean(),
  /** The secret's first characters, to tell endpoints apart; the secret itself is shown once, on creation. */
  secretPrefix: z.string(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  lastDelivery: z.object({ status: z.enum(webhookDeliveryStatuses), eventType: z.string(), at: isoDateTime }).nullable(),
});
export type Webhook = z.infer<typeof webhookSchema>;

/** The answer to a creation: the only time the signing secret leaves Baton. */
export const createdWebhookSchema = webhookSchema.extend({ secret: z.string() });
export type CreatedWebhook = z.infer<typeof createdWebhookSchema>;
