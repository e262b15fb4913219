import type { FastifyError } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponseSchema, idParam } from '../../contracts/common.contracts';
import {
  attachSenderResultSchema,
  attachSenderSchema,
  inboundQuerySchema,
  ingestOutcomeSchema,
  listMessagesQuerySchema,
  mailMessageSchema,
  mailMessageSummarySchema,
  mailSettingsSchema,
} from '../../contracts/mail.contracts';
import type { Clock } from '../../platform/clock/clock';
import type { HttpServer } from '../../platform/http/http-server';
import type { ClientDirectory } from '../clients/clients.lookup';
import { principalOf } from '../workspaces/access';
import { downloadHeaders } from './attachment-download.models';
import { MAX_RAW_MESSAGE_BYTES } from './ingestion.models';
import type { Ingestion } from './ingestion.usecases';
import { mailErrors } from './mail.errors';
import { presentMessage, presentMessageSummary } from './mail.models';
import type { MailUseCases } from './mail.usecases';

type Deps = { mail: MailUseCases; ingestion: Ingestion; clientDirectory: ClientDirectory; clock: Clock };

const errors = {
  400: errorResponseSchema,
  401: errorResponseSchema,
  403: errorResponseSchema,
  404: errorResponseSchema,
  409: errorResponseSchema,
};

export function registerMailRoutes(app: HttpServer, deps: Deps) {
  const { mail } = deps;

  // The raw upload driver: its own media type and size limit, scoped to this route only.
  app.register(async (plugin) => {
    const scoped = plugin.withTypeProvider<ZodTypeProvider>();
    scoped.addContentTypeParser('message/rfc822', { parseAs: 'buffer', bodyLimit: MAX_RAW_MESSAGE_BYTES }, (_request, body, done) =>
      done(null, body),
    );
    scoped.setErrorHandler((error: FastifyError) => {
      if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') throw mailErrors.tooLarge();
      if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') throw mailErrors.unsupportedType();
      throw error;
    });
    scoped.post('/api/mail/inbound', {
      bodyLimit: MAX_RAW_MESSAGE_BYTES,
      schema: {
        tags: ['mail'],
        description: 'Ingest one raw message (Content-Type: message/rfc822) delivered to the mailbox named by ?mailbox=ADDRESS.',
        querystring: inboundQuerySchema,
        response: { 200: ingestOutcomeSchema, 413: errorResponseSchema, 415: errorResponseSchema, ...errors },
      },
      handler: async (request) => {
        const principal = principalOf(request);
        const raw = request.body;
        if (!Buffer.isBuffer(raw)) throw mailErrors.unsupportedType();
        if (raw.length === 0) throw mailErrors.emptyMessage();
        const mailbox = await mail.uploadMailbox(principal, request.query.mailbox);
        const result = await deps.ingestion.ingestRawMessage({
          workspaceId: principal.workspace.id,
          mailboxId: mailbox.id,
          raw,
          receivedAt: deps.clock.now(),
          actorId: principal.user.id,
        });
        return result;
      },
    });
  });

  app.get('/api/mail/messages', {
    schema: { tags: ['mail'], querystring: listMessagesQuerySchema, response: { 200: z.array(mailMessageSummarySchema), ...errors } },
    handler: async (request) => {
      const principal = principalOf(request);
      const rows = await mail.listMessages(principal, request.query);
      const names = await deps.clientDirectory.names(principal.workspace.id, [
        ...new Set(rows.flatMap((row) => (row.clientId ? [row.clientId] : []))),
      ]);
      return rows.map((row) => presentMessageSummary(row, names));
    },
  });

  app.get('/api/mail/messages/:messageId', {
    schema: { tags: ['mail'], params: idParam('messageId'), response: { 200: mailMessageSchema, ...errors } },
    handler: async (request) => {
      const principal = principalOf(request);
      const { message, attachments } = await mail.message(principal, String(request.params.messageId));
      const names = await deps.clientDirectory.names(principal.workspace.id, message.clientId ? [message.clientId] : []);
      return presentMessage(message, attachments, names);
    },
  });

  app.get('/api/mail/messages/:messageId/attachments/:attachmentId', {
    schema: {
      tags: ['mail'],
      description: 'The stored attachment, as a download; active content (HTML, SVG, XML, scripts) as application/octet-stream.',
      params: z.object({ messageId: z.uuid(), attachmentId: z.uuid() }),
      response: { 200: z.any(), ...errors },
    },
    handler: async (request, reply) => {
      const { messageId, attachmentId } = request.params;
      const attachment = await mail.attachment(principalOf(request), messageId, attachmentId);
      return reply.headers(downloadHeaders({ ...attachment, size: attachment.content.length })).send(attachment.content);
    },
  });

  app.get('/api/mail/messages/:messageId/raw', {
    schema: {
      tags: ['mail'],
      description: 'The original message as it arrived (.eml, RFC 822), as a download; its SHA-256 is in `x-content-sha256`.',
      params: idParam('messageId'),
      response: { 200: z.any(), ...errors },
    },
    handler: async (request, reply) => {
      const raw = await mail.rawMessage(principalOf(request), String(request.params.messageId));
      return reply
        .headers({
          ...downloadHeaders({ filename: raw.filename, contentType: 'message/rfc822', size: raw.content.length }),
          'x-content-sha256': raw.sha256,
        })
        .send(raw.content);
    },
  });

  app.post('/api/mail/messages/:messageId/attach-sender', {
    schema: {
      tags: ['mail'],
      params: idParam('messageId'),
      body: attachSenderSchema,
      response: { 200: attachSenderResultSchema, ...errors },
    },
    handler: async (request) => mail.attachSender(principalOf(request), String(request.params.messageId), request.body),
  });

  app.post('/api/mail/messages/:messageId/retry', {
    config: { access: 'admin' },
    schema: { tags: ['mail'], params: idParam('messageId'), response: { 200: ingestOutcomeSchema, ...errors } },
    handler: async (request) => {
      const result = await mail.retryQuarantined(principalOf(request), String(request.params.messageId));
      return result;
    },
  });

  app.get('/api/mail/settings', {
    schema: { tags: ['mail'], response: { 200: mailSettingsSchema, ...errors } },
    handler: async (request) => {
      const { autoReplyAudience, autoReplyIntervalDays } = await mail.settings(principalOf(request));
      return { autoReplyAudience, autoReplyIntervalDays };
    },
  });

  app.put('/api/mail/settings', {
    config: { access: 'admin' },
    schema: { tags: ['mail'], body: mailSettingsSchema, response: { 200: mailSettingsSchema, ...errors } },
    handler: async (request) => {
      const { autoReplyAudience, autoReplyIntervalDays } = await mail.saveSettings(principalOf(request), request.body);
      return { autoReplyAudience, autoReplyIntervalDays };
    },
  });
}
