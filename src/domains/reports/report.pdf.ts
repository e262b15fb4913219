// The report as a PDF (pdfkit): a title page with the facts of the absence and the summary figures, the handover, the
// coverage and timeline tables (their header row repeated on every page), the quoted client emails with the originals
// embedded as .eml attachments, and "Page X of Y" on every page. Rows are drawn in slices with a pause between them, so
// the caller can store the progress while a long report renders.
import PDFDocument from 'pdfkit';
import type { ReportDocument } from '../../contracts/report.contracts';
import { formatReportTime, formatSource } from './report.format';
import { callCells, coverageCells, escalationCells, readinessLine, summaryRows } from './report.rows';
import { reportLabels } from './report.texts';

export type PdfProgress = (done: number, total: number) => void | Promise<void>;

export type PdfOptions = {
  finalHash?: string | null;
  /** The original message of a quoted email (null: not stored, so not attached). */
  original: (email: ReportDocument['emails'][number]) => Promise<Buffer | null>;
  onProgress?: PdfProgress;
};

const MARGIN = 48;
const FOOTER = 28;
const PAD = 3;
const BODY = 9.5;
const SMALL = 8;
/** A cell longer than this is cut: no row may outgrow a page. The whole text is in the records and the originals. */
const CELL_LIMIT = 1200;
const SLICE = 200;

// The standard PDF fonts read WinAnsi (Windows-1252); anything else would print as garbage, so it becomes "?".
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
export function pdfText(value: string): string {
  let out = '';
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0;
    if (char === '\n' || char === '\t') out += char;
    else if ((code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(char)) out += char;
    else if (code === 0x2022 || code === 0x2026) out += char;
    else if (code >= 0x20) out += '?';
  }
  return out;
}

type Column = { header: string; width: number };

export async function renderReportPdf(document: ReportDocument, options: PdfOptions): Promise<Buffer> {
  const l = reportLabels(document.language);
  const zone = document.timeZone;
  const time = (at: string | null) => (at ? formatReportTime(at, zone) : l('meta.none'));
  const { absence } = document;
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN + FOOTER, left: MARGIN, right: MARGIN },
    bufferPages: true,
    info: { Title: pdfText(l('title', { owner: absence.owner })), Author: pdfText(absence.owner), Creator: 'Baton' },
    lang: document.language,
    displayTitle: true,
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });

  // The coverage table is wide: its pages turn to landscape, so the width is the current page's.
  let layout: 'portrait' | 'landscape' = 'portrait';
  let width = doc.page.width - MARGIN * 2;
  const newPage = (turn: 'portrait' | 'landscape' = layout) => {
    layout = turn;
    doc.addPage({ size: 'A4', layout, margins: { top: MARGIN, bottom: MARGIN + FOOTER, left: MARGIN, right: MARGIN } });
    width = doc.page.width - MARGIN * 2;
  };
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  const total =
    document.coverage.length +
    document.timeline.length +
    document.emails.length +
    document.escalations.length +
    document.recovery.calls.length;
  let done = 0;
  const progress = async (rows: number) => {
    done += rows;
    await options.onProgress?.(Math.min(done, total), total);
  };

  const text = (value: string, size = BODY, font = 'Helvetica', extra: PDFKit.Mixins.TextOptions = {}) => {
    doc
      .font(font)
      .fontSize(size)
      .fillColor('#1c2530')
      .text(pdfText(value), { width, ...extra });
  };
  const heading = (value: string, size = 14) => {
    if (doc.y + size * 4 > bottom()) newPage();
    doc.moveDown(0.8);
    text(value, size, 'Helvetica-Bold');
    doc.moveDown(0.3);
  };
  const muted = (value: string, size = SMALL) => {
    doc.font('Helvetica').fontSize(size).fillColor('#5b6675').text(pdfText(value), { width });
    doc.fillColor('#1c2530');
  };

  /** A table whose header row comes back at the top of every page it runs onto. */
  async function table(columns: Column[], rows: string[][], fontSize = SMALL) {
    const widths = columns.map((column) => column.width * width);
    const lineHeight = doc.font('Helvetica').fontSize(fontSize).currentLineHeight(true);
    const heightOf = (cells: string[], font: string) => {
      doc.font(font).fontSize(fontSize);
      let tallest = lineHeight;
      cells.forEach((cell, index) => {
        const inner = (widths[index] ?? 0) - PAD * 2;
        // Most cells fit on one line: measuring the width is much cheaper than laying the text out.
        if (!cell.includes('\n') && doc.widthOfString(cell) <= inner) return;
        tallest = Math.max(tallest, doc.heightOfString(cell, { width: inner }));
      });
      return tallest + PAD * 2;
    };
    const drawRow = (cells: string[], font: string, fill: string | null) => {
      const height = heightOf(cells, font);
      const top = doc.y;
      if (fill) doc.rect(MARGIN, top, width, height).fill(fill);
      let x = MARGIN;
      doc.font(font).fontSize(fontSize).fillColor('#1c2530');
      cells.forEach((cell, index) => {
        const cellWidth = widths[index] ?? 0;
        doc.text(cell, x + PAD, top + PAD, { width: cellWidth - PAD * 2, lineBreak: true });
        x += cellWidth;
      });
      doc.strokeColor('#d5dbe3').lineWidth(0.5);
      doc
        .moveTo(MARGIN, top + height)
        .lineTo(MARGIN + width, top + height)
        .stroke();
      doc.x = MARGIN;
      doc.y = top + height;
    };
    const header = columns.map((column) => pdfText(column.header));
    const drawHeader = () => drawRow(header, 'Helvetica-Bold', '#eef1f5');
    if (doc.y + heightOf(header, 'Helvetica-Bold') + lineHeight * 2 > bottom()) newPage();
    drawHeader();
    for (let index = 0; index < rows.length; index++) {
      const cells = (rows[index] ?? []).map((cell) => pdfText(cell.length > CELL_LIMIT ? `${cell.slice(0, CELL_LIMIT)}…` : cell));
      if (doc.y + heightOf(cells, 'Helvetica') > bottom()) {
        newPage();
        drawHeader();
      }
      drawRow(cells, 'Helvetica', null);
      if (index % SLICE === SLICE - 1) await progress(SLICE);
    }
    await progress(rows.length % SLICE);
    doc.moveDown(0.5);
  }

  // ---- title page ----
  doc.moveDown(4);
  text(l('title', { owner: absence.owner }), 22, 'Helvetica-Bold');
  text(l('subtitle', { start: time(absence.startsAt), end: time(absence.endsAt) }), 12);
  doc.moveDown(0.6);
  text(l(`status.${document.status}`), 12, 'Helvetica-Bold');
  muted(document.status === 'final' && options.finalHash ? l('status.final_note', { hash: options.finalHash }) : l('status.draft_note'));
  doc.moveDown(1);
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
  for (const [label, value] of meta) {
    doc
      .font('Helvetica-Bold')
      .fontSize(10)
      .text(pdfText(`${label}: `), { continued: true });
    doc.font('Helvetica').text(pdfText(value));
  }
  doc.moveDown(0.5);
  muted(l('meta.time_zone', { zone }));

  heading(l('section.summary'));
  await table(
    [
      { header: l('column.fact'), width: 0.75 },
      { header: '', width: 0.25 },
    ],
    summaryRows(document),
    BODY,
  );

  if (document.narrative?.text) {
    heading(l('section.narrative', { owner: absence.owner }));
    muted(l('narrative.note', { owner: absence.owner }));
    doc.moveDown(0.3);
    text(document.narrative.text, 10);
  }

  // ---- handover ----
  heading(l('section.handover'));
  text(readinessLine(document));
  if (document.handover.override) {
    const { by, at, reason } = document.handover.override;
    text(l('handover.override', { by, at: time(at), reason }));
  }
  if (document.handover.briefs.length === 0) text(l('handover.none'));
  for (const brief of document.handover.briefs) {
    const title = `${l('handover.brief', { client: brief.clientName })}${brief.projectName ? ` — ${brief.projectName}` : ''}${
      brief.keyAccount ? ` (${l('handover.key_account')})` : ''
    }`;
    heading(title, 11);
    text(l('handover.versions'), BODY, 'Helvetica-Bold');
    for (const version of brief.versions) {
      text(
        `• ${l('handover.version_line', { version: version.version, at: time(version.createdAt), by: version.createdBy, hash: version.contentHash })}`,
      );
    }
    text(l('handover.acknowledgements'), BODY, 'Helvetica-Bold');
    for (const ack of brief.acknowledgements) {
      const superseded = ack.supersededAt ? ` — ${l('handover.superseded', { at: time(ack.supersededAt) })}` : '';
      text(
        `• ${l('handover.ack_line', { delegate: ack.delegate, role: l(`role.${ack.role}`), version: ack.version, at: time(ack.at), hash: ack.contentHash })}${superseded}`,
      );
      text(`   ${ack.readBack ? l('handover.read_back', { text: ack.readBack }) : l('handover.no_read_back')}`);
    }
    if (brief.questions.length > 0) {
      text(l('handover.questions'), BODY, 'Helvetica-Bold');
      for (const question of brief.questions) {
        text(`• ${l('handover.question_line', { askedBy: question.askedBy, at: time(question.askedAt), question: question.question })}`);
        text(
          `   ${
            question.answer !== null
              ? l('handover.answer_line', { answeredBy: question.answeredBy ?? '', at: time(question.answeredAt), answer: question.answer })
              : l('handover.unanswered')
          }`,
        );
      }
    }
  }

  // ---- coverage, escalations (landscape) ----
  newPage('landscape');
  heading(l('section.coverage'));
  if (document.coverage.length === 0) text(l('coverage.none'));
  else
    await table(
      [
        { header: l('column.time'), width: 0.09 },
        { header: l('column.channel'), width: 0.06 },
        { header: l('column.client'), width: 0.11 },
        { header: `${l('column.from')} / ${l('column.subject')}`, width: 0.2 },
        { header: l('column.handled_by'), width: 0.12 },
        { header: l('column.first_response'), width: 0.12 },
        { header: l('column.sla_breached'), width: 0.06 },
        { header: `${l('column.outcome')} / ${l('column.note')}`, width: 0.17 },
        { header: l('column.auto_replies'), width: 0.07 },
      ],
      document.coverage.map((contact) => {
        const [at, channel, client, from, subject, handledBy, firstResponse, sla, outcome, note, autoReplies] = coverageCells(
          document,
          contact,
        );
        return [
          at ?? '',
          channel ?? '',
          client ?? '',
          `${from}\n“${subject}”`,
          handledBy ?? '',
          firstResponse ?? '',
          sla ?? '',
          note ? `${outcome}: ${note}` : (outcome ?? ''),
          autoReplies ?? '',
        ];
      }),
      7.5,
    );

  heading(l('section.escalations'));
  if (document.escalations.length === 0) text(l('escalations.none'));
  else
    await table(
      [
        { header: l('column.time'), width: 0.12 },
        { header: l('column.client'), width: 0.14 },
        { header: l('column.subject'), width: 0.16 },
        { header: l('column.rule'), width: 0.16 },
        { header: l('column.recipient'), width: 0.15 },
        { header: l('column.state'), width: 0.09 },
        { header: l('column.resolution'), width: 0.18 },
      ],
      document.escalations.map((escalation) => escalationCells(document, escalation)),
    );

  // ---- recovery ----
  newPage('portrait');
  heading(l('section.recovery'));
  text(l('recovery.calls'), 11, 'Helvetica-Bold');
  if (document.recovery.calls.length === 0) text(l('recovery.no_calls'));
  else
    await table(
      [
        { header: l('column.time'), width: 0.14 },
        { header: l('column.client'), width: 0.18 },
        { header: l('column.outcome'), width: 0.13 },
        { header: l('column.by'), width: 0.15 },
        { header: l('column.notes'), width: 0.4 },
      ],
      document.recovery.calls.map((call) => callCells(document, call)),
    );
  doc.moveDown(0.5);
  text(l('recovery.clients'), 11, 'Helvetica-Bold');
  if (document.recovery.clients.length === 0) text(l('recovery.no_clients'));
  else
    await table(
      [
        { header: l('column.client'), width: 0.3 },
        { header: l('column.status'), width: 0.15 },
        { header: l('column.since'), width: 0.15 },
        { header: l('column.reason'), width: 0.4 },
      ],
      document.recovery.clients.map((client) => [
        client.client,
        l(`client_status.${client.status}`),
        time(client.since),
        client.reason ?? '',
      ]),
    );

  // ---- timeline ----
  newPage();
  heading(l('section.timeline'));
  muted(l('meta.time_zone', { zone }));
  if (document.timeline.length === 0) text(l('timeline.none'));
  else
    await table(
      [
        { header: l('column.time'), width: 0.15 },
        { header: l('column.fact'), width: 0.63 },
        { header: l('column.source'), width: 0.22 },
      ],
      document.timeline.map((entry) => [time(entry.at), entry.text, formatSource(entry.source, document.language)]),
    );

  // ---- client emails, quoted, with the originals attached ----
  newPage();
  heading(l('section.emails'));
  if (document.emails.length === 0) text(l('emails.none'));
  else muted(l('emails.attached'));
  for (const [index, email] of document.emails.entries()) {
    if (doc.y + 80 > bottom()) newPage();
    doc.moveDown(0.6);
    text(email.subject || '—', 10.5, 'Helvetica-Bold');
    muted(`${l('emails.received', { at: time(email.receivedAt), from: email.from })}${email.client ? ` (${email.client})` : ''}`);
    doc.moveDown(0.2);
    const quoteTop = doc.y;
    const startPage = doc.bufferedPageRange().count;
    doc
      .font('Helvetica')
      .fontSize(BODY)
      .fillColor('#1c2530')
      .text(pdfText(email.text || '—'), MARGIN + 10, doc.y + 2, { width: width - 10 });
    doc.y += 2;
    // The quote bar, when the quote stayed on one page.
    if (doc.bufferedPageRange().count === startPage) {
      doc
        .strokeColor('#9aa6b5')
        .lineWidth(2)
        .moveTo(MARGIN + 3, quoteTop)
        .lineTo(MARGIN + 3, doc.y)
        .stroke();
    }
    doc.x = MARGIN;
    if (email.truncated) muted(l('emails.truncated'));
    muted(l('emails.original', { filename: email.filename, hash: email.rawSha256 }));
    const raw = await options.original(email);
    if (raw) {
      doc.file(raw, {
        name: email.filename,
        type: 'message/rfc822',
        description: pdfText(`${email.from} — ${email.subject}`),
        creationDate: new Date(email.receivedAt),
        modifiedDate: new Date(email.receivedAt),
      });
    }
    if (index % SLICE === SLICE - 1) await progress(SLICE);
  }
  await progress(document.emails.length % SLICE);

  // ---- page numbers ----
  const range = doc.bufferedPageRange();
  for (let page = range.start; page < range.start + range.count; page++) {
    doc.switchToPage(page);
    const keep = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('Helvetica')
      .fontSize(SMALL)
      .fillColor('#5b6675')
      .text(pdfText(l('page', { page: page + 1, pages: range.count })), MARGIN, doc.page.height - MARGIN, {
        width,
        align: 'center',
        lineBreak: false,
      });
    doc.page.margins.bottom = keep;
  }
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}
