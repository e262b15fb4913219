import { z } from 'zod';
import { readinessSchema } from '../../contracts/absences.contracts';
import {
  type Acknowledgement,
  acknowledgeBriefSchema,
  acknowledgementSchema,
  answerQuestionSchema,
  askQuestionSchema,
  type BriefSummary,
  briefComparisonSchema,
  briefDetailSchema,
  briefListSchema,
  briefTemplateInputSchema,
  briefTemplateSchema,
  briefVersionSchema,
  compareQuerySchema,
  createBriefSchema,
  questionSchema,
  reviewReadBackSchema,
  saveBriefSchema,
} from '../../contracts/briefs.contracts';
import { errorResponseSchema, idParam, okResponseSchema } from '../../contracts/common.contracts';
import type { HttpServer } from '../../platform/http/http-server';
import { principalOf } from '../workspaces/access';
import { currentAcknowledgement } from './acknowledgements.models';
import type { AcknowledgementsUseCases } from './acknowledgements.usecases';
import type { BriefsAccess } from './briefs.access';
import type { AcknowledgementRow, BriefWithClient, QuestionRow } from './briefs.repository';
import type { BriefsUseCases } from './briefs.usecases';
import type { ReadinessUseCases } from './readiness.usecases';

type Deps = { briefs: BriefsUseCases; acknowledgements: AcknowledgementsUseCases; readiness: ReadinessUseCases; access: BriefsAccess };

const iso = (date: Date) => date.toISOString();
const isoOrNull = (date: Date | null) => (date ? date.toISOString() : null);

const presentSummary = (brief: BriefWithClient): BriefSummary => ({
  id: brief.id,
  absenceId: brief.absenceId,
  clientId: brief.clientId,
  clientName: brief.clientName,
  clientLanguage: brief.clientLanguage,
  keyAccount: brief.keyAccount,
  projectId: brief.projectId,
  currentVersion: brief.currentVersion,
  currentHash: brief.currentHash,
  updatedAt: iso(brief.updatedAt),
});

const presentAcknowledgement = (row: AcknowledgementRow, currentVersion: number, all: AcknowledgementRow[]): Acknowledgement => ({
  id: row.id,
  briefId: row.briefId,
  version: row.version,
  contentHash: row.contentHash,
  delegateId: row.delegateId,
  delegateName: row.delegateName,
  delegateRole: row.delegateRole,
  readBack: row.readBack,
  readBackStatus: row.readBackStatus,
  ownerNote: row.ownerNote,
  acknowledgedAt: iso(row.acknowledgedAt),
  reviewedAt: isoOrNull(row.reviewedAt),
  supersededAt: isoOrNull(row.supersededAt),
  current: currentAcknowledgement(all, row.delegateId, currentVersion)?.id === row.id,
});

const presentQuestion = (row: Omit<QuestionRow, 'askedByName'> & { askedByName?: string }) => ({
  id: row.id,
  briefId: row.briefId,
  askedBy: row.askedBy,
  askedByName: row.askedByName ?? '',
  question: row.question,
  askedAt: iso(row.askedAt),
  answer: row.answer,
  answeredBy: row.answeredBy,
  answeredAt: isoOrNull(row.answeredAt),
});

const presentVersion = (row: { version: number; contentHash: string; createdAt: Date; createdBy: string }) => ({
  version: row.version,
  contentHash: row.contentHash,
  createdAt: iso(row.createdAt),
  createdBy: row.createdBy,
});

const presentTemplate = (row: { id: string; name: string; content: z.infer<typeof briefTemplateSchema>['content']; createdAt: Date }) => ({
  id: row.id,
  name: row.name,
  content: row.content,
  createdAt: iso(row.createdAt),
});

/** Briefs, versions, acknowledgements with read-back, questions, readiness and templates. */
export function registerBriefsRoutes(app: HttpServer, { briefs, acknowledgements, readiness, access }: Deps) {
  const errors = {
    400: errorResponseSchema,
    401: errorResponseSchema,
    403: errorResponseSchema,
    404: errorResponseSchema,
    409: errorResponseSchema,
  };
  const tags = ['briefs'];
  const absenceParams = idParam('absenceId');
  const briefParams = idParam('briefId');

  const detail = async (request: Parameters<typeof principalOf>[0], briefId: string) => {
    const principal = principalOf(request);
    const { brief, absence, role, current, acknowledgements: acks, questions } = await briefs.getBrief(principal, briefId);
    return {
      brief: presentSummary(brief),
      viewerRole: role as Exclude<typeof role, 'none'>,
      absence: {
        id: absence.id,
        state: absence.state,
        ownerId: absence.ownerId,
        primaryDelegateId: absence.primaryDelegateId,
        backupDelegateId: absence.backupDelegateId,
        managerId: absence.managerId,
      },
      draft: role === 'owner' ? brief.draft : null,
      current: current
        ? { version: current.version, contentHash: current.contentHash, content: current.content, createdAt: iso(current.createdAt) }
        : null,
      acknowledgements: acks.map((row) => presentAcknowledgement(row, brief.currentVersion, acks)),
      questions: questions.map(presentQuestion),
    };
  };

  app.get('/api/absences/:absenceId/briefs', {
    schema: { tags, params: absenceParams, response: { 200: briefListSchema, ...errors } },
    handler: async (request) => {
      const { role, absence, briefs: rows, missing } = await briefs.listForAbsence(principalOf(request), String(request.params.absenceId));
      return { viewerRole: role as Exclude<typeof role, 'none'>, absenceState: absence.state, briefs: rows.map(presentSummary), missing };
    },
  });

  app.post('/api/absences/:absenceId/briefs', {
    schema: { tags, params: absenceParams, body: createBriefSchema, response: { 201: briefDetailSchema, ...errors } },
    handler: async (request, reply) => {
      const brief = await briefs.createBrief(principalOf(request), String(request.params.absenceId), request.body);
      return reply.status(201).send(await detail(request, brief.id));
    },
  });

  app.post('/api/absences/:absenceId/briefs/all', {
    schema: {
      tags,
      params: absenceParams,
      body: z.object({}).strict(),
      response: { 201: z.object({ created: z.number().int() }), ...errors },
    },
    handler: async (request, reply) => {
      const created = await briefs.createAll(principalOf(request), String(request.params.absenceId));
      return reply.status(201).send({ created: created.length });
    },
  });

  app.post('/api/absences/:absenceId/briefs/share', {
    schema: {
      tags,
      params: absenceParams,
      body: z.object({}).strict(),
      response: { 200: z.object({ state: z.literal('handover'), briefs: z.number().int() }), ...errors },
    },
    handler: async (request) => briefs.share(principalOf(request), String(request.params.absenceId)),
  });

  app.get('/api/absences/:absenceId/readiness', {
    schema: { tags, params: absenceParams, response: { 200: readinessSchema, ...errors } },
    handler: async (request) => {
      const principal = principalOf(request);
      const { absence } = await access.absenceFor(principal, String(request.params.absenceId));
      return readiness.readiness(principal.workspace.id, absence.id);
    },
  });

  app.get('/api/briefs/:briefId', {
    schema: { tags, params: briefParams, response: { 200: briefDetailSchema, ...errors } },
    handler: async (request) => detail(request, String(request.params.briefId)),
  });

  app.patch('/api/briefs/:briefId', {
    schema: {
      tags,
      params: briefParams,
      body: saveBriefSchema,
      response: { 200: z.object({ versionCreated: z.boolean(), version: z.number().int(), detail: briefDetailSchema }), ...errors },
    },
    handler: async (request) => {
      const result = await briefs.saveBrief(principalOf(request), String(request.params.briefId), request.body.content);
      return {
        versionCreated: result.versionCreated,
        version: result.version,
        detail: await detail(request, String(request.params.briefId)),
      };
    },
  });

  app.get('/api/briefs/:briefId/versions', {
    schema: { tags, params: briefParams, response: { 200: z.array(briefVersionSchema), ...errors } },
    handler: async (request) => (await briefs.listVersions(principalOf(request), String(request.params.briefId))).map(presentVersion),
  });

  app.get('/api/briefs/:briefId/compare', {
    schema: { tags, params: briefParams, querystring: compareQuerySchema, response: { 200: briefComparisonSchema, ...errors } },
    handler: async (request) => {
      const { from, to, fields } = await briefs.compare(
        principalOf(request),
        String(request.params.briefId),
        request.query.from,
        request.query.to,
      );
      const side = (row: typeof from) => ({ ...presentVersion(row), content: row.content });
      return { from: side(from), to: side(to), fields };
    },
  });

  app.post('/api/briefs/:briefId/acknowledgements', {
    schema: { tags, params: briefParams, body: acknowledgeBriefSchema, response: { 201: acknowledgementSchema, ...errors } },
    handler: async (request, reply) => {
      const principal = principalOf(request);
      const row = await acknowledgements.acknowledge(principal, String(request.params.briefId), request.body);
      const named = { ...row, delegateName: principal.user.name };
      return reply.status(201).send(presentAcknowledgement(named, row.version, [named]));
    },
  });

  app.post('/api/acknowledgements/:acknowledgementId/review', {
    schema: {
      tags,
      params: idParam('acknowledgementId'),
      body: reviewReadBackSchema,
      response: { 200: okResponseSchema, ...errors },
    },
    handler: async (request) => {
      await acknowledgements.review(principalOf(request), String(request.params.acknowledgementId), request.body);
      return { ok: true as const };
    },
  });

  app.post('/api/briefs/:briefId/questions', {
    schema: { tags, params: briefParams, body: askQuestionSchema, response: { 201: questionSchema, ...errors } },
    handler: async (request, reply) => {
      const principal = principalOf(request);
      const row = await briefs.askQuestion(principal, String(request.params.briefId), request.body.question);
      return reply.status(201).send(presentQuestion({ ...row, askedByName: principal.user.name }));
    },
  });

  app.post('/api/brief-questions/:questionId/answer', {
    schema: { tags, params: idParam('questionId'), body: answerQuestionSchema, response: { 200: questionSchema, ...errors } },
    handler: async (request) =>
      presentQuestion(await briefs.answerQuestion(principalOf(request), String(request.params.questionId), request.body.answer)),
  });

  app.get('/api/brief-templates', {
    schema: { tags, response: { 200: z.array(briefTemplateSchema), ...errors } },
    handler: async (request) => (await briefs.listTemplates(principalOf(request))).map(presentTemplate),
  });

  app.post('/api/brief-templates', {
    config: { access: 'manager' },
    schema: { tags, body: briefTemplateInputSchema, response: { 201: briefTemplateSchema, ...errors } },
    handler: async (request, reply) =>
      reply.status(201).send(presentTemplate(await briefs.createTemplate(principalOf(request), request.body))),
  });

  app.patch('/api/brief-templates/:templateId', {
    config: { access: 'manager' },
    schema: { tags, params: idParam('templateId'), body: briefTemplateInputSchema, response: { 200: briefTemplateSchema, ...errors } },
    handler: async (request) =>
      presentTemplate(await briefs.updateTemplate(principalOf(request), String(request.params.templateId), request.body)),
  });

  app.delete('/api/brief-templates/:templateId', {
    config: { access: 'manager' },
    schema: { tags, params: idParam('templateId'), response: { 200: okResponseSchema, ...errors } },
    handler: async (request) => {
      await briefs.deleteTemplate(principalOf(request), String(request.params.templateId));
      return { ok: true as const };
    },
  });
}
