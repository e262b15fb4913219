import { z } from 'zod';
import {
  revokedStatusLinksSchema,
  revokeStatusLinksSchema,
  statusLinkSettingSchema,
  statusLinksOverviewSchema,
} from '../../contracts/absences.contracts';
import { errorResponseSchema, idParam } from '../../contracts/common.contracts';
import type { HttpServer } from '../../platform/http/http-server';
import { principalOf } from '../workspaces/access';
import type { StatusLinksUseCases } from './status-links.usecases';
import { renderStatusPage, renderUnavailablePage, STATUS_PAGE_CSP } from './status-page.html';

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema };
const absenceParams = idParam('absenceId');

/** A client opens the page a few times; a flood from one address is refused before it reaches the database. */
export const STATUS_PAGE_RATE_LIMIT = { max: 60, timeWindow: '1 minute' };

export function registerStatusLinksRoutes(app: HttpServer, { statusLinks }: { statusLinks: StatusLinksUseCases }) {
  app.get('/api/absences/:absenceId/status-links', {
    schema: { tags: ['absences'], params: absenceParams, response: { 200: statusLinksOverviewSchema, ...errors } },
    handler: async (request) => statusLinks.overview(principalOf(request), String(request.params.absenceId)),
  });

  app.put('/api/absences/:absenceId/status-link', {
    schema: {
      tags: ['absences'],
      params: absenceParams,
      body: statusLinkSettingSchema,
      response: { 200: statusLinksOverviewSchema, ...errors },
    },
    handler: async (request) => statusLinks.setEnabled(principalOf(request), String(request.params.absenceId), request.body.enabled),
  });

  app.post('/api/absences/:absenceId/status-links/revoke', {
    schema: {
      tags: ['absences'],
      params: absenceParams,
      body: revokeStatusLinksSchema,
      response: { 200: revokedStatusLinksSchema, ...errors },
    },
    handler: async (request) => statusLinks.revoke(principalOf(request), String(request.params.absenceId), request.body.clientId ?? null),
  });

  // Public: a client never signs in; the 256-bit token in the URL is the credential. Outside /api/, so the
  // session is never read, and nothing here sets a cookie.
  app.get('/status/:token', {
    config: { access: 'public', rateLimit: STATUS_PAGE_RATE_LIMIT },
    schema: { hide: true, params: z.object({ token: z.string() }) },
    handler: async (request, reply) => {
      const page = await statusLinks.view(request.params.token, { count: request.method === 'GET' });
      return reply
        .status(page ? 200 : 404)
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .header('referrer-policy', 'no-referrer')
        .header('x-robots-tag', 'noindex, nofollow')
        .header('content-security-policy', STATUS_PAGE_CSP)
        .send(page ? renderStatusPage(page) : renderUnavailablePage());
    },
  });
}
