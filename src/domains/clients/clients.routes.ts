import type { FastifyError } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  changeStatusSchema,
  clientDetailSchema,
  clientImportSchema,
  clientSummarySchema,
  contactInputSchema,
  createClientSchema,
  dryRunResultSchema,
  IMPORT_MAX_BYTES,
  importMappingBodySchema,
  listClientsQuerySchema,
  projectInputSchema,
  updateClientSchema,
  updateContactSchema,
  updateProjectSchema,
} from '../../contracts/clients.contracts';
import { errorResponseSchema } from '../../contracts/common.contracts';
import type { HttpServer } from '../../platform/http/http-server';
import { principalOf } from '../workspaces/access';
import { clientErrors } from './clients.errors';
import { type ClientImportUseCases, presentImport } from './clients.import.usecases';
import { presentClientSummary } from './clients.models';
import type { ClientsUseCases } from './clients.usecases';

const errors = {
  400: errorResponseSchema,
  401: errorResponseSchema,
  403: errorResponseSchema,
  404: errorResponseSchema,
  409: errorResponseSchema,
};

const uuid = (name: string) => z.uuid({ message: `${name} must be a UUID` });
const clientParams = z.object({ clientId: uuid('clientId') });
const contactParams = clientParams.extend({ contactId: uuid('contactId') });
const projectParams = clientParams.extend({ projectId: uuid('projectId') });
const importParams = z.object({ importId: uuid('importId') });

export function registerClientsRoutes(
  app: HttpServer,
  { clients, clientImports }: { clients: ClientsUseCases; clientImports: ClientImportUseCases },
) {
  app.get('/api/clients', {
    schema: {
      tags: ['clients'],
      querystring: listClientsQuerySchema,
      response: { 200: z.array(clientSummarySchema), ...errors },
    },
    handler: async (request, reply) => {
      const { rows, total } = await clients.list(principalOf(request), request.query);
      reply.header('x-total-count', String(total));
      return rows.map(presentClientSummary);
    },
  });

  app.post('/api/clients', {
    schema: { tags: ['clients'], body: createClientSchema, response: { 201: clientDetailSchema, ...errors } },
    handler: async (request, reply) => reply.status(201).send(await clients.create(principalOf(request), request.body)),
  });

  app.get('/api/clients/:clientId', {
    schema: { tags: ['clients'], params: clientParams, response: { 200: clientDetailSchema, ...errors } },
    handler: async (request) => clients.detail(principalOf(request), request.params.clientId),
  });

  app.patch('/api/clients/:clientId', {
    schema: { tags: ['clients'], params: clientParams, body: updateClientSchema, response: { 200: clientDetailSchema, ...errors } },
    handler: async (request) => clients.update(principalOf(request), request.params.clientId, request.body),
  });

  app.post('/api/clients/:clientId/status', {
    schema: { tags: ['clients'], params: clientParams, body: changeStatusSchema, response: { 200: clientDetailSchema, ...errors } },
    handler: async (request) => clients.changeStatus(principalOf(request), request.params.clientId, request.body),
  });

  for (const [action, archived] of [
    ['archive', true],
    ['unarchive', false],
  ] as const) {
    app.post(`/api/clients/:clientId/${action}`, {
      schema: { tags: ['clients'], params: clientParams, response: { 200: clientDetailSchema, ...errors } },
      handler: async (request) => clients.setArchived(principalOf(request), request.params.clientId, archived),
    });
  }

  app.post('/api/clients/:clientId/contacts', {
    schema: { tags: ['clients'], params: clientParams, body: contactInputSchema, response: { 201: clientDetailSchema, ...errors } },
    handler: async (request, reply) =>
      reply.status(201).send(await clients.addContact(principalOf(request), request.params.clientId, request.body)),
  });

  app.patch('/api/clients/:clientId/contacts/:contactId', {
    schema: { tags: ['clients'], params: contactParams, body: updateContactSchema, response: { 200: clientDetailSchema, ...errors } },
    handler: async (request) =>
      clients.updateContact(principalOf(request), request.params.clientId, request.params.contactId, request.body),
  });

  app.delete('/api/clients/:clientId/contacts/:contactId', {
    schema: { tags: ['clients'], params: contactParams, response: { 200: clientDetailSchema, ...errors } },
    handler: async (request) => clients.deleteContact(principalOf(request), request.params.clientId, request.params.contactId),
  });

  app.post('/api/clients/:clientId/projects', {
    schema: { tags: ['clients'], params: clientParams, body: projectInputSchema, response: { 201: clientDetailSchema, ...errors } },
    handler: async (request, reply) =>
      reply.status(201).send(await clients.addProject(principalOf(request), request.params.clientId, request.body)),
  });

  app.patch('/api/clients/:clientId/projects/:projectId', {
    schema: { tags: ['clients'], params: projectParams, body: updateProjectSchema, response: { 200: clientDetailSchema, ...errors } },
    handler: async (request) =>
      clients.updateProject(principalOf(request), request.params.clientId, request.params.projectId, request.body),
  });

  app.delete('/api/clients/:clientId/projects/:projectId', {
    schema: { tags: ['clients'], params: projectParams, response: { 200: clientDetailSchema, ...errors } },
    handler: async (request) => clients.deleteProject(principalOf(request), request.params.clientId, request.params.projectId),
  });

  // CSV import: upload (text/csv, up to 20 MB) → dry run with a mapping → start (a background job) → poll.
  app.register(async (scope) => {
    const csvScope = scope.withTypeProvider<ZodTypeProvider>();
    csvScope.addContentTypeParser(
      ['text/csv', 'application/csv'],
      { parseAs: 'string', bodyLimit: IMPORT_MAX_BYTES },
      (_request, body, done) => done(null, body),
    );
    csvScope.setErrorHandler((error: FastifyError, _request, reply) => {
      if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
        const tooLarge = clientErrors.importTooLarge();
        return reply.status(413).send({ error: { code: tooLarge.code, message: tooLarge.message } });
      }
      if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
        return reply.status(415).send({ error: { code: 'request.unsupported_media_type', message: 'Send the file as text/csv' } });
      throw error;
    });
    csvScope.post('/api/client-imports', {
      bodyLimit: IMPORT_MAX_BYTES,
      schema: {
        tags: ['clients'],
        querystring: z.object({ fileName: z.string().max(200).optional() }),
        body: z.string({ message: 'send the CSV file itself as the body, with Content-Type: text/csv' }),
        response: { 201: clientImportSchema, 413: errorResponseSchema, 415: errorResponseSchema, ...errors },
      },
      handler: async (request, reply) => {
        const row = await clientImports.upload(principalOf(request), request.query.fileName ?? 'clients.csv', request.body);
        return reply.status(201).send(presentImport(row));
      },
    });
  });

  app.get('/api/client-imports/:importId', {
    schema: { tags: ['clients'], params: importParams, response: { 200: clientImportSchema, ...errors } },
    handler: async (request) => presentImport(await clientImports.get(principalOf(request), request.params.importId)),
  });

  app.post('/api/client-imports/:importId/dry-run', {
    schema: { tags: ['clients'], params: importParams, body: importMappingBodySchema, response: { 200: dryRunResultSchema, ...errors } },
    handler: async (request) => clientImports.dryRun(principalOf(request), request.params.importId, request.body.mapping),
  });

  app.post('/api/client-imports/:importId/start', {
    schema: { tags: ['clients'], params: importParams, body: importMappingBodySchema, response: { 202: clientImportSchema, ...errors } },
    handler: async (request, reply) => {
      const row = await clientImports.start(principalOf(request), request.params.importId, request.body.mapping);
      return reply.status(202).send(presentImport(row));
    },
  });
}
