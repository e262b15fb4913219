// The report for the manager: gathered from the absence's records and audit events, built as a typed document in the
// owner's language, shown in the app (to the owner, and to the manager once she has sent it), with the owner's own
// narrative checked for loaded wording, finalised (frozen with its hash), sent to the manager, and exported as
// HTML, Markdown and PDF — every export's SHA-256 recorded in the audit log.
import { z } from 'zod';
import type { ReportDocument, ReportExport, ReportFormat, ReportView, SaveNarrativeInput } from '../../contracts/report.contracts';
import { reportDocumentSchema, saveNarrativeSchema } from '../../contracts/report.contracts';
import type { Clock } from '../../platform/clock/clock';
import { formatInstant } from '../../platform/clock/zoned-time';
import type { Db } from '../../platform/db/database';
import { defineJob, enqueueJob } from '../../platform/jobs/jobs';
import { canonicalJson } from '../../platform/security/canonical-json';
import { sha256Hex } from '../../platform/security/tokens';
import type { AbsenceLookup } from '../absences/absences.lookup';
import type { AbsenceRow } from '../absences/absences.repository';
import type { BriefLookup } from '../absences/briefs.lookup';
import type { AuditLookup } from '../audit/audit.lookup';
import type { AuditLog } from '../audit/audit.repository';
import type { CoverageLookup } from '../coverage/coverage.lookup';
import type { MailRepository } from '../mail/mail.repository';
import type { Notifier } from '../notifications/notifications.usecases';
import type { RecoveryRepository } from '../recovery/recovery.repository';
import type { RecoveryTasksRepository } from '../recovery/recovery-tasks.repository';
import type { Principal } from '../workspaces/auth.usecases';
import type { WorkspacesRepository } from '../workspaces/workspaces.repository';
import { checkNeutralLanguage, type NeutralLanguageFinding } from './neutral-language.models';
import { reportErrors } from './report.errors';
import { reportFilename } from './report.format';
import { type EvidenceLinks, renderReportHtml } from './report.html';
import { translateReportMail as t } from './report.mails';
import { renderReportMarkdown } from './report.markdown';
import { type AuditFact, buildReportDocument, type ReportInput, reportViewer } from './report.models';
import { renderReportPdf } from './report.pdf';
import type { ReportExportRow, ReportRepository, ReportRow } from './report.repository';

export const reportExportJob = {
  name: 'reports.export',
  payload: z.object({ workspaceId: z.uuid(), exportId: z.uuid() }),
  maxAttempts: 3,
};

type Deps = {
  db: Db;
  clock: Clock;
  auditLog: AuditLog;
  notifier: Notifier;
  absenceLookup: AbsenceLookup;
  briefLookup: BriefLookup;
  coverageLookup: CoverageLookup;
  recoveryRepository: RecoveryRepository;
  recoveryTasksRepository: RecoveryTasksRepository;
  auditLookup: AuditLookup;
  mailRepository: MailRepository;
  workspacesRepository: WorkspacesRepository;
  reportRepository: ReportRepository;
  baseUrl: string;
};

type Viewer = 'owner' | 'manager';
const STARTED_STATES = new Set(['active', 'returned', 'closed']);
const isBack = (absence: AbsenceRow) => absence.state === 'returned' || absence.state === 'closed';
/** Progress is written at most this often (rows), so the export does not spend its time on updates. */
const PROGRESS_STEP = 500;

const contentTypes: Record<ReportFormat, string> = {
  pdf: 'application/pdf',
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
};
export const reportContentType = (format: ReportFormat) => contentTypes[format];

export function presentExport(row: Omit<ReportExportRow, 'content'>): ReportExport {
  return {
    id: row.id,
    format: row.format,
    state: row.state,
    rowsDone: row.rowsDone,
    rowsTotal: row.rowsTotal,
    sha256: row.sha256,
    size: row.size,
    filename: row.filename,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    error: row.error,
  };
}

/** The rows the PDF draws, counted the same way as its progress. */
const pdfRows = (document: ReportDocument) =>
  document.coverage.length +
  document.timeline.length +
  document.emails.length +
  document.escalations.length +
  document.recovery.calls.length;

export function createReportUseCases(deps: Deps) {
  const { db, clock, reportRepository: repo } = deps;
  const evidence = (base: string): EvidenceLinks => ({ emailUrl: (messageId) => `${base}/api/mail/messages/${messageId}/raw` });

  /** Everything the report states, read from the other domains (no transaction: PGlite serves one query at a time). */
  async function gather(absence: AbsenceRow, status: 'draft' | 'final', narrative: ReportRow | null): Promise<ReportInput> {
    const { workspaceId } = absence;
    const workspace = await deps.workspacesRepository.workspaceById(workspaceId);
    const users = await deps.workspacesRepository.listUsers(workspaceId);
    const owner = users.find((user) => user.id === absence.ownerId);
    const covered = await deps.recoveryRepository.coveredClients(workspaceId, absence.id);
    const handover = await deps.briefLookup.handoverOf(workspaceId, absence.id);
    const contacts = await deps.coverageLookup.contactsOfAbsence(workspaceId, absence.id);
    const messages = await deps.coverageLookup.messagesOfAbsence(workspaceId, absence.id);
    const escalations = await deps.coverageLookup.escalationsOfAbsence(workspaceId, absence.id);
    const autoReplies = await deps.recoveryRepository.autoRepliesOfAbsence(workspaceId, absence.id);
    const calls = await deps.recoveryTasksRepository.callsOfAbsence(workspaceId, absence.id);
    // Records carry the injected clock's times, `createdAt` the database's: the earliest of them bounds the events.
    const since = Math.min(
      absence.createdAt.getTime(),
      absence.startsAt.getTime(),
      ...handover.flatMap((brief) => brief.versions.map((version) => version.createdAt.getTime())),
    );
    const events = await deps.auditLookup.eventsSince(workspaceId, new Date(since));

    // The events about this absence: its own, its briefs' and questions', its contacts', escalations' and messages',
    // its recovery's, and the covered clients' (status changes, win-back calls).
    const subjects = new Set<string>([
      absence.id,
      ...handover.flatMap((brief) => [brief.id, ...brief.questions.map((question) => question.id)]),
      ...contacts.map((contact) => contact.row.id),
      ...escalations.map((escalation) => escalation.id),
      ...messages.map((message) => message.id),
      ...autoReplies.map((reply) => reply.messageId),
      ...covered.map((client) => client.id),
    ]);
    const audit: AuditFact[] = events.filter(
      (event) => subjects.has(event.subjectId) || (event.data as { absenceId?: unknown }).absenceId === absence.id,
    );

    return {
      language: owner?.language ?? workspace?.defaultLanguage ?? 'en',
      timeZone: workspace?.timezone ?? 'UTC',
      generatedAt: clock.now(),
      status,
      workspaceName: workspace?.name ?? '',
      absence: {
        id: absence.id,
        ownerId: absence.ownerId,
        managerId: absence.managerId,
        primaryDelegateId: absence.primaryDelegateId,
        backupDelegateId: absence.backupDelegateId,
        startsAt: absence.startsAt,
        endsAt: absence.endsAt,
        startedAt: absence.startedAt,
        returnedAt: absence.returnedAt,
        createdAt: absence.createdAt,
        gateOverride: absence.gateOverride,
      },
      people: new Map(users.map((user) => [user.id, user.name])),
      clients: covered.map((client) => ({ id: client.id, name: client.name, tier: client.tier, status: client.status })),
      briefs: handover.map((brief) => ({
        id: brief.id,
        clientId: brief.clientId,
        clientName: brief.clientName,
        projectName: brief.projectName,
        keyAccount: brief.tier === 'key',
        currentVersion: brief.currentVersion,
        versions: brief.versions,
        acknowledgements: brief.acknowledgements,
        questions: brief.questions,
      })),
      contacts: contacts.map(({ row, messageCount }) => ({ ...row, messageCount })),
      messages,
      escalations,
      autoReplies,
      recoveryCalls: calls.map(({ call, clientId }) => ({ ...call, clientId })),
      audit,
      narrative: narrative?.narrative ? { text: narrative.narrative, savedAt: narrative.narrativeSavedAt ?? narrative.updatedAt } : null,
      until: absence.returnedAt ?? clock.now(),
    };
  }

  const buildLive = async (absence: AbsenceRow, row: ReportRow | null, status: 'draft' | 'final' = 'draft') =>
    buildReportDocument(await gather(absence, status, row));

  const parse = (content: string) => reportDocumentSchema.parse(JSON.parse(content));

  /** The absence and the caller's side of its report; a 404 for anyone who may not see it. */
  async function visible(principal: Principal, absenceId: string) {
    const absence = await deps.absenceLookup.byId(principal.workspace.id, absenceId);
    const row = absence ? await repo.report(principal.workspace.id, absence.id) : null;
    const viewer = absence ? reportViewer(principal, absence, Boolean(row?.sentAt)) : null;
    if (!absence || !viewer) throw reportErrors.notFound();
    if (!STARTED_STATES.has(absence.state)) throw reportErrors.notStarted();
    return { absence, row, viewer };
  }

  async function owned(principal: Principal, absenceId: string) {
    const found = await visible(principal, absenceId);
    if (found.viewer !== 'owner') throw reportErrors.ownerOnly();
    return found;
  }

  /** What a viewer sees: the owner her report (frozen once final), the manager what she last sent him. */
  async function documentOf(absence: AbsenceRow, row: ReportRow | null, viewer: Viewer) {
    if (viewer === 'manager' && row?.sentContent)
      return { document: parse(row.sentContent), hash: row.sentStatus === 'final' ? row.finalHash : null };
    if (row?.status === 'final' && row.finalContent) return { document: parse(row.finalContent), hash: row.finalHash };
    return { document: await buildLive(absence, row), hash: null };
  }

  async function view(principal: Principal, absenceId: string): Promise<ReportView> {
    const { absence, row, viewer } = await visible(principal, absenceId);
    const { document, hash } = await documentOf(absence, row, viewer);
    const owner = await deps.workspacesRepository.userInWorkspace(absence.workspaceId, absence.ownerId);
    const manager = await deps.workspacesRepository.userInWorkspace(absence.workspaceId, absence.managerId);
    const exports = await repo.recentExports(absence.workspaceId, absence.id, viewer);
    const status = viewer === 'manager' ? (row?.sentStatus ?? 'draft') : (row?.status ?? 'draft');
    return {
      absenceId: absence.id,
      viewer,
      status,
      absenceState: absence.state,
      ownerName: owner?.name ?? '',
      managerName: manager?.name ?? '',
      language: document.language,
      narrative: {
        text: viewer === 'manager' ? (document.narrative?.text ?? '') : (row?.narrative ?? ''),
        savedAt: (viewer === 'manager' ? document.narrative?.savedAt : row?.narrativeSavedAt?.toISOString()) ?? null,
        keptFindings: viewer === 'owner' ? (row?.narrativeFindings ?? []) : [],
      },
      finalisedAt: row?.finalisedAt?.toISOString() ?? null,
      finalHash: status === 'final' ? (hash ?? row?.finalHash ?? null) : null,
      sentAt: row?.sentAt?.toISOString() ?? null,
      sentStatus: row?.sentStatus ?? null,
      canEdit: viewer === 'owner' && row?.status !== 'final',
      canSend: viewer === 'owner' && isBack(absence),
      summary: document.summary,
      previewHtml: renderReportHtml(document, evidence(''), { finalHash: status === 'final' ? hash : null }),
      exports: exports.map(presentExport),
    };
  }

  /** The report's language is the owner's: the check reads the narrative in it. */
  async function languageOf(absence: AbsenceRow) {
    const owner = await deps.workspacesRepository.userInWorkspace(absence.workspaceId, absence.ownerId);
    return owner?.language ?? 'en';
  }

  async function saveNarrative(
    principal: Principal,
    absenceId: string,
    raw: SaveNarrativeInput,
  ): Promise<{ blocked: NeutralLanguageFinding[] } | { view: ReportView }> {
    const input = saveNarrativeSchema.parse(raw);
    const { absence, row } = await owned(principal, absenceId);
    if (row?.status === 'final') throw reportErrors.final();
    const findings = checkNeutralLanguage(input.text, await languageOf(absence));
    if (findings.length > 0 && !input.confirmed) return { blocked: findings };
    await db.transaction(async (tx) => {
      const now = clock.now();
      const locked = await repo.lockReport(tx, absence.workspaceId, absence.id, now);
      if (locked.status === 'final') throw reportErrors.final();
      await repo.updateReport(tx, absence.id, {
        narrative: input.text,
        narrativeFindings: findings,
        narrativeSavedAt: now,
        updatedAt: now,
      });
      await deps.auditLog.append(tx, {
        workspaceId: absence.workspaceId,
        actorId: principal.user.id,
        action: 'report.narrative_saved',
        subjectType: 'absence',
        subjectId: absence.id,
        data: {
          sha256: sha256Hex(input.text),
          length: input.text.length,
          flagged: findings.map((finding) => finding.phrase),
          keptDespiteFlags: findings.length > 0,
        },
      });
    });
    return { view: await view(principal, absenceId) };
  }

  /** Freezes the content: the canonical JSON of the document and its SHA-256, recorded in the audit log. */
  async function finalise(principal: Principal, absenceId: string) {
    const { absence, row } = await owned(principal, absenceId);
    if (row?.status === 'final') throw reportErrors.final();
    if (!isBack(absence)) throw reportErrors.notReturned();
    const document = await buildLive(absence, row, 'final');
    const content = canonicalJson(document);
    const hash = sha256Hex(content);
    await db.transaction(async (tx) => {
      const now = clock.now();
      const locked = await repo.lockReport(tx, absence.workspaceId, absence.id, now);
      if (locked.status === 'final') throw reportErrors.final();
      // The narrative may have changed since the document was built: finalise what was read, or ask again.
      if (locked.narrative !== (row?.narrative ?? ''))
        throw reportErrors.final('The narrative changed meanwhile: reload and finalise again');
      await repo.updateReport(tx, absence.id, {
        status: 'final',
        finalContent: content,
        finalHash: hash,
        finalisedAt: now,
        finalisedBy: principal.user.id,
        updatedAt: now,
      });
      await deps.auditLog.append(tx, {
        workspaceId: absence.workspaceId,
        actorId: principal.user.id,
        action: 'report.finalised',
        subjectType: 'absence',
        subjectId: absence.id,
        data: { sha256: hash, timelineEntries: document.timeline.length, contacts: document.coverage.length },
      });
    });
    return view(principal, absenceId);
  }

  /** The owner hands the report (the final one, or the draft as her return summary) to the manager first-hand. */
  async function sendToManager(principal: Principal, absenceId: string) {
    const { absence, row } = await owned(principal, absenceId);
    if (!isBack(absence)) throw reportErrors.notReturned();
    const final = row?.status === 'final' && row.finalContent;
    const content = final ? (row.finalContent as string) : canonicalJson(await buildLive(absence, row));
    const document = parse(content);
    const hash = sha256Hex(content);
    const manager = await deps.workspacesRepository.userInWorkspace(absence.workspaceId, absence.managerId);
    const workspace = await deps.workspacesRepository.workspaceById(absence.workspaceId);
    if (!manager) throw reportErrors.notFound();
    const zone = workspace?.timezone ?? 'UTC';
    await db.transaction(async (tx) => {
      const now = clock.now();
      await repo.lockReport(tx, absence.workspaceId, absence.id, now);
      await repo.updateReport(tx, absence.id, {
        sentContent: content,
        sentHash: hash,
        sentStatus: final ? 'final' : 'draft',
        sentAt: now,
        updatedAt: now,
      });
      await deps.auditLog.append(tx, {
        workspaceId: absence.workspaceId,
        actorId: principal.user.id,
        action: 'report.sent',
        subjectType: 'absence',
        subjectId: absence.id,
        data: { to: manager.id, status: final ? 'final' : 'draft', sha256: hash },
      });
      await deps.notifier.notify(tx, absence.workspaceId, manager, (language) => {
        const values = {
          owner: principal.user.name,
          start: formatInstant(absence.startsAt, language, zone),
          end: formatInstant(absence.returnedAt ?? absence.endsAt, language, zone),
          contacts: document.summary.contacts,
          escalations: document.summary.escalations,
          open: document.summary.open,
          hash: row?.finalHash ?? '',
        };
        return {
          kind: 'report.sent',
          subject: t(language, final ? 'sent.subject_final' : 'sent.subject', values),
          text: t(language, final ? 'sent.text_final' : 'sent.text', values),
          link: `/absences/${absence.id}/report`,
          data: { absenceId: absence.id },
        };
      });
    });
    return view(principal, absenceId);
  }

  // ---- exports ----

  /** The export's bytes; the PDF embeds the original emails, read from the workspace's raw message store. */
  async function render(
    absence: AbsenceRow,
    document: ReportDocument,
    format: ReportFormat,
    hash: string | null,
    onProgress?: (done: number, total: number) => Promise<void> | void,
  ): Promise<Buffer> {
    const options = { finalHash: hash };
    if (format === 'html') return Buffer.from(renderReportHtml(document, evidence(deps.baseUrl), options));
    if (format === 'md') return Buffer.from(renderReportMarkdown(document, evidence(deps.baseUrl), options));
    return renderReportPdf(document, {
      ...options,
      original: (email) => deps.mailRepository.raw(absence.workspaceId, email.rawSha256),
      ...(onProgress ? { onProgress } : {}),
    });
  }

  const recordExport = (tx: Db, absence: AbsenceRow, actorId: string | null, values: Record<string, unknown>) =>
    deps.auditLog.append(tx, {
      workspaceId: absence.workspaceId,
      actorId,
      action: 'report.exported',
      subjectType: 'absence',
      subjectId: absence.id,
      data: values,
    });

  /** HTML and Markdown are written at once; a PDF is queued as a job whose progress the caller polls. */
  async function requestExport(principal: Principal, absenceId: string, format: ReportFormat): Promise<ReportExport> {
    const { absence, row, viewer } = await visible(principal, absenceId);
    const { document, hash } = await documentOf(absence, row, viewer);
    const filename = reportFilename(document, format);
    const now = clock.now();
    if (format === 'pdf') {
      const created = await db.transaction(async (tx) => {
        const inserted = await repo.insertExport(tx, {
          workspaceId: absence.workspaceId,
          absenceId: absence.id,
          format,
          viewer,
          state: 'queued',
          rowsTotal: pdfRows(document),
          filename,
          requestedBy: principal.user.id,
          createdAt: now,
        });
        await enqueueJob(tx, clock, reportExportJob, { workspaceId: absence.workspaceId, exportId: inserted.id });
        return inserted;
      });
      return presentExport(created);
    }
    const bytes = await render(absence, document, format, hash);
    const sha256 = sha256Hex(bytes);
    const created = await db.transaction(async (tx) => {
      const inserted = await repo.insertExport(tx, {
        workspaceId: absence.workspaceId,
        absenceId: absence.id,
        format,
        viewer,
        state: 'done',
        rowsTotal: 1,
        rowsDone: 1,
        filename,
        content: bytes,
        sha256,
        size: bytes.length,
        requestedBy: principal.user.id,
        createdAt: now,
        finishedAt: now,
      });
      await recordExport(tx, absence, principal.user.id, { exportId: inserted.id, format, sha256, status: document.status, viewer });
      return inserted;
    });
    return presentExport(created);
  }

  /** The `reports.export` job: renders the PDF, storing the progress as it goes, then the file and its hash. */
  const exportJob = defineJob({
    ...reportExportJob,
    onGiveUp: async ({ exportId }) => {
      await repo.updateExport(db, exportId, { state: 'failed', error: 'The export stopped repeatedly', finishedAt: clock.now() });
    },
    handler: async ({ workspaceId, exportId }) => {
      const info = await repo.exportInfo(workspaceId, exportId);
      if (!info || info.state === 'done') return;
      const absence = await deps.absenceLookup.byId(workspaceId, info.absenceId);
      if (!absence) return;
      const row = await repo.report(workspaceId, absence.id);
      const { document, hash } = await documentOf(absence, row, info.viewer);
      const total = pdfRows(document);
      await repo.updateExport(db, exportId, { state: 'running', rowsDone: 0, rowsTotal: total });
      let written = 0;
      try {
        const bytes = await render(absence, document, 'pdf', hash, async (done) => {
          if (done - written < PROGRESS_STEP && done < total) return;
          written = done;
          await repo.updateExport(db, exportId, { rowsDone: done });
        });
        const sha256 = sha256Hex(bytes);
        await db.transaction(async (tx) => {
          const now = clock.now();
          await repo.updateExport(tx, exportId, {
            state: 'done',
            rowsDone: total,
            content: bytes,
            sha256,
            size: bytes.length,
            finishedAt: now,
          });
          await recordExport(tx, absence, info.requestedBy, {
            exportId,
            format: 'pdf',
            sha256,
            status: document.status,
            viewer: info.viewer,
          });
        });
      } catch (error) {
        await repo.updateExport(db, exportId, { error: error instanceof Error ? error.message : String(error) });
        throw error;
      }
    },
  });

  async function visibleExport(principal: Principal, exportId: string) {
    const info = await repo.exportInfo(principal.workspace.id, exportId);
    if (!info) throw reportErrors.exportNotFound();
    const { viewer } = await visible(principal, info.absenceId).catch(() => {
      throw reportErrors.exportNotFound();
    });
    // The manager's exports are of what he was sent; the owner's of her report: each sees his own side.
    if (viewer !== info.viewer) throw reportErrors.exportNotFound();
    return info;
  }

  return {
    jobDefinitions: [exportJob],
    view,
    saveNarrative,
    finalise,
    sendToManager,
    requestExport,

    async checkNarrative(principal: Principal, absenceId: string, text: string) {
      const { absence } = await owned(principal, absenceId);
      return { findings: checkNeutralLanguage(text, await languageOf(absence)) };
    },

    async exportStatus(principal: Principal, exportId: string) {
      return presentExport(await visibleExport(principal, exportId));
    },

    async exportFile(principal: Principal, exportId: string) {
      const info = await visibleExport(principal, exportId);
      if (info.state !== 'done') throw reportErrors.exportNotReady();
      const file = await repo.exportFile(principal.workspace.id, exportId);
      if (!file?.content) throw reportErrors.exportNotReady();
      return { content: file.content, filename: file.filename, contentType: reportContentType(file.format), sha256: file.sha256 ?? '' };
    },

    /**
     * `baton report ABSENCE_ID`: the owner's report (final once finalised) rendered here, with a progress callback;
     * the export is audited without an actor, as the CLI's other writes are.
     */
    async exportForCli(absenceId: string, format: ReportFormat, onProgress?: (done: number, total: number) => void) {
      let absence: AbsenceRow | null = null;
      for (const workspace of await deps.workspacesRepository.listWorkspaces()) {
        absence ??= await deps.absenceLookup.byId(workspace.id, absenceId);
      }
      if (!absence) throw reportErrors.notFound();
      if (!STARTED_STATES.has(absence.state)) throw reportErrors.notStarted();
      const row = await repo.report(absence.workspaceId, absence.id);
      const { document, hash } = await documentOf(absence, row, 'owner');
      onProgress?.(0, format === 'pdf' ? pdfRows(document) : 1);
      const bytes = await render(absence, document, format, hash, onProgress);
      const sha256 = sha256Hex(bytes);
      await db.transaction((tx) => recordExport(tx, absence, null, { format, sha256, status: document.status, via: 'cli' }));
      if (format !== 'pdf') onProgress?.(1, 1);
      return { bytes, sha256, filename: reportFilename(document, format), rows: format === 'pdf' ? pdfRows(document) : 1 };
    },
  };
}
export type ReportUseCases = ReturnType<typeof createReportUseCases>;
