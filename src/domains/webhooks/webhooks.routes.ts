import { z } from 'zod';
import { errorResponseSchema, idParam, okResponseSchema } from '../../contracts/common.contracts';
import {
  createdWebhookSchema,
  createWebhookSchema,
  updateWebhookSchema,
  webhookDeliverySchema,
  webhookSchema,
} from '../../contracts/webhooks.contracts';
import type { HttpServer } from '../../platform/http/http-server';
import { principalOf } from '../workspaces/access';
import type { Webhooks } from './webhooks.usecases';

const errors = {
  400: errorResponseSchema,
  401: errorResponseSchema,
  403: errorResponseSchema,
  404: errorResponseSchema,
  409: errorResponseSchema,
};
const tags = ['webhooks'];
const admin = { access: 'admin' as const };
/** Each test and redelivery sends a request to a URL an admin chose: a few a minute are plenty for a person. */
const SEND_RATE_LIMIT = { max: 30, timeWindow: '1 minute' };

/** Outgoing webhooks of the workspace: admins only. docs/webhooks.md describes the events and the signature. */
export function registerWebhooksRoutes(app: HttpServer, { webhooks }: { webhooks: Webhooks }) {
  app.get('/api/webhooks', {
    config: admin,
    schema: { tags, response: { 200: z.array(webhookSchema), ...errors } },
    handler: async (request) => webhooks.list(principalOf(request)),
  });

  app.post('/api/webhooks', {
    config: admin,
    schema: {
      tags,
      description: 'Registers an endpoint. The answer carries its signing secret: the only time Baton shows it.',
      body: createWebhookSchema,
      response: { 201: createdWebhookSchema, ...errors },
    },
    handler: async (request, reply) => reply.status(201).send(await webhooks.create(principalOf(request), request.body)),
  });

  app.patch('/api/webhooks/:webhookId', {
    config: admin,
    schema: { tags, params: idParam('webhookId'), body: updateWebhookSchema, response: { 200: webhookSchema, ...errors } },
    handler: async (request) => webhooks.update(principalOf(request), request.params.webhookId, request.body),
  });

  app.delete('/api/webhooks/:webhookId', {
    config: admin,
    schema: { tags, params: idParam('webhookId'), response: { 200: okResponseSchema, ...errors } },
    handler: async (request) => {
      await webhooks.remove(principalOf(request), request.params.webhookId);
      return { ok: true as const };
    },
  });

  app.get('/api/webhooks/:webhookId/deliveries', {
    config: admin,
    schema: {
      tags,
      description: 'The 50 most recent deliveries, newest first.',
      params: idParam('webhookId'),
      response: { 200: z.array(webhookDeliverySchema), ...errors },
    },
    handler: async (request) => webhooks.deliveries(principalOf(request), request.params.webhookId),
  });

  app.post('/api/webhooks/:webhookId/test', {
    config: { ...admin, rateLimit: SEND_RATE_LIMIT },
    schema: {
      tags,
      description: 'Sends a `webhook.test` event now, once, and answers with the delivery (delivered or failed, and why).',
      params: idParam('webhookId'),
      response: { 200: webhookDeliverySchema, ...errors },
    },
    handler: async (request) => webhooks.sendTest(principalOf(request), request.params.webhookId),
  });

  app.post('/api/webhooks/deliveries/:deliveryId/redeliver', {
    config: { ...admin, rateLimit: SEND_RATE_LIMIT },
    schema: {
      tags,
      description: 'Queues the same event (same id and body) again as a new delivery, retried like the first.',
      params: idParam('deliveryId'),
      response: { 200: webhookDeliverySchema, ...errors },
    },
    handler: async (request) => webhooks.redeliver(principalOf(request), request.params.deliveryId),
  });
}
