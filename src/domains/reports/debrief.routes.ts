import { z } from 'zod';
import { errorResponseSchema, idParam, okResponseSchema } from '../../contracts/common.contracts';
import {
  addDebriefFindingSchema,
  debriefFindingSchema,
  debriefViewSchema,
  saveDebriefAnswerSchema,
  savedDebriefAnswerSchema,
} from '../../contracts/debrief.contracts';
import type { HttpServer } from '../../platform/http/http-server';
import { principalOf } from '../workspaces/access';
import type { Debriefs } from './debrief.usecases';

const errors = {
  400: errorResponseSchema,
  401: errorResponseSchema,
  403: errorResponseSchema,
  404: errorResponseSchema,
  409: errorResponseSchema,
};
const tags = ['debrief'];
const debriefParams = idParam('debriefId');

/** Seen by the owner, the absence's manager and the delegates it concerns; 404 to everybody else. */
export function registerDebriefRoutes(app: HttpServer, { debriefs }: { debriefs: Debriefs }) {
  app.get('/api/absences/:absenceId/debrief', {
    schema: {
      tags,
      description: 'The debrief as the caller may see it: a delegate gets the questions and only their own answers, no findings.',
      params: idParam('absenceId'),
      response: { 200: debriefViewSchema, ...errors },
    },
    handler: async (request) => debriefs.view(principalOf(request), request.params.absenceId),
  });

  app.post('/api/absences/:absenceId/debrief', {
    schema: {
      tags,
      description: 'Opens the debrief once the absence has returned (owner or manager); the delegates are notified.',
      params: idParam('absenceId'),
      body: z.object({}).strict(),
      response: { 201: debriefViewSchema, ...errors },
    },
    handler: async (request, reply) => reply.status(201).send(await debriefs.open(principalOf(request), request.params.absenceId)),
  });

  app.put('/api/debriefs/:debriefId/answers', {
    schema: {
      tags,
      description: 'Saves the caller’s own answer to one question; an empty text removes it. 409 once concluded.',
      params: debriefParams,
      body: saveDebriefAnswerSchema,
      response: { 200: savedDebriefAnswerSchema, ...errors },
    },
    handler: async (request) => debriefs.saveAnswer(principalOf(request), request.params.debriefId, request.body),
  });

  app.post('/api/debriefs/:debriefId/findings', {
    schema: {
      tags,
      description: 'Owner or manager. `deliberate` needs `reasonLearned` (400 `debrief.reason_required`).',
      params: debriefParams,
      body: addDebriefFindingSchema,
      response: { 201: debriefFindingSchema, ...errors },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await debriefs.addFinding(principalOf(request), request.params.debriefId, request.body)),
  });

  app.delete('/api/debriefs/:debriefId/findings/:findingId', {
    schema: {
      tags,
      params: z.object({ debriefId: z.uuid(), findingId: z.uuid() }),
      response: { 200: okResponseSchema, ...errors },
    },
    handler: async (request) => debriefs.removeFinding(principalOf(request), request.params.debriefId, request.params.findingId),
  });

  app.post('/api/debriefs/:debriefId/conclude', {
    schema: {
      tags,
      description: 'Owner or manager, with at least one finding; answers and findings are read-only afterwards.',
      params: debriefParams,
      body: z.object({}).strict(),
      response: { 200: debriefViewSchema, ...errors },
    },
    handler: async (request) => debriefs.conclude(principalOf(request), request.params.debriefId),
  });
}
