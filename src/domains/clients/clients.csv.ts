import { parse } from 'csv-parse/sync';
import type { RawRow } from './clients.import.models';

export type ParsedCsv = { headers: string[]; rows: RawRow[] };

/** Excel in Italian locales writes `;`, most CRMs `,`: the header line decides. */
export function detectDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const counts = [',', ';', '\t'].map((delimiter) => [delimiter, firstLine.split(delimiter).length] as const);
  return counts.reduce((best, candidate) => (candidate[1] > best[1] ? candidate : best))[0];
}

/**
 * Parses a CSV file (UTF-8, optional BOM) into its header and rows, each with the line it starts on,
 * so errors can name the line a person sees in a text editor or spreadsheet.
 */
export function parseCsv(text: string): ParsedCsv {
  const records = parse(text, {
    bom: true,
    delimiter: detectDelimiter(text.replace(/^\uFEFF/, '')),
    info: true,
    relax_column_count: true,
    skip_empty_lines: true,
    trim: false,
  }) as unknown as { record: string[]; info: { lines: number; empty_lines: number } }[];
  const [header, ...body] = records;
  if (!header) return { headers: [], rows: [] };
  const headers = header.record.map((cell) => cell.trim());
  const rows: RawRow[] = [];
  let lastLine = header.info.lines;
  let emptyLines = header.info.empty_lines;
  for (const { record, info } of body) {
    const line = lastLine + 1 + (info.empty_lines - emptyLines);
    lastLine = info.lines;
    emptyLines = info.empty_lines;
    if (record.every((cell) => cell.trim() === '')) continue;
    rows.push({ line, cells: record });
  }
  return { headers, rows };
}
