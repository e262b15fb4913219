import { z } from 'zod';
import { errorResponseSchema } from '../../contracts/common.contracts';
import { insightsCsvQuerySchema, insightsQuerySchema, insightsSchema } from '../../contracts/insights.contracts';
import type { HttpServer } from '../../platform/http/http-server';
import { principalOf } from '../workspaces/access';
import type { InsightsUseCases } from './insights.usecases';

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema };
const tags = ['insights'];

export function registerInsightsRoutes(app: HttpServer, { insights }: { insights: InsightsUseCases }) {
  app.get('/api/insights', {
    config: { access: 'manager' },
    schema: {
      tags,
      description: 'Per absence and per delegate over a period (default: the last 12 months); managers and admins only.',
      querystring: insightsQuerySchema,
      response: { 200: insightsSchema, ...errors },
    },
    handler: async (request) => insights.insights(principalOf(request), request.query),
  });

  app.get('/api/insights.csv', {
    config: { access: 'manager' },
    schema: {
      tags,
      description: 'The absences or the delegates table as CSV (UTF-8 with BOM, RFC 4180).',
      querystring: insightsCsvQuerySchema,
      response: { 200: z.string().describe('text/csv'), ...errors },
    },
    handler: async (request, reply) => {
      const { fileName, body } = await insights.csv(principalOf(request), request.query);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .header('cache-control', 'private, no-store')
        .send(body);
    },
  });
}
