import type { ReportDocument, ReportSource } from '../../contracts/report.contracts';
import { translateReport as t } from './report.texts';

// How the report writes times, durations, hashes and sources: shared by the document builder and every export, so a
// fact reads the same in the preview, the Markdown, the HTML and the PDF.

type Language = ReportDocument['language'];

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsets = new Map<string, number>();
const HOUR_MS = 3_600_000;
const pad = (value: number) => String(value).padStart(2, '0');

/** The zone's offset from UTC in the hour holding `ms`, asked of Intl once per zone and hour (offsets change on hours). */
function offsetMinutes(ms: number, timeZone: string): number {
  const hour = Math.floor(ms / HOUR_MS);
  const key = `${timeZone}|${hour}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    let formatter = formatters.get(timeZone);
    if (!formatter) {
      formatter = new Intl.DateTimeFormat('en-GB', {
        timeZone,
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        hourCycle: 'h23',
      });
      formatters.set(timeZone, formatter);
    }
    const parts: Record<string, number> = {};
    for (const part of formatter.formatToParts(new Date(hour * HOUR_MS))) parts[part.type] = Number(part.value);
    const local = Date.UTC(parts.year ?? 0, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0);
    offset = Math.round((local - hour * HOUR_MS) / 60_000);
    offsets.set(key, offset);
  }
  return offset;
}

/** "23/03/2026 09:40" in the workspace's zone (the same digits in English and Italian); a report formats thousands. */
export function formatReportTime(at: string | Date, timeZone: string): string {
  const ms = typeof at === 'string' ? Date.parse(at) : at.getTime();
  const local = new Date(ms + offsetMinutes(ms, timeZone) * 60_000);
  return `${pad(local.getUTCDate())}/${pad(local.getUTCMonth() + 1)}/${local.getUTCFullYear()} ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
}

/** "40 minutes", "2 h 5 min", "1 d 3 h". */
export function formatDuration(minutes: number, language: Language): string {
  const whole = Math.max(0, Math.round(minutes));
  if (whole < 60) return t(language, 'duration.minutes', { count: whole });
  if (whole < 24 * 60) return t(language, 'duration.hours', { hours: Math.floor(whole / 60), minutes: whole % 60 });
  return t(language, 'duration.days', { days: Math.floor(whole / 1440), hours: Math.floor((whole % 1440) / 60) });
}

/** The first 12 hex digits: enough to find the full hash in the handover section or the audit log. */
export const shortHash = (hash: string) => hash.slice(0, 12);

export const formatPercent = (share: number) => Math.round(share * 100);

/** "audit #42 3f2a9c0d1e4b" or "message 3f2a9c0d1e4b". */
export function formatSource(source: ReportSource, language: Language): string {
  if (source.type === 'audit') return t(language, 'source.audit', { seq: source.seq ?? source.id, hash: shortHash(source.hash ?? '') });
  return t(language, 'source.record', {
    type: t(language, `source.type.${source.type}`),
    id: source.hash ? shortHash(source.hash) : source.id.slice(0, 8),
  });
}

export const reportFilename = (document: ReportDocument, extension: string) =>
  `baton-report-${document.absence.id.slice(0, 8)}-${document.status}.${extension}`;
