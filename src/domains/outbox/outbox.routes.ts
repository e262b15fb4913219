import { z } from 'zod';
import { errorResponseSchema, idParam } from '../../contracts/common.contracts';
import { outboxMessageSchema } from '../../contracts/outbox.contracts';
import type { HttpServer } from '../../platform/http/http-server';
import { principalOf } from '../workspaces/access';
import { type createOutboxRepository, presentOutboxMessage } from './outbox.usecases';

export function registerOutboxRoutes(
  app: HttpServer,
  { outboxRepository }: { outboxRepository: ReturnType<typeof createOutboxRepository> },
) {
  const errors = { 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema };

  app.get('/api/outbox', {
    config: { access: 'admin' },
    schema: {
      tags: ['outbox'],
      querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }),
      response: { 200: z.array(outboxMessageSchema), ...errors },
    },
    handler: async (request) =>
      (await outboxRepository.list(principalOf(request).workspace.id, request.query.limit)).map(presentOutboxMessage),
  });

  app.get('/api/outbox/:outboxId', {
    config: { access: 'admin' },
    schema: { tags: ['outbox'], params: idParam('outboxId'), response: { 200: outboxMessageSchema, ...errors } },
    handler: async (request) =>
      presentOutboxMessage(await outboxRepository.get(principalOf(request).workspace.id, String(request.params.outboxId))),
  });
}
