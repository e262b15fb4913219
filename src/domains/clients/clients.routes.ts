import { z } from 'zod';
import { clientSummarySchema } from '../../contracts/clients.contracts';
import { errorResponseSchema } from '../../contracts/common.contracts';
import type { HttpServer } from '../../platform/http/http-server';
import { principalOf } from '../workspaces/access';
import type { ClientsRepository } from './clients.repository';

export function registerClientsRoutes(app: HttpServer, { clientsRepository }: { clientsRepository: ClientsRepository }) {
  app.get('/api/clients', {
    schema: { tags: ['clients'], response: { 200: z.array(clientSummarySchema), 401: errorResponseSchema } },
    handler: async (request) =>
      (await clientsRepository.listClients(principalOf(request).workspace.id)).map((client) => ({
        id: client.id,
        name: client.name,
        tier: client.tier,
        status: client.status,
        language: client.language,
        ownerId: client.ownerId,
        domains: client.domains,
      })),
  });
}
