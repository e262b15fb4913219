import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import { z } from 'zod';
import { registerAbsencesRoutes } from '../domains/absences/absences.routes';
import { registerBriefsRoutes } from '../domains/absences/briefs.routes';
import { registerStatusLinksRoutes } from '../domains/absences/status-links.routes';
import { registerAuditRoutes } from '../domains/audit/audit.routes';
import { registerClientsRoutes } from '../domains/clients/clients.routes';
import { registerCoverageRoutes } from '../domains/coverage/coverage.routes';
import { registerInsightsRoutes } from '../domains/insights/insights.routes';
import { registerMailRoutes } from '../domains/mail/mail.routes';
import { registerMailboxesRoutes } from '../domains/mail/mailboxes.routes';
import { registerNotificationsRoutes } from '../domains/notifications/notifications.routes';
import { registerOutboxRoutes } from '../domains/outbox/outbox.routes';
import { registerRecoveryRoutes } from '../domains/recovery/recovery.routes';
import { registerDebriefRoutes } from '../domains/reports/debrief.routes';
import { registerReportRoutes } from '../domains/reports/report.routes';
import { registerWebhooksRoutes } from '../domains/webhooks/webhooks.routes';
import { createAccessHook } from '../domains/workspaces/access';
import { registerWorkspacesRoutes } from '../domains/workspaces/workspaces.routes';
import { createHttpServer, notFoundBody } from '../platform/http/http-server';
import type { Logger } from '../platform/logger/logger';
import type { Dependencies } from './dependencies';
import { BATON_VERSION } from './version';

export const healthSchema = z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgresql']), version: z.string() });

/** The HTTP face of Baton: API routes of every domain, OpenAPI docs, and the built web UI. */
export async function createHttpApp(deps: Dependencies, { logger, webDir }: { logger: Logger; webDir: string | null }) {
  const app = await createHttpServer({ logger, version: BATON_VERSION, trustProxy: deps.config.TRUST_PROXY });
  app.decorateRequest('principal', null);
  const accessHook = createAccessHook(deps.auth);
  app.addHook('onRequest', async (request, reply) => {
    if (request.is404 || !request.url.startsWith('/api/')) return;
    await accessHook(request, reply);
  });

  app.get('/api/health', {
    config: { access: 'public' },
    schema: { tags: ['system'], response: { 200: healthSchema } },
    handler: async () => ({ status: 'ok' as const, database: deps.database.kind, version: BATON_VERSION }),
  });
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true }, handler: async () => app.swagger() });

  registerWorkspacesRoutes(app, {
    auth: deps.auth,
    members: deps.members,
    clock: deps.clock,
    cookieSecure: deps.config.cookieSecure,
    loginRateLimit: deps.config.LOGIN_RATE_LIMIT,
  });
  registerClientsRoutes(app, { clients: deps.clients, clientImports: deps.clientImports });
  registerOutboxRoutes(app, { outboxRepository: deps.outboxRepository });
  registerAuditRoutes(app, { audit: deps.audit });
  registerMailRoutes(app, { ...deps.mail, clock: deps.clock });
  registerCoverageRoutes(app, deps.coverage);
  registerMailboxesRoutes(app, { mailboxes: deps.mail.mailboxes, clock: deps.clock });
  registerRecoveryRoutes(app, { returnBriefing: deps.returnBriefing, recoveryTasks: deps.recoveryTasks, winBack: deps.winBack });
  registerDebriefRoutes(app, { debriefs: deps.debriefs });
  registerInsightsRoutes(app, { insights: deps.insights });
  registerReportRoutes(app, { reports: deps.reports });
  registerNotificationsRoutes(app, { notificationsRepository: deps.notificationsRepository, clock: deps.clock });
  registerAbsencesRoutes(app, { absences: deps.absences });
  registerStatusLinksRoutes(app, { statusLinks: deps.statusLinks });
  registerWebhooksRoutes(app, { webhooks: deps.webhooks });
  registerBriefsRoutes(app, {
    briefs: deps.briefs,
    acknowledgements: deps.acknowledgements,
    readiness: deps.readiness,
    access: deps.briefsAccess,
  });

  if (webDir && existsSync(path.join(webDir, 'index.html'))) {
    await app.register(fastifyStatic, { root: webDir, wildcard: false, index: ['index.html'] });
  }
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.method !== 'GET' || !webDir) return reply.status(404).send(notFoundBody());
    // Client-side routes (/settings, /invite/…) all load the single-page app.
    return reply.type('text/html').sendFile('index.html', webDir);
  });
  return app;
}
