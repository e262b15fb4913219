import { DateTime } from 'luxon';
import type { ReportDocument, ReportSource } from '../../contracts/report.contracts';
import { translateReport as t } from './report.texts';

// How the report writes times, durations, hashes and sources: shared by the document builder and every export, so a
// fact reads the same in the preview, the Markdown, the HTML and the PDF.

type Language = ReportDocument['language'];

/** "23/03/2026 09:40" in the workspace's zone (the same digits in English and Italian). */
export function formatReportTime(at: string | Date, timeZone: string): string {
  const value = typeof at === 'string' ? DateTime.fromISO(at, { zone: timeZone }) : DateTime.fromJSDate(at, { zone: timeZone });
  return value.toFormat('dd/MM/yyyy HH:mm');
}

/** "23/03/2026" in the workspace's zone. */
export function formatReportDay(at: string | Date, timeZone: string): string {
  const value = typeof at === 'string' ? DateTime.fromISO(at, { zone: timeZone }) : DateTime.fromJSDate(at, { zone: timeZone });
  return value.toFormat('dd/MM/yyyy');
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
