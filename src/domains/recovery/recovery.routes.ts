import { z } from 'zod';
import { errorResponseSchema, idParam } from '../../contracts/common.contracts';
import {
  blameCheckResultSchema,
  blameCheckSchema,
  blameFlaggedResponseSchema,
  logRecoveryCallSchema,
  logWinBackSchema,
  recoverySettingsSchema,
  recoveryTaskDetailSchema,
  recoveryTaskListSchema,
  recoveryTasksQuerySchema,
  returnBriefingSchema,
  sendRecoveryMessageSchema,
  winBackListSchema,
  winBackReminderSchema,
} from '../../contracts/recovery.contracts';
import type { HttpServer } from '../../platform/http/http-server';
import { principalOf } from '../workspaces/access';
import { recoveryErrors } from './recovery.errors';
import type { RecoveryTasks } from './recovery-tasks.usecases';
import type { ReturnBriefingUseCases } from './return-briefing.usecases';
import type { WinBack } from './win-back.usecases';

const errors = {
  400: errorResponseSchema,
  401: errorResponseSchema,
  403: errorResponseSchema,
  404: errorResponseSchema,
  409: errorResponseSchema,
};
const tags = ['recovery'];
const taskParams = idParam('recoveryTaskId');

export function registerRecoveryRoutes(
  app: HttpServer,
  { returnBriefing, recoveryTasks, winBack }: { returnBriefing: ReturnBriefingUseCases; recoveryTasks: RecoveryTasks; winBack: WinBack },
) {
  app.get('/api/absences/:absenceId/return-briefing', {
    schema: { tags, params: idParam('absenceId'), response: { 200: returnBriefingSchema, ...errors } },
    handler: async (request) => returnBriefing.briefing(principalOf(request), request.params.absenceId),
  });

  app.get('/api/absences/:absenceId/recovery-tasks', {
    schema: { tags, params: idParam('absenceId'), response: { 200: recoveryTaskListSchema, ...errors } },
    handler: async (request) => recoveryTasks.listForAbsence(principalOf(request), request.params.absenceId),
  });

  app.post('/api/absences/:absenceId/recovery-tasks', {
    schema: {
      tags,
      description: 'Creates the tasks the return job creates, when it did not (idempotent; the owner only).',
      params: idParam('absenceId'),
      body: z.object({}).strict(),
      response: { 200: recoveryTaskListSchema, ...errors },
    },
    handler: async (request) => recoveryTasks.createMine(principalOf(request), request.params.absenceId),
  });

  app.get('/api/recovery/tasks', {
    schema: { tags, querystring: recoveryTasksQuerySchema, response: { 200: recoveryTaskListSchema, ...errors } },
    handler: async (request) => recoveryTasks.listMine(principalOf(request), request.query),
  });

  app.get('/api/recovery/tasks/:recoveryTaskId', {
    schema: { tags, params: taskParams, response: { 200: recoveryTaskDetailSchema, ...errors } },
    handler: async (request) => recoveryTasks.detail(principalOf(request), request.params.recoveryTaskId),
  });

  app.post('/api/recovery/tasks/:recoveryTaskId/calls', {
    schema: { tags, params: taskParams, body: logRecoveryCallSchema, response: { 201: recoveryTaskDetailSchema, ...errors } },
    handler: async (request, reply) =>
      reply.status(201).send(await recoveryTasks.logCall(principalOf(request), request.params.recoveryTaskId, request.body)),
  });

  app.post('/api/recovery/tasks/:recoveryTaskId/messages', {
    schema: {
      tags,
      description: 'Answers 409 `recovery.blame_flagged` with the findings until sent again with `confirmed: true`.',
      params: taskParams,
      body: sendRecoveryMessageSchema,
      response: { 201: recoveryTaskDetailSchema, ...errors, 409: z.union([blameFlaggedResponseSchema, errorResponseSchema]) },
    },
    handler: async (request, reply) => {
      const result = await recoveryTasks.sendMessage(principalOf(request), request.params.recoveryTaskId, request.body);
      if ('blocked' in result) {
        const { code, message } = recoveryErrors.blameFlagged();
        return reply.status(409).send({ error: { code: code as 'recovery.blame_flagged', message, findings: result.blocked } });
      }
      return reply.status(201).send(result.detail);
    },
  });

  app.post('/api/recovery/blame-check', {
    schema: { tags, body: blameCheckSchema, response: { 200: blameCheckResultSchema, ...errors } },
    handler: async (request) => recoveryTasks.blameCheck(principalOf(request), request.body.text),
  });

  app.get('/api/recovery/win-back', {
    schema: { tags, response: { 200: winBackListSchema, ...errors } },
    handler: async (request) => winBack.list(principalOf(request)),
  });

  app.post('/api/recovery/win-back/:reminderId/log', {
    schema: { tags, params: idParam('reminderId'), body: logWinBackSchema, response: { 200: winBackReminderSchema, ...errors } },
    handler: async (request) => winBack.log(principalOf(request), request.params.reminderId, request.body),
  });

  app.get('/api/recovery/settings', {
    schema: { tags, response: { 200: recoverySettingsSchema, ...errors } },
    handler: async (request) => winBack.settings(principalOf(request)),
  });

  app.put('/api/recovery/settings', {
    config: { access: 'admin' },
    schema: { tags, body: recoverySettingsSchema, response: { 200: recoverySettingsSchema, ...errors } },
    handler: async (request) => winBack.updateSettings(principalOf(request), request.body),
  });
}
