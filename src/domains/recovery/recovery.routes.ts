import { errorResponseSchema, idParam } from '../../contracts/common.contracts';
import { returnBriefingSchema } from '../../contracts/recovery.contracts';
import type { HttpServer } from '../../platform/http/http-server';
import { principalOf } from '../workspaces/access';
import type { ReturnBriefingUseCases } from './return-briefing.usecases';

const errors = { 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema };

export function registerRecoveryRoutes(app: HttpServer, { returnBriefing }: { returnBriefing: ReturnBriefingUseCases }) {
  app.get('/api/absences/:absenceId/return-briefing', {
    schema: { tags: ['recovery'], params: idParam('absenceId'), response: { 200: returnBriefingSchema, ...errors } },
    handler: async (request) => returnBriefing.briefing(principalOf(request), request.params.absenceId),
  });
}
