import { z } from 'zod';
import { auditEventSchema, auditVerificationSchema } from '../../contracts/audit.contracts';
import { errorResponseSchema } from '../../contracts/common.contracts';
import type { HttpServer } from '../../platform/http/http-server';
import { principalOf } from '../workspaces/access';
import type { AuditUseCases } from './audit.usecases';

export function registerAuditRoutes(app: HttpServer, { audit }: { audit: AuditUseCases }) {
  const errors = { 401: errorResponseSchema, 403: errorResponseSchema };

  app.get('/api/audit/events', {
    config: { access: 'manager' },
    schema: {
      tags: ['audit'],
      querystring: z.object({
        before: z.coerce.number().int().min(1).optional(),
        limit: z.coerce.number().int().min(1).max(500).default(100),
      }),
      response: { 200: z.array(auditEventSchema), ...errors },
    },
    handler: async (request) =>
      (await audit.recentEvents(principalOf(request).workspace.id, request.query)).map((event) => ({
        seq: event.seq,
        occurredAt: new Date(event.occurredAt).toISOString(),
        actorId: event.actorId,
        action: event.action,
        subjectType: event.subjectType,
        subjectId: event.subjectId,
        data: event.data,
        hash: event.hash,
      })),
  });

  app.get('/api/audit/verify', {
    config: { access: 'manager' },
    schema: { tags: ['audit'], response: { 200: auditVerificationSchema, ...errors } },
    handler: async (request) => audit.verifyWorkspace(principalOf(request).workspace.id),
  });
}
