// The report as one self-contained, printable HTML page: inline styles, no script, no external resource. Every
// value is escaped (client emails are untrusted text); the original emails are linked, not embedded.
import type { ReportDocument } from '../../contracts/report.contracts';
import { formatReportTime, formatSource } from './report.format';
import { callCells, coverageCells, escalationCells, readinessLine, summaryRows } from './report.rows';
import { reportLabels } from './report.texts';

export type EvidenceLinks = { emailUrl: (messageId: string) => string };

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);

const STYLE = `
*{box-sizing:border-box}
body{font:14px/1.5 system-ui,-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;color:#1c2530;margin:0;padding:24px;max-width:1100px}
h1{font-size:24px;margin:0 0 4px}h2{font-size:19px;margin:32px 0 8px;border-bottom:2px solid #d5dbe3;padding-bottom:4px}
h3{font-size:15px;margin:20px 0 6px}p{margin:6px 0}
.muted{color:#5b6675}.status{display:inline-block;padding:2px 8px;border-radius:4px;background:#eef1f5;font-weight:600}
.final{background:#e3f4e8;color:#135c2c}.draft{background:#fff4db;color:#6b4a00}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:2px 16px;margin:12px 0}dl.meta dt{font-weight:600}dl.meta dd{margin:0}
table{border-collapse:collapse;width:100%;margin:8px 0;font-size:13px}
th,td{border:1px solid #d5dbe3;padding:4px 6px;text-align:left;vertical-align:top;overflow-wrap:anywhere}
th{background:#eef1f5}thead{display:table-header-group}tr{break-inside:avoid}
td.num{text-align:right;white-space:nowrap}td.time{white-space:nowrap}
.source{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:11px;color:#5b6675}
.hash{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px;overflow-wrap:anywhere}
blockquote{margin:6px 0;padding:6px 12px;border-left:4px solid #9aa6b5;background:#f6f8fa;white-space:pre-wrap;overflow-wrap:anywhere}
.email{break-inside:avoid;margin:16px 0}.narrative{white-space:pre-wrap;border:1px solid #d5dbe3;padding:12px;border-radius:4px}
ul{margin:4px 0 8px;padding-left:20px}
@media (max-width:600px){body{padding:12px}table{font-size:12px}dl.meta{grid-template-columns:1fr}}
@media print{body{padding:0;max-width:none}a{color:inherit}h2{break-after:avoid}}
`;

/** The report as HTML; `links.emailUrl` points at the authenticated download of each original message. */
export function renderReportHtml(document: ReportDocument, links: EvidenceLinks, options: { finalHash?: string | null } = {}): string {
  const l = reportLabels(document.language);
  const zone = document.timeZone;
  const e = escapeHtml;
  const time = (at: string | null) => (at ? formatReportTime(at, zone) : l('meta.none'));
  const out: string[] = [];
  const push = (html: string) => out.push(html);
  const { absence } = document;

  push(`<!doctype html><html lang="${document.language}"><head><meta charset="utf-8">`);
  push('<meta name="viewport" content="width=device-width,initial-scale=1">');
  push(`<title>${e(l('title', { owner: absence.owner }))}</title><style>${STYLE}</style></head><body>`);
  push(`<h1>${e(l('title', { owner: absence.owner }))}</h1>`);
  push(`<p class="muted">${e(l('subtitle', { start: time(absence.startsAt), end: time(absence.endsAt) }))}</p>`);
  push(`<p><span class="status ${document.status}">${e(l(`status.${document.status}`))}</span></p>`);
  push(
    `<p class="muted">${
      document.status === 'final' && options.finalHash
        ? e(l('status.final_note', { hash: options.finalHash }))
        : e(l(document.status === 'final' ? 'status.final' : 'status.draft_note'))
    }</p>`,
  );
  push('<dl class="meta">');
  const meta: [string, string][] = [
    ['meta.workspace', absence.workspace],
    ['meta.owner', absence.owner],
    ['meta.manager', absence.manager],
    ['meta.primary', absence.primaryDelegate],
    ['meta.backup', absence.backupDelegate ?? l('meta.none')],
    ['meta.period', `${time(absence.startsAt)} – ${time(absence.endsAt)}`],
    ['meta.started', time(absence.startedAt)],
    ['meta.returned', time(absence.returnedAt)],
    ['meta.generated', time(document.generatedAt)],
  ];
  for (const [label, value] of meta) push(`<dt>${e(l(label))}</dt><dd>${e(value)}</dd>`);
  push('</dl>');
  push(`<p class="muted">${e(l('meta.time_zone', { zone }))}</p>`);

  // Summary figures.
  push(`<h2>${e(l('section.summary'))}</h2><table><tbody>`);
  for (const [label, value] of summaryRows(document)) push(`<tr><th scope="row">${e(label)}</th><td class="num">${e(value)}</td></tr>`);
  push('</tbody></table>');

  // Narrative, marked as the owner's own words.
  if (document.narrative?.text) {
    push(`<h2>${e(l('section.narrative', { owner: absence.owner }))}</h2>`);
    push(`<p class="muted">${e(l('narrative.note', { owner: absence.owner }))}</p>`);
    push(`<div class="narrative">${e(document.narrative.text)}</div>`);
  }

  // Handover.
  push(`<h2>${e(l('section.handover'))}</h2>`);
  push(`<p>${e(readinessLine(document))}</p>`);
  if (document.handover.override) {
    const { by, at, reason } = document.handover.override;
    push(`<p>${e(l('handover.override', { by, at: time(at), reason }))}</p>`);
  }
  if (document.handover.briefs.length === 0) push(`<p>${e(l('handover.none'))}</p>`);
  for (const brief of document.handover.briefs) {
    const title = `${l('handover.brief', { client: brief.clientName })}${brief.projectName ? ` — ${brief.projectName}` : ''}${
      brief.keyAccount ? ` (${l('handover.key_account')})` : ''
    }`;
    push(`<h3>${e(title)}</h3>`);
    push(`<p><strong>${e(l('handover.versions'))}</strong></p><ul>`);
    for (const version of brief.versions) {
      push(
        `<li>${e(l('handover.version_line', { version: version.version, at: time(version.createdAt), by: version.createdBy, hash: '' }))}<span class="hash">${e(version.contentHash)}</span></li>`,
      );
    }
    push(`</ul><p><strong>${e(l('handover.acknowledgements'))}</strong></p><ul>`);
    for (const ack of brief.acknowledgements) {
      const line = l('handover.ack_line', {
        delegate: ack.delegate,
        role: l(`role.${ack.role}`),
        version: ack.version,
        at: time(ack.at),
        hash: '',
      });
      push(`<li>${e(line)}<span class="hash">${e(ack.contentHash)}</span>`);
      if (ack.supersededAt) push(` — ${e(l('handover.superseded', { at: time(ack.supersededAt) }))}`);
      push(`<br>${e(ack.readBack ? l('handover.read_back', { text: ack.readBack }) : l('handover.no_read_back'))}</li>`);
    }
    push('</ul>');
    if (brief.questions.length > 0) {
      push(`<p><strong>${e(l('handover.questions'))}</strong></p><ul>`);
      for (const question of brief.questions) {
        push(
          `<li>${e(l('handover.question_line', { askedBy: question.askedBy, at: time(question.askedAt), question: question.question }))}<br>`,
        );
        push(
          question.answer !== null
            ? e(
                l('handover.answer_line', {
                  answeredBy: question.answeredBy ?? '',
                  at: time(question.answeredAt),
                  answer: question.answer,
                }),
              )
            : e(l('handover.unanswered')),
        );
        push('</li>');
      }
      push('</ul>');
    }
  }

  // Coverage.
  push(`<h2>${e(l('section.coverage'))}</h2>`);
  if (document.coverage.length === 0) push(`<p>${e(l('coverage.none'))}</p>`);
  else {
    const headers = [
      'column.time',
      'column.channel',
      'column.client',
      'column.from',
      'column.subject',
      'column.handled_by',
      'column.first_response',
      'column.sla_breached',
      'column.outcome',
      'column.note',
      'column.auto_replies',
    ];
    push(`<table><thead><tr>${headers.map((header) => `<th scope="col">${e(l(header))}</th>`).join('')}</tr></thead><tbody>`);
    for (const contact of document.coverage) {
      const cells = coverageCells(document, contact);
      push(`<tr>${cells.map((cell, index) => `<td${index === 0 ? ' class="time"' : ''}>${e(cell)}</td>`).join('')}</tr>`);
    }
    push('</tbody></table>');
  }

  // Escalations.
  push(`<h2>${e(l('section.escalations'))}</h2>`);
  if (document.escalations.length === 0) push(`<p>${e(l('escalations.none'))}</p>`);
  else {
    const headers = [
      'column.time',
      'column.client',
      'column.subject',
      'column.rule',
      'column.recipient',
      'column.state',
      'column.resolution',
    ];
    push(`<table><thead><tr>${headers.map((header) => `<th scope="col">${e(l(header))}</th>`).join('')}</tr></thead><tbody>`);
    for (const escalation of document.escalations) {
      const cells = escalationCells(document, escalation);
      push(`<tr>${cells.map((cell) => `<td>${e(cell)}</td>`).join('')}</tr>`);
    }
    push('</tbody></table>');
  }

  // Client emails, quoted, with their originals.
  push(`<h2>${e(l('section.emails'))}</h2>`);
  if (document.emails.length === 0) push(`<p>${e(l('emails.none'))}</p>`);
  for (const email of document.emails) {
    push('<div class="email">');
    push(`<h3>${e(email.subject || '—')}</h3>`);
    push(
      `<p class="muted">${e(l('emails.received', { at: time(email.receivedAt), from: email.from }))}${email.client ? ` (${e(email.client)})` : ''}</p>`,
    );
    push(`<blockquote>${e(email.text)}</blockquote>`);
    if (email.truncated) push(`<p class="muted">${e(l('emails.truncated'))}</p>`);
    push(
      `<p class="muted">${e(l('emails.original', { filename: email.filename, hash: '' }))}<span class="hash">${e(email.rawSha256)}</span> · <a href="${e(links.emailUrl(email.messageId))}" download="${e(email.filename)}" rel="noreferrer">${e(l('emails.download'))}</a></p>`,
    );
    push('</div>');
  }

  // Recovery.
  push(`<h2>${e(l('section.recovery'))}</h2><h3>${e(l('recovery.calls'))}</h3>`);
  if (document.recovery.calls.length === 0) push(`<p>${e(l('recovery.no_calls'))}</p>`);
  else {
    const headers = ['column.time', 'column.client', 'column.outcome', 'column.by', 'column.notes'];
    push(`<table><thead><tr>${headers.map((header) => `<th scope="col">${e(l(header))}</th>`).join('')}</tr></thead><tbody>`);
    for (const call of document.recovery.calls)
      push(
        `<tr>${callCells(document, call)
          .map((cell) => `<td>${e(cell)}</td>`)
          .join('')}</tr>`,
      );
    push('</tbody></table>');
  }
  push(`<h3>${e(l('recovery.clients'))}</h3>`);
  if (document.recovery.clients.length === 0) push(`<p>${e(l('recovery.no_clients'))}</p>`);
  else {
    const headers = ['column.client', 'column.status', 'column.since', 'column.reason'];
    push(`<table><thead><tr>${headers.map((header) => `<th scope="col">${e(l(header))}</th>`).join('')}</tr></thead><tbody>`);
    for (const client of document.recovery.clients) {
      const cells = [client.client, l(`client_status.${client.status}`), time(client.since), client.reason ?? ''];
      push(`<tr>${cells.map((cell) => `<td>${e(cell)}</td>`).join('')}</tr>`);
    }
    push('</tbody></table>');
  }

  // Timeline.
  push(`<h2>${e(l('section.timeline'))}</h2>`);
  if (document.timeline.length === 0) push(`<p>${e(l('timeline.none'))}</p>`);
  else {
    push(
      `<table><thead><tr><th scope="col">${e(l('column.time'))}</th><th scope="col">${e(l('column.fact'))}</th><th scope="col">${e(l('column.source'))}</th></tr></thead><tbody>`,
    );
    for (const entry of document.timeline) {
      push(
        `<tr><td class="time">${e(time(entry.at))}</td><td>${e(entry.text)}</td><td class="source">${e(formatSource(entry.source, document.language))}</td></tr>`,
      );
    }
    push('</tbody></table>');
  }
  push('</body></html>');
  return out.join('');
}
