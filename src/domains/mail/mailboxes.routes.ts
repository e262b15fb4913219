import { z } from 'zod';
import { errorResponseSchema, idParam, okResponseSchema } from '../../contracts/common.contracts';
import {
  createMailboxSchema,
  imapProblemSchema,
  imapSettingsInputSchema,
  imapSyncResultSchema,
  imapTestResultSchema,
  mailboxSchema,
  updateMailboxSchema,
} from '../../contracts/mail.contracts';
import type { Clock } from '../../platform/clock/clock';
import type { HttpServer } from '../../platform/http/http-server';
import { principalOf } from '../workspaces/access';
import type { Principal } from '../workspaces/auth.usecases';
import { mailErrors } from './mail.errors';
import { presentImapProblem, presentMailbox } from './mail.models';
import type { MailboxesUseCases } from './mailboxes.usecases';

type Deps = { mailboxes: MailboxesUseCases; clock: Clock };

const errors = {
  400: errorResponseSchema,
  401: errorResponseSchema,
  403: errorResponseSchema,
  404: errorResponseSchema,
  409: errorResponseSchema,
};

/** Each test opens a connection to a host the caller chooses: a few a minute are plenty for a person at a form. */
const TEST_RATE_LIMIT = { max: 30, timeWindow: '1 minute' };

export function registerMailboxesRoutes(app: HttpServer, deps: Deps) {
  const { mailboxes } = deps;
  const mailboxId = (params: unknown) => String((params as { mailboxId: string }).mailboxId);

  /** The mailbox as the list shows it, after a change. */
  async function present(principal: Principal, id: string) {
    const entry = (await mailboxes.list(principal)).find((candidate) => candidate.row.id === id);
    if (!entry) throw mailErrors.mailboxNotFound();
    return presentMailbox(entry.row, entry.imap, entry.counts, deps.clock.now());
  }

  app.get('/api/mail/mailboxes', {
    schema: { tags: ['mail'], response: { 200: z.array(mailboxSchema), ...errors } },
    handler: async (request) =>
      (await mailboxes.list(principalOf(request))).map((entry) => presentMailbox(entry.row, entry.imap, entry.counts, deps.clock.now())),
  });

  app.post('/api/mail/mailboxes', {
    schema: { tags: ['mail'], body: createMailboxSchema, response: { 201: mailboxSchema, ...errors } },
    handler: async (request, reply) => {
      const principal = principalOf(request);
      const created = await mailboxes.create(principal, request.body);
      return reply.status(201).send(await present(principal, created.id));
    },
  });

  app.patch('/api/mail/mailboxes/:mailboxId', {
    schema: { tags: ['mail'], params: idParam('mailboxId'), body: updateMailboxSchema, response: { 200: mailboxSchema, ...errors } },
    handler: async (request) => {
      const principal = principalOf(request);
      await mailboxes.update(principal, mailboxId(request.params), request.body);
      return present(principal, mailboxId(request.params));
    },
  });

  app.delete('/api/mail/mailboxes/:mailboxId', {
    schema: { tags: ['mail'], params: idParam('mailboxId'), response: { 200: okResponseSchema, ...errors } },
    handler: async (request) => {
      await mailboxes.remove(principalOf(request), mailboxId(request.params));
      return { ok: true as const };
    },
  });

  app.put('/api/mail/mailboxes/:mailboxId/imap', {
    schema: {
      tags: ['mail'],
      description:
        'Read the mailbox over IMAP. The password is write-only: blank keeps the stored one for the same server, port and login.',
      params: idParam('mailboxId'),
      body: imapSettingsInputSchema,
      response: { 200: mailboxSchema, ...errors },
    },
    handler: async (request) => {
      const principal = principalOf(request);
      await mailboxes.saveImap(principal, mailboxId(request.params), request.body);
      return present(principal, mailboxId(request.params));
    },
  });

  app.delete('/api/mail/mailboxes/:mailboxId/imap', {
    schema: { tags: ['mail'], params: idParam('mailboxId'), response: { 200: mailboxSchema, ...errors } },
    handler: async (request) => {
      const principal = principalOf(request);
      await mailboxes.removeImap(principal, mailboxId(request.params));
      return present(principal, mailboxId(request.params));
    },
  });

  app.post('/api/mail/imap/test', {
    config: { rateLimit: TEST_RATE_LIMIT },
    schema: {
      tags: ['mail'],
      description: 'Connect with these IMAP settings and open the folder: its message count, or what failed (login, host, TLS, folder).',
      body: imapSettingsInputSchema,
      response: { 200: imapTestResultSchema, ...errors },
    },
    handler: async (request) => mailboxes.testConnection(principalOf(request), null, request.body),
  });

  app.post('/api/mail/mailboxes/:mailboxId/imap/test', {
    config: { rateLimit: TEST_RATE_LIMIT },
    schema: {
      tags: ['mail'],
      description: 'Like POST /api/mail/imap/test; a blank password uses the stored one (same server, port and login).',
      params: idParam('mailboxId'),
      body: imapSettingsInputSchema,
      response: { 200: imapTestResultSchema, ...errors },
    },
    handler: async (request) => mailboxes.testConnection(principalOf(request), mailboxId(request.params), request.body),
  });

  app.post('/api/mail/mailboxes/:mailboxId/sync', {
    schema: { tags: ['mail'], params: idParam('mailboxId'), response: { 200: imapSyncResultSchema, ...errors } },
    handler: async (request) => mailboxes.syncNow(principalOf(request), mailboxId(request.params)),
  });

  app.get('/api/mail/mailboxes/:mailboxId/problems', {
    schema: { tags: ['mail'], params: idParam('mailboxId'), response: { 200: z.array(imapProblemSchema), ...errors } },
    handler: async (request) => (await mailboxes.problems(principalOf(request), mailboxId(request.params))).map(presentImapProblem),
  });
}
