// The report as a PDF (pdfkit): a title page with the facts of the absence and the summary figures, the handover, the
// coverage and timeline tables (their header row repeated on every page), the quoted client emails with the originals
// embedded as .eml attachments, and "Page X of Y" on every page.
//
// Built for reports of thousands of contacts: text is wrapped here with word widths measured once (pdfkit would lay
// every cell out twice, to measure and to draw), each page is written out as soon as it is full, and the total page
// count is one small shared object filled in at the end — no page waits in memory for its footer. Rows are drawn in
// slices with a pause between them, so the caller can store the progress while a long report renders.
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
const INK = '#1c2530';
const MUTED = '#5b6675';

// The standard PDF fonts read WinAnsi (Windows-1252); anything else would print as garbage, so it becomes "?".
const NOT_WIN_ANSI = /[^\t\n\x20-\x7e\xa0-\xff€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]/gu;
export const pdfText = (value: string) => value.replace(NOT_WIN_ANSI, '?');

type Font = 'Helvetica' | 'Helvetica-Bold';
type Column = { header: string; width: number };
type Layout = 'portrait' | 'landscape';

/** pdfkit internals the deferred page total needs: the current font's resource name and dictionary. */
type FontInternals = { _font: { id: string; ref: () => unknown; font?: AfmMetrics } };
type AfmMetrics = {
  glyphWidths?: Record<string, number>;
  kernPairs?: Record<string, number>;
  advancesForGlyphs?: (glyphs: string[]) => number[];
  widthOfGlyph?: (glyph: string) => number;
  fastMetrics?: boolean;
};

/**
 * pdfkit's standard fonts look every glyph's width and kerning up by building a string key per character pair, which
 * is most of the time a report of thousands of rows takes. The same numbers from Maps built once per font; left as
 * it is if pdfkit's internals ever change shape.
 */
function installFastMetrics(doc: PDFKit.PDFDocument) {
  const font = (doc as unknown as FontInternals)._font.font;
  if (!font || font.fastMetrics || !font.glyphWidths || !font.kernPairs || typeof font.advancesForGlyphs !== 'function') return;
  const widths = new Map(Object.entries(font.glyphWidths));
  const kerns = new Map<string, Map<string, number>>();
  for (const [pair, amount] of Object.entries(font.kernPairs)) {
    const [left = '', right = ''] = pair.split('\0');
    let row = kerns.get(left);
    if (!row) {
      row = new Map();
      kerns.set(left, row);
    }
    row.set(right, amount);
  }
  font.widthOfGlyph = (glyph) => widths.get(glyph) ?? 0;
  font.advancesForGlyphs = (glyphs) => {
    const advances = new Array<number>(glyphs.length);
    for (let index = 0; index < glyphs.length; index++) {
      const left = glyphs[index] ?? '';
      const right = glyphs[index + 1];
      advances[index] = (widths.get(left) ?? 0) + (right === undefined ? 0 : (kerns.get(left)?.get(right) ?? 0));
    }
    return advances;
  };
  font.fastMetrics = true;
}

export async function renderReportPdf(document: ReportDocument, options: PdfOptions): Promise<Buffer> {
  const l = reportLabels(document.language);
  const zone = document.timeZone;
  const time = (at: string | null) => (at ? formatReportTime(at, zone) : l('meta.none'));
  const { absence } = document;
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN + FOOTER, left: MARGIN, right: MARGIN },
    autoFirstPage: false,
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

  // ---- measuring and wrapping, with every word measured once per font and size ----
  const widths = new Map<string, Map<string, number>>();
  const measure = (text: string, font: Font, size: number) => {
    const key = `${font}:${size}`;
    let cache = widths.get(key);
    if (!cache) {
      cache = new Map();
      widths.set(key, cache);
    }
    let width = cache.get(text);
    if (width === undefined) {
      width = doc.font(font).fontSize(size).widthOfString(text);
      cache.set(text, width);
    }
    return width;
  };
  /** Greedy line breaking on spaces; a word wider than the line is cut between characters. */
  const wrap = (text: string, limit: number, font: Font, size: number): string[] => {
    const lines: string[] = [];
    const space = measure(' ', font, size);
    for (const paragraph of text.split('\n')) {
      let line = '';
      let lineWidth = 0;
      for (const word of paragraph.split(' ')) {
        let rest = word;
        let restWidth = measure(rest, font, size);
        while (line === '' && restWidth > limit && rest.length > 1) {
          let cut = 1;
          let cutWidth = measure(rest.slice(0, 1), font, size);
          while (cut < rest.length && cutWidth + measure(rest.charAt(cut), font, size) <= limit) {
            cutWidth += measure(rest.charAt(cut), font, size);
            cut += 1;
          }
          lines.push(rest.slice(0, cut));
          rest = rest.slice(cut);
          restWidth = measure(rest, font, size);
        }
        if (line === '') {
          line = rest;
          lineWidth = restWidth;
        } else if (lineWidth + space + restWidth <= limit) {
          line += ` ${rest}`;
          lineWidth += space + restWidth;
        } else {
          lines.push(line);
          line = '';
          lineWidth = 0;
          // The word starts the next line (and is cut there if it is still too wide).
          for (const piece of wrap(rest, limit, font, size)) {
            if (line !== '') lines.push(line);
            line = piece;
            lineWidth = measure(piece, font, size);
          }
        }
      }
      lines.push(line);
    }
    return lines;
  };
  const lineHeightOf = (size: number) => size * 1.25;

  // ---- pages, each with its footer; the total is drawn once, into a shared object, at the end ----
  doc.font('Helvetica-Bold');
  installFastMetrics(doc);
  doc.font('Helvetica');
  installFastMetrics(doc);
  const helvetica = (doc as unknown as FontInternals)._font;
  const totalPages = doc.ref({
    Type: 'XObject',
    Subtype: 'Form',
    BBox: [0, -4, 60, 12],
    Resources: { Font: { [helvetica.id]: helvetica.ref() } },
  });
  let pageCount = 0;
  let layout: Layout = 'portrait';
  let width = 0;
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  const newPage = (turn: Layout = layout) => {
    layout = turn;
    doc.addPage({ size: 'A4', layout, margins: { top: MARGIN, bottom: MARGIN + FOOTER, left: MARGIN, right: MARGIN } });
    pageCount += 1;
    width = doc.page.width - MARGIN * 2;
    const prefix = pdfText(l('page', { page: pageCount, pages: '' }));
    const y = doc.page.height - MARGIN;
    doc.font('Helvetica').fontSize(SMALL).fillColor(MUTED).text(prefix, MARGIN, y, { lineBreak: false });
    // Native PDF space (pdfkit draws top-down): the total sits on the prefix's baseline, right after it.
    const baseline = doc.page.height - y - (SMALL * 718) / 1000;
    doc.page.xobjects.PageTotal = totalPages;
    doc.addContent(
      `q 1 0 0 -1 0 ${doc.page.height} cm 1 0 0 1 ${(MARGIN + measure(prefix, 'Helvetica', SMALL)).toFixed(2)} ${baseline.toFixed(2)} cm /PageTotal Do Q`,
    );
    doc.fillColor(INK);
    doc.x = MARGIN;
    doc.y = MARGIN;
  };

  // ---- flowing text ----
  const lines = (value: string, size = BODY, font: Font = 'Helvetica', color = INK, indent = 0) => {
    const height = lineHeightOf(size);
    for (const line of wrap(pdfText(value), width - indent, font, size)) {
      if (doc.y + height > bottom()) newPage();
      if (line)
        doc
          .font(font)
          .fontSize(size)
          .fillColor(color)
          .text(line, MARGIN + indent, doc.y, { lineBreak: false });
      doc.y += height;
    }
    doc.x = MARGIN;
  };
  const muted = (value: string) => lines(value, SMALL, 'Helvetica', MUTED);
  const gap = (points: number) => {
    doc.y += points;
  };
  const heading = (value: string, size = 14) => {
    if (doc.y + size * 4 > bottom()) newPage();
    else gap(size * 0.8);
    lines(value, size, 'Helvetica-Bold');
    gap(3);
  };

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

  /** A table whose header row comes back at the top of every page it runs onto. */
  async function table(columns: Column[], rows: string[][], size = SMALL) {
    const lineHeight = lineHeightOf(size);
    const cellWidths = () => columns.map((column) => column.width * width);
    let current = cellWidths();
    const layoutRow = (cells: string[], font: Font) => {
      const wrapped = cells.map((cell, index) =>
        wrap(pdfText(cell.length > CELL_LIMIT ? `${cell.slice(0, CELL_LIMIT)}…` : cell), (current[index] ?? 0) - PAD * 2, font, size),
      );
      return { wrapped, height: Math.max(1, ...wrapped.map((cell) => cell.length)) * lineHeight + PAD * 2 };
    };
    const drawRow = (row: { wrapped: string[][]; height: number }, font: Font, fill: string | null) => {
      const top = doc.y;
      const full = current.reduce((sum, cell) => sum + cell, 0);
      if (fill) doc.rect(MARGIN, top, full, row.height).fill(fill);
      doc.font(font).fontSize(size).fillColor(INK);
      let x = MARGIN;
      row.wrapped.forEach((cellLines, index) => {
        cellLines.forEach((line, n) => {
          if (line) doc.text(line, x + PAD, top + PAD + n * lineHeight, { lineBreak: false });
        });
        x += current[index] ?? 0;
      });
      doc.strokeColor('#d5dbe3').lineWidth(0.5);
      doc
        .moveTo(MARGIN, top + row.height)
        .lineTo(MARGIN + full, top + row.height)
        .stroke();
      doc.x = MARGIN;
      doc.y = top + row.height;
    };
    const header = columns.map((column) => column.header);
    const drawHeader = () => drawRow(layoutRow(header, 'Helvetica-Bold'), 'Helvetica-Bold', '#eef1f5');
    if (doc.y + layoutRow(header, 'Helvetica-Bold').height + lineHeight * 3 > bottom()) newPage();
    current = cellWidths();
    drawHeader();
    for (let index = 0; index < rows.length; index++) {
      let row = layoutRow(rows[index] ?? [], 'Helvetica');
      if (doc.y + row.height > bottom()) {
        newPage();
        current = cellWidths();
        drawHeader();
        row = layoutRow(rows[index] ?? [], 'Helvetica');
      }
      drawRow(row, 'Helvetica', null);
      if (index % SLICE === SLICE - 1) await progress(SLICE);
    }
    await progress(rows.length % SLICE);
    gap(6);
  }

  // ---- title page ----
  newPage('portrait');
  gap(48);
  lines(l('title', { owner: absence.owner }), 22, 'Helvetica-Bold');
  lines(l('subtitle', { start: time(absence.startsAt), end: time(absence.endsAt) }), 12);
  gap(8);
  lines(l(`status.${document.status}`), 12, 'Helvetica-Bold');
  muted(document.status === 'final' && options.finalHash ? l('status.final_note', { hash: options.finalHash }) : l('status.draft_note'));
  gap(12);
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
  for (const [label, value] of meta) lines(`${label}: ${value}`, 10);
  gap(6);
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
    gap(4);
    lines(document.narrative.text, 10);
  }

  // ---- handover ----
  heading(l('section.handover'));
  lines(readinessLine(document));
  if (document.handover.override) {
    const { by, at, reason } = document.handover.override;
    lines(l('handover.override', { by, at: time(at), reason }));
  }
  if (document.handover.briefs.length === 0) lines(l('handover.none'));
  for (const brief of document.handover.briefs) {
    const title = `${l('handover.brief', { client: brief.clientName })}${brief.projectName ? ` — ${brief.projectName}` : ''}${
      brief.keyAccount ? ` (${l('handover.key_account')})` : ''
    }`;
    heading(title, 11);
    lines(l('handover.versions'), BODY, 'Helvetica-Bold');
    for (const version of brief.versions) {
      lines(
        `• ${l('handover.version_line', { version: version.version, at: time(version.createdAt), by: version.createdBy, hash: version.contentHash })}`,
      );
    }
    lines(l('handover.acknowledgements'), BODY, 'Helvetica-Bold');
    for (const ack of brief.acknowledgements) {
      const superseded = ack.supersededAt ? ` — ${l('handover.superseded', { at: time(ack.supersededAt) })}` : '';
      lines(
        `• ${l('handover.ack_line', { delegate: ack.delegate, role: l(`role.${ack.role}`), version: ack.version, at: time(ack.at), hash: ack.contentHash })}${superseded}`,
      );
      lines(ack.readBack ? l('handover.read_back', { text: ack.readBack }) : l('handover.no_read_back'), BODY, 'Helvetica', INK, 10);
    }
    if (brief.questions.length > 0) {
      lines(l('handover.questions'), BODY, 'Helvetica-Bold');
      for (const question of brief.questions) {
        lines(`• ${l('handover.question_line', { askedBy: question.askedBy, at: time(question.askedAt), question: question.question })}`);
        lines(
          question.answer !== null
            ? l('handover.answer_line', { answeredBy: question.answeredBy ?? '', at: time(question.answeredAt), answer: question.answer })
            : l('handover.unanswered'),
          BODY,
          'Helvetica',
          INK,
          10,
        );
      }
    }
  }

  // ---- coverage and escalations, on landscape pages: the coverage table is wide ----
  newPage('landscape');
  heading(l('section.coverage'));
  if (document.coverage.length === 0) lines(l('coverage.none'));
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
  if (document.escalations.length === 0) lines(l('escalations.none'));
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
  lines(l('recovery.calls'), 11, 'Helvetica-Bold');
  if (document.recovery.calls.length === 0) lines(l('recovery.no_calls'));
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
  gap(6);
  lines(l('recovery.clients'), 11, 'Helvetica-Bold');
  if (document.recovery.clients.length === 0) lines(l('recovery.no_clients'));
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
  if (document.timeline.length === 0) lines(l('timeline.none'));
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
  if (document.emails.length === 0) lines(l('emails.none'));
  else muted(l('emails.attached'));
  for (const [index, email] of document.emails.entries()) {
    if (doc.y + 80 > bottom()) newPage();
    gap(8);
    lines(email.subject || '—', 10.5, 'Helvetica-Bold');
    muted(`${l('emails.received', { at: time(email.receivedAt), from: email.from })}${email.client ? ` (${email.client})` : ''}`);
    gap(3);
    const page = pageCount;
    const top = doc.y;
    lines(email.text || '—', BODY, 'Helvetica', INK, 10);
    // The quote bar, when the quote stayed on one page.
    if (pageCount === page)
      doc
        .strokeColor('#9aa6b5')
        .lineWidth(2)
        .moveTo(MARGIN + 3, top)
        .lineTo(MARGIN + 3, doc.y)
        .stroke();
    gap(2);
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

  // The page total, now that it is known: the one object every footer shows.
  totalPages.end(`BT /${helvetica.id} ${SMALL} Tf 0 0 Td (${pageCount}) Tj ET`);
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}
