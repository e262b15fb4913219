import { z } from 'zod';
import { errorResponseSchema, idParam } from '../../contracts/common.contracts';
import {
  attachClientSchema,
  contactDetailSchema,
  coverageSettingsSchema,
  escalationSchema,
  escalationsQuerySchema,
  logCallSchema,
  outcomeSchema,
  queueQuerySchema,
  queueResponseSchema,
  replySchema,
  resolveEscalationSchema,
} from '../../contracts/coverage.contracts';
import type { HttpServer } from '../../platform/http/http-server';
import { principalOf } from '../workspaces/access';
import type { Contacts } from './contacts.usecases';
import type { CoverageSettingsUseCases } from './coverage-settings.usecases';
import type { Escalations } from './escalations.usecases';

type Deps = { contacts: Contacts; escalations: Escalations; coverageSettings: CoverageSettingsUseCases };

const errors = {
  400: errorResponseSchema,
  401: errorResponseSchema,
  403: errorResponseSchema,
  404: errorResponseSchema,
  409: errorResponseSchema,
};
const contactParams = idParam('coverageContactId');
const escalationParams = idParam('escalationId');
const tags = ['coverage'];

export function registerCoverageRoutes(app: HttpServer, { contacts, escalations, coverageSettings }: Deps) {
  app.get('/api/coverage/queue', {
    schema: { tags, querystring: queueQuerySchema, response: { 200: queueResponseSchema, ...errors } },
    handler: async (request) => contacts.queue(principalOf(request), request.query),
  });

  app.get('/api/coverage/contacts/:coverageContactId', {
    schema: { tags, params: contactParams, response: { 200: contactDetailSchema, ...errors } },
    handler: async (request) => contacts.detail(principalOf(request), request.params.coverageContactId),
  });

  app.post('/api/coverage/contacts/:coverageContactId/replies', {
    schema: { tags, params: contactParams, body: replySchema, response: { 200: contactDetailSchema, ...errors } },
    handler: async (request) => contacts.reply(principalOf(request), request.params.coverageContactId, request.body.body),
  });

  app.post('/api/coverage/contacts/:coverageContactId/outcome', {
    schema: { tags, params: contactParams, body: outcomeSchema, response: { 200: contactDetailSchema, ...errors } },
    handler: async (request) => contacts.recordOutcome(principalOf(request), request.params.coverageContactId, request.body),
  });

  app.post('/api/coverage/contacts/:coverageContactId/client', {
    schema: { tags, params: contactParams, body: attachClientSchema, response: { 200: contactDetailSchema, ...errors } },
    handler: async (request) => contacts.attachClient(principalOf(request), request.params.coverageContactId, request.body.clientId),
  });

  app.post('/api/coverage/calls', {
    schema: { tags, body: logCallSchema, response: { 201: contactDetailSchema, ...errors } },
    handler: async (request, reply) => reply.status(201).send(await contacts.logCall(principalOf(request), request.body)),
  });

  app.get('/api/coverage/escalations', {
    schema: {
      tags,
      querystring: escalationsQuerySchema,
      response: { 200: z.object({ escalations: z.array(escalationSchema) }), ...errors },
    },
    handler: async (request) => ({ escalations: await escalations.list(principalOf(request), request.query.state) }),
  });

  app.post('/api/coverage/escalations/:escalationId/acknowledge', {
    schema: { tags, params: escalationParams, response: { 200: escalationSchema, ...errors } },
    handler: async (request) => escalations.acknowledge(principalOf(request), request.params.escalationId),
  });

  app.post('/api/coverage/escalations/:escalationId/resolve', {
    schema: { tags, params: escalationParams, body: resolveEscalationSchema, response: { 200: escalationSchema, ...errors } },
    handler: async (request) => escalations.resolve(principalOf(request), request.params.escalationId, request.body.note),
  });

  app.get('/api/coverage/settings', {
    schema: { tags, response: { 200: coverageSettingsSchema, ...errors } },
    handler: async (request) => coverageSettings.get(principalOf(request).workspace.id),
  });

  app.put('/api/coverage/settings', {
    config: { access: 'admin' },
    schema: { tags, body: coverageSettingsSchema, response: { 200: coverageSettingsSchema, ...errors } },
    handler: async (request) => coverageSettings.update(principalOf(request), request.body),
  });
}
