// A raw RFC 822 message → its header fields, for the auto-reply policy. Never throws: whatever cannot be
// read is left out and named in `problems`. mailparser splits the header section (only that section is
// given to it, so a huge or broken body costs nothing); its `headerLines` keep the raw values: comments,
// repeated fields, encoded-words, the bytes of 8-bit text.
import { simpleParser } from 'mailparser';
import type { HeaderField } from './message-headers.models';

export const MAX_HEADER_BYTES = 256 * 1024;

export interface ReadHeaders {
  headers: HeaderField[];
  problems: string[];
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

export async function readMessageHeaders(raw: Buffer): Promise<ReadHeaders> {
  const problems: string[] = [];
  let section = headerSection(raw);
  if (section === null) {
    problems.push('no empty line after the header section: the whole message was read as headers');
    section = raw;
  }
  if (section.length > MAX_HEADER_BYTES) {
    problems.push(`header section larger than ${MAX_HEADER_BYTES} bytes: the rest was ignored`);
    section = section.subarray(0, Math.max(0, section.lastIndexOf(0x0a, MAX_HEADER_BYTES)));
  }
  if (section.some((byte) => byte >= 0x80)) {
    problems.push('8-bit bytes in the header section: read as UTF-8, or Latin-1 where not valid UTF-8');
  }
  let lines: readonly { key: string; line: string }[];
  try {
    const parsed = await simpleParser(Buffer.concat([section, Buffer.from('\r\n\r\n')]), {
      skipHtmlToText: true,
      skipTextToHtml: true,
      skipImageLinks: true,
      skipTextLinks: true,
    });
    lines = parsed.headerLines ?? [];
  } catch (error) {
    problems.push(`header section could not be parsed: ${error instanceof Error ? error.message : String(error)}`);
    lines = [];
  }
  const headers = headerFieldsOf(lines, problems);
  if (headers.length === 0) problems.push('no header field could be read');
  return { headers, problems };
}

/** mailparser's `headerLines` → header fields (raw values, unfolded); unreadable lines are named in `problems`. */
export function headerFieldsOf(lines: readonly { key: string; line: string }[], problems: string[]): HeaderField[] {
  const headers: HeaderField[] = [];
  for (const { key, line } of lines) {
    const colon = line.indexOf(':');
    if (key === '' || colon === -1) {
      problems.push(`line without a field name ignored: ${JSON.stringify(line.slice(0, 60))}`);
      continue;
    }
    headers.push({ name: key.trim().toLowerCase(), value: unfold(bytesToText(line.slice(colon + 1))) });
  }
  return headers;
}

/** The bytes before the first empty line, or null when there is none. */
function headerSection(raw: Buffer): Buffer | null {
  if (raw.length === 0) return null;
  // A message may start with its body (no headers at all).
  if (raw[0] === 0x0a || (raw[0] === 0x0d && raw[1] === 0x0a)) return raw.subarray(0, 0);
  const crlf = raw.indexOf('\r\n\r\n');
  const lf = raw.indexOf('\n\n');
  const ends = [crlf, lf].filter((index) => index !== -1);
  return ends.length === 0 ? null : raw.subarray(0, Math.min(...ends) + 1);
}

/** mailparser hands header bytes over as Latin-1 text; 8-bit UTF-8 is restored, anything else stays Latin-1. */
function bytesToText(latin1: string): string {
  const bytes = Buffer.from(latin1, 'latin1');
  if (!bytes.some((byte) => byte >= 0x80)) return latin1;
  try {
    return utf8.decode(bytes);
  } catch {
    return latin1;
  }
}

function unfold(value: string): string {
  return value.replace(/\r?\n(?=[ \t])/g, '').trim();
}
