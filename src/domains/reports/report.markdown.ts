// The report as Markdown (CommonMark + GFM tables). Untrusted text is backslash-escaped, so a client's email can add
// neither markup nor raw HTML to a viewer that renders it; the original emails are linked.
import type { ReportDocument } from '../../contracts/report.contracts';
import { formatReportTime, formatSource } from './report.format';
import type { EvidenceLinks } from './report.html';
import { callCells, coverageCells, escalationCells, readinessLine, summaryRows } from './report.rows';
import { reportLabels } from './report.texts';

const INLINE_SYNTAX = /[\\`*_[\]<>|~&]/g;
/** What would open a heading, list, rule or numbered item at the start of a line. */
const LINE_START_SYNTAX = /^(\s*)([#=+-])/;
const LINE_START_NUMBER = /^(\s*\d+)([.)])/;

/** Inline text: every character Markdown or HTML could read as syntax is escaped; line breaks become spaces. */
export const mdText = (value: string) => value.replace(INLINE_SYNTAX, '\\$&').replace(/\s*\r?\n\s*/g, ' ');

/** A quoted block: each line escaped and prefixed with `> `. */
const mdQuote = (value: string) =>
  value
    .split(/\r?\n/)
    .map((line) => `> ${line.replace(INLINE_SYNTAX, '\\$&').replace(LINE_START_SYNTAX, '$1\\$2').replace(LINE_START_NUMBER, '$1\\$2')}`)
    .join('\n');

const table = (headers: string[], rows: string[][]) =>
  [
    `| ${headers.map(mdText).join(' | ')} |`,
    `|${headers.map(() => ' --- ').join('|')}|`,
    ...rows.map((row) => `| ${row.map((cell) => mdText(cell) || ' ').join(' | ')} |`),
  ].join('\n');

export function renderReportMarkdown(document: ReportDocument, links: EvidenceLinks, options: { finalHash?: string | null } = {}): string {
  const l = reportLabels(document.language);
  const zone = document.timeZone;
  const time = (at: string | null) => (at ? formatReportTime(at, zone) : l('meta.none'));
  const { absence } = document;
  const out: string[] = [];
  const section = (title: string) => out.push('', `## ${mdText(title)}`, '');

  out.push(`# ${mdText(l('title', { owner: absence.owner }))}`, '');
  out.push(mdText(l('subtitle', { start: time(absence.startsAt), end: time(absence.endsAt) })), '');
  out.push(
    `**${mdText(l(`status.${document.status}`))}** — ${mdText(
      document.status === 'final' && options.finalHash ? l('status.final_note', { hash: options.finalHash }) : l('status.draft_note'),
    )}`,
  );
  out.push('');
  const meta: [string, string][] = [
    [l('meta.workspace'), absence.workspace],
    [l('meta.owner'), absence.owner],
    [l('meta.manager'), absence.manager],
    [l('meta.primary'), absence.primaryDelegate],
    [l('meta.backup'), absence.backupDelegate ?? l('meta.none')],
    [l('meta.period'), `${time(absence.startsAt)} – ${time(absence.endsAt)}`],
    [l('meta.started'), time(absence.startedAt)],
    [l('meta.returned'), time(absence.returnedAt)],
    [l('meta.generated'), time(document.generatedAt)],
  ];
  for (const [label, value] of meta) out.push(`- **${mdText(label)}:** ${mdText(value)}`);
  out.push('', `_${mdText(l('meta.time_zone', { zone }))}_`);

  section(l('section.summary'));
  out.push(table([l('column.fact'), ''], summaryRows(document)));

  if (document.narrative?.text) {
    section(l('section.narrative', { owner: absence.owner }));
    out.push(`_${mdText(l('narrative.note', { owner: absence.owner }))}_`, '', mdQuote(document.narrative.text));
  }

  section(l('section.handover'));
  out.push(mdText(readinessLine(document)));
  if (document.handover.override) {
    const { by, at, reason } = document.handover.override;
    out.push('', mdText(l('handover.override', { by, at: time(at), reason })));
  }
  if (document.handover.briefs.length === 0) out.push('', mdText(l('handover.none')));
  for (const brief of document.handover.briefs) {
    const title = `${l('handover.brief', { client: brief.clientName })}${brief.projectName ? ` — ${brief.projectName}` : ''}${
      brief.keyAccount ? ` (${l('handover.key_account')})` : ''
    }`;
    out.push('', `### ${mdText(title)}`, '', `**${mdText(l('handover.versions'))}**`, '');
    for (const version of brief.versions) {
      out.push(
        `- ${mdText(l('handover.version_line', { version: version.version, at: time(version.createdAt), by: version.createdBy, hash: '' }))}\`${version.contentHash}\``,
      );
    }
    out.push('', `**${mdText(l('handover.acknowledgements'))}**`, '');
    for (const ack of brief.acknowledgements) {
      const line = l('handover.ack_line', {
        delegate: ack.delegate,
        role: l(`role.${ack.role}`),
        version: ack.version,
        at: time(ack.at),
        hash: '',
      });
      const superseded = ack.supersededAt ? ` — ${l('handover.superseded', { at: time(ack.supersededAt) })}` : '';
      out.push(`- ${mdText(line)}\`${ack.contentHash}\`${mdText(superseded)}`);
      out.push(`  ${mdText(ack.readBack ? l('handover.read_back', { text: ack.readBack }) : l('handover.no_read_back'))}`);
    }
    if (brief.questions.length > 0) {
      out.push('', `**${mdText(l('handover.questions'))}**`, '');
      for (const question of brief.questions) {
        out.push(
          `- ${mdText(l('handover.question_line', { askedBy: question.askedBy, at: time(question.askedAt), question: question.question }))}`,
        );
        out.push(
          `  ${mdText(
            question.answer !== null
              ? l('handover.answer_line', { answeredBy: question.answeredBy ?? '', at: time(question.answeredAt), answer: question.answer })
              : l('handover.unanswered'),
          )}`,
        );
      }
    }
  }

  section(l('section.coverage'));
  if (document.coverage.length === 0) out.push(mdText(l('coverage.none')));
  else
    out.push(
      table(
        [
          l('column.time'),
          l('column.channel'),
          l('column.client'),
          l('column.from'),
          l('column.subject'),
          l('column.handled_by'),
          l('column.first_response'),
          l('column.sla_breached'),
          l('column.outcome'),
          l('column.note'),
          l('column.auto_replies'),
        ],
        document.coverage.map((contact) => coverageCells(document, contact)),
      ),
    );

  section(l('section.escalations'));
  if (document.escalations.length === 0) out.push(mdText(l('escalations.none')));
  else
    out.push(
      table(
        ['column.time', 'column.client', 'column.subject', 'column.rule', 'column.recipient', 'column.state', 'column.resolution'].map(
          (key) => l(key),
        ),
        document.escalations.map((escalation) => escalationCells(document, escalation)),
      ),
    );

  section(l('section.emails'));
  if (document.emails.length === 0) out.push(mdText(l('emails.none')));
  for (const email of document.emails) {
    out.push(`### ${mdText(email.subject || '—')}`, '');
    out.push(
      `_${mdText(l('emails.received', { at: time(email.receivedAt), from: email.from }))}${email.client ? ` (${mdText(email.client)})` : ''}_`,
      '',
    );
    out.push(mdQuote(email.text), '');
    if (email.truncated) out.push(`_${mdText(l('emails.truncated'))}_`, '');
    out.push(
      `${mdText(l('emails.original', { filename: email.filename, hash: '' }))}\`${email.rawSha256}\` — [${mdText(l('emails.download'))}](<${links.emailUrl(email.messageId)}>)`,
      '',
    );
  }

  section(l('section.recovery'));
  out.push(`### ${mdText(l('recovery.calls'))}`, '');
  if (document.recovery.calls.length === 0) out.push(mdText(l('recovery.no_calls')));
  else
    out.push(
      table(
        ['column.time', 'column.client', 'column.outcome', 'column.by', 'column.notes'].map((key) => l(key)),
        document.recovery.calls.map((call) => callCells(document, call)),
      ),
    );
  out.push('', `### ${mdText(l('recovery.clients'))}`, '');
  if (document.recovery.clients.length === 0) out.push(mdText(l('recovery.no_clients')));
  else
    out.push(
      table(
        ['column.client', 'column.status', 'column.since', 'column.reason'].map((key) => l(key)),
        document.recovery.clients.map((client) => [
          client.client,
          l(`client_status.${client.status}`),
          time(client.since),
          client.reason ?? '',
        ]),
      ),
    );

  section(l('section.timeline'));
  if (document.timeline.length === 0) out.push(mdText(l('timeline.none')));
  else
    out.push(
      table(
        [l('column.time'), l('column.fact'), l('column.source')],
        document.timeline.map((entry) => [time(entry.at), entry.text, formatSource(entry.source, document.language)]),
      ),
    );
  out.push('');
  return out.join('\n');
}
