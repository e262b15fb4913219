import { z } from 'zod';
import { errorResponseSchema, idParam, okResponseSchema } from '../../contracts/common.contracts';
import { notificationSchema } from '../../contracts/notifications.contracts';
import type { Clock } from '../../platform/clock/clock';
import { defineErrors } from '../../platform/http/errors';
import type { HttpServer } from '../../platform/http/http-server';
import { principalOf } from '../workspaces/access';
import type { NotificationsRepository } from './notifications.usecases';

const errors = defineErrors({ notFound: ['notification.not_found', 404, 'No such unread notification'] });

export function registerNotificationsRoutes(
  app: HttpServer,
  { notificationsRepository, clock }: { notificationsRepository: NotificationsRepository; clock: Clock },
) {
  const errorResponses = { 401: errorResponseSchema, 404: errorResponseSchema };

  app.get('/api/notifications', {
    schema: {
      tags: ['notifications'],
      querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
      response: { 200: z.array(notificationSchema), ...errorResponses },
    },
    handler: async (request) => {
      const principal = principalOf(request);
      const rows = await notificationsRepository.listForUser(principal.workspace.id, principal.user.id, request.query.limit);
      return rows.map((row) => ({
        id: row.id,
        kind: row.kind,
        subject: String(row.data.subject ?? ''),
        link: row.link,
        data: row.data,
        createdAt: row.createdAt.toISOString(),
        read: row.readAt !== null,
      }));
    },
  });

  app.post('/api/notifications/:notificationId/read', {
    schema: { tags: ['notifications'], params: idParam('notificationId'), response: { 200: okResponseSchema, ...errorResponses } },
    handler: async (request) => {
      const principal = principalOf(request);
      const row = await notificationsRepository.markRead(
        principal.workspace.id,
        principal.user.id,
        String(request.params.notificationId),
        clock.now(),
      );
      if (!row) throw errors.notFound();
      return { ok: true as const };
    },
  });

  app.post('/api/notifications/read-all', {
    schema: { tags: ['notifications'], response: { 200: okResponseSchema, ...errorResponses } },
    handler: async (request) => {
      const principal = principalOf(request);
      await notificationsRepository.markAllRead(principal.workspace.id, principal.user.id, clock.now());
      return { ok: true as const };
    },
  });
}
