import { z } from 'zod';
import {
  absenceSchema,
  autoReplyPreviewRequestSchema,
  autoReplyPreviewSchema,
  calendarFeedSchema,
  createAbsenceSchema,
  createdCalendarFeedSchema,
  gateOverrideSchema,
  listAbsencesQuerySchema,
  updateAbsenceSchema,
} from '../../contracts/absences.contracts';
import { errorResponseSchema, idParam } from '../../contracts/common.contracts';
import { httpErrors } from '../../platform/http/errors';
import type { HttpServer } from '../../platform/http/http-server';
import { principalOf } from '../workspaces/access';
import type { AbsencesUseCases } from './absences.usecases';

const errors = {
  400: errorResponseSchema,
  401: errorResponseSchema,
  403: errorResponseSchema,
  404: errorResponseSchema,
  409: errorResponseSchema,
};
const absenceParams = idParam('absenceId');

export function registerAbsencesRoutes(app: HttpServer, { absences }: { absences: AbsencesUseCases }) {
  app.get('/api/absences', {
    schema: { tags: ['absences'], querystring: listAbsencesQuerySchema, response: { 200: z.array(absenceSchema), ...errors } },
    handler: async (request) => absences.list(principalOf(request), request.query.scope),
  });

  app.post('/api/absences', {
    schema: { tags: ['absences'], body: createAbsenceSchema, response: { 201: absenceSchema, ...errors } },
    handler: async (request, reply) => reply.status(201).send(await absences.plan(principalOf(request), request.body)),
  });

  app.post('/api/absences/auto-reply/preview', {
    schema: { tags: ['absences'], body: autoReplyPreviewRequestSchema, response: { 200: autoReplyPreviewSchema, ...errors } },
    handler: async (request) => absences.previewAutoReply(principalOf(request), request.body),
  });

  app.get('/api/absences/:absenceId', {
    schema: { tags: ['absences'], params: absenceParams, response: { 200: absenceSchema, ...errors } },
    handler: async (request) => absences.get(principalOf(request), String(request.params.absenceId)),
  });

  app.patch('/api/absences/:absenceId', {
    schema: { tags: ['absences'], params: absenceParams, body: updateAbsenceSchema, response: { 200: absenceSchema, ...errors } },
    handler: async (request) => absences.update(principalOf(request), String(request.params.absenceId), request.body),
  });

  app.post('/api/absences/:absenceId/return', {
    schema: { tags: ['absences'], params: absenceParams, response: { 200: absenceSchema, ...errors } },
    handler: async (request) => absences.imBack(principalOf(request), String(request.params.absenceId)),
  });

  app.post('/api/absences/:absenceId/close', {
    schema: { tags: ['absences'], params: absenceParams, response: { 200: absenceSchema, ...errors } },
    handler: async (request) => absences.close(principalOf(request), String(request.params.absenceId)),
  });

  app.post('/api/absences/:absenceId/gate-override', {
    schema: { tags: ['absences'], params: absenceParams, body: gateOverrideSchema, response: { 200: absenceSchema, ...errors } },
    handler: async (request) => absences.overrideGate(principalOf(request), String(request.params.absenceId), request.body.reason),
  });

  app.get('/api/calendar-feeds', {
    schema: { tags: ['absences'], response: { 200: z.array(calendarFeedSchema), ...errors } },
    handler: async (request) => absences.calendar.list(principalOf(request)),
  });

  app.post('/api/calendar-feeds', {
    schema: { tags: ['absences'], response: { 201: createdCalendarFeedSchema, ...errors } },
    handler: async (request, reply) => reply.status(201).send(await absences.calendar.create(principalOf(request))),
  });

  app.delete('/api/calendar-feeds/:feedId', {
    schema: { tags: ['absences'], params: idParam('feedId'), response: { 200: calendarFeedSchema, ...errors } },
    handler: async (request) => absences.calendar.revoke(principalOf(request), String(request.params.feedId)),
  });

  // Public: calendar apps cannot sign in; the 256-bit token in the URL is the credential.
  app.get('/api/calendar/:file', {
    config: { access: 'public' },
    schema: { tags: ['absences'], params: z.object({ file: z.string().max(200) }) },
    handler: async (request, reply) => {
      const token = request.params.file.match(/^([A-Za-z0-9_-]{20,100})\.ics$/)?.[1];
      const body = token ? await absences.calendar.ics(token) : null;
      if (body === null) throw httpErrors.notFound();
      return reply.type('text/calendar; charset=utf-8').header('cache-control', 'private, max-age=300').send(body);
    },
  });
}
