import { z } from 'zod';
import { errorResponseSchema, idParam } from '../../contracts/common.contracts';
import {
  checkNarrativeResultSchema,
  checkNarrativeSchema,
  createExportSchema,
  narrativeFlaggedResponseSchema,
  reportExportSchema,
  reportViewSchema,
  saveNarrativeSchema,
} from '../../contracts/report.contracts';
import type { HttpServer } from '../../platform/http/http-server';
import { principalOf } from '../workspaces/access';
import { reportErrors } from './report.errors';
import type { ReportUseCases } from './report.usecases';

const errors = {
  400: errorResponseSchema,
  401: errorResponseSchema,
  403: errorResponseSchema,
  404: errorResponseSchema,
  409: errorResponseSchema,
};
const tags = ['reports'];
const absenceParams = idParam('absenceId');
const exportParams = idParam('exportId');

export function registerReportRoutes(app: HttpServer, { reports }: { reports: ReportUseCases }) {
  app.get('/api/absences/:absenceId/report', {
    schema: {
      tags,
      description: 'The report for the manager: the owner sees hers (live until final); the manager sees what she sent him.',
      params: absenceParams,
      response: { 200: reportViewSchema, ...errors },
    },
    handler: async (request) => reports.view(principalOf(request), request.params.absenceId),
  });

  app.put('/api/absences/:absenceId/report/narrative', {
    schema: {
      tags,
      description: 'Answers 409 `report.wording_flagged` with the findings until saved again with `confirmed: true`.',
      params: absenceParams,
      body: saveNarrativeSchema,
      response: { 200: reportViewSchema, ...errors, 409: z.union([narrativeFlaggedResponseSchema, errorResponseSchema]) },
    },
    handler: async (request, reply) => {
      const result = await reports.saveNarrative(principalOf(request), request.params.absenceId, request.body);
      if ('blocked' in result) {
        const { code, message } = reportErrors.wordingFlagged();
        return reply.status(409).send({ error: { code: code as 'report.wording_flagged', message, findings: result.blocked } });
      }
      return result.view;
    },
  });

  app.post('/api/absences/:absenceId/report/narrative/check', {
    schema: { tags, params: absenceParams, body: checkNarrativeSchema, response: { 200: checkNarrativeResultSchema, ...errors } },
    handler: async (request) => reports.checkNarrative(principalOf(request), request.params.absenceId, request.body.text),
  });

  app.post('/api/absences/:absenceId/report/finalise', {
    schema: { tags, params: absenceParams, body: z.object({}).strict(), response: { 200: reportViewSchema, ...errors } },
    handler: async (request) => reports.finalise(principalOf(request), request.params.absenceId),
  });

  app.post('/api/absences/:absenceId/report/send', {
    schema: {
      tags,
      description: 'Sends the report (final, or the draft as the return summary) to the manager: in the app and by mail.',
      params: absenceParams,
      body: z.object({}).strict(),
      response: { 200: reportViewSchema, ...errors },
    },
    handler: async (request) => reports.sendToManager(principalOf(request), request.params.absenceId),
  });

  app.post('/api/absences/:absenceId/report/exports', {
    schema: {
      tags,
      description: 'HTML and Markdown are ready at once (201, state done); a PDF is queued (202): poll the export, then download it.',
      params: absenceParams,
      body: createExportSchema,
      response: { 201: reportExportSchema, 202: reportExportSchema, ...errors },
    },
    handler: async (request, reply) => {
      const created = await reports.requestExport(principalOf(request), request.params.absenceId, request.body.format);
      return reply.status(created.state === 'done' ? 201 : 202).send(created);
    },
  });

  app.get('/api/report-exports/:exportId', {
    schema: { tags, params: exportParams, response: { 200: reportExportSchema, ...errors } },
    handler: async (request) => reports.exportStatus(principalOf(request), request.params.exportId),
  });

  app.get('/api/report-exports/:exportId/file', {
    schema: {
      tags,
      description: 'The exported file; its SHA-256 (as recorded in the audit log) is in the `x-content-sha256` header.',
      params: exportParams,
      response: { 200: z.any(), ...errors },
    },
    handler: async (request, reply) => {
      const file = await reports.exportFile(principalOf(request), request.params.exportId);
      return reply
        .headers({
          'content-type': file.contentType,
          // Baton names the file (ASCII only), so it needs no escaping.
          'content-disposition': `attachment; filename="${file.filename}"`,
          'content-length': String(file.content.length),
          'x-content-type-options': 'nosniff',
          // Opened in the browser by mistake, the HTML export still runs nothing and loads nothing.
          'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
          'cache-control': 'private, no-store',
          'x-content-sha256': file.sha256,
        })
        .send(file.content);
    },
  });
}
