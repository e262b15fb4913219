// A message's header section as the auto-reply policy reads it, and the pure helpers to read it:
// field values, comments, RFC 2047 text, address lists and message identifiers.
import libmime from 'libmime';
import addressparser from 'nodemailer/lib/addressparser';

/** One header field: the name in lower case, the value unfolded but not RFC 2047-decoded (comments kept). */
export interface HeaderField {
  name: string;
  value: string;
}

export interface Mailbox {
  name: string;
  address: string;
}

/** Every value of a field, in message order (a field may legitimately or maliciously appear several times). */
export function fieldValues(headers: readonly HeaderField[], name: string): string[] {
  const wanted = name.toLowerCase();
  return headers.filter((field) => field.name === wanted).map((field) => field.value);
}

export function hasField(headers: readonly HeaderField[], name: string): boolean {
  const wanted = name.toLowerCase();
  return headers.some((field) => field.name === wanted);
}

/** Removes RFC 5322 comments (nested, with quoted-pairs), leaving quoted strings alone. */
export function stripComments(value: string): string {
  let out = '';
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const char = value[i];
    if (char === '\\') {
      if (depth === 0) out += value.slice(i, i + 2);
      i++;
    } else if (quoted) {
      out += char;
      if (char === '"') quoted = false;
    } else if (char === '(') depth++;
    else if (char === ')' && depth > 0) depth--;
    else if (depth === 0) {
      if (char === '"') quoted = true;
      out += char;
    }
  }
  return out;
}

/** Control characters (a decoded `=0D=0A` included) become spaces: a decoded text never carries a line break into a new header. */
export function cleanText(value: string): string {
  return value
    .replace(/\p{Cc}+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** RFC 2047 encoded-words decoded (unknown charsets and broken words are left as they are), then cleaned. */
export function decodeText(value: string): string {
  try {
    return cleanText(libmime.decodeWords(value));
  } catch {
    return cleanText(value);
  }
}

/** The mailboxes of address fields, group members included (`undisclosed-recipients:;` yields none). */
export function parseMailboxes(values: readonly string[]): Mailbox[] {
  return values.flatMap((value) => {
    try {
      return addressparser(value, { flatten: true })
        .filter((mailbox) => mailbox.address.includes('@'))
        .map((mailbox) => ({ name: decodeText(mailbox.name), address: mailbox.address.trim() }));
    } catch {
      return [];
    }
  });
}

/** `<a@b>`, `a@b`, ` A@B ` → `a@b`: addresses compare case-insensitively, local part included, as mail servers do. */
export function normalizeAddress(address: string): string {
  return address
    .trim()
    .replace(/^<(.*)>$/, '$1')
    .trim()
    .toLowerCase();
}

export function localPart(address: string): string {
  const at = address.lastIndexOf('@');
  return (at === -1 ? address : address.slice(0, at)).replace(/^"(.*)"$/, '$1');
}

/**
 * The original local part of an SRS-rewritten address (`SRS0=hash=tt=domain=local@forwarder`, or SRS1 with the
 * first forwarder in front), so that a forwarded `owner-list@…` is still recognised; null for any other address.
 */
export function srsOriginalLocalPart(address: string): string | null {
  const local = localPart(address);
  const srs1 = /^srs1[=+-][^=]*=[^=]*==(.*)$/i.exec(local);
  const srs0Body = srs1 ? srs1[1] : /^srs0[=+-](.*)$/i.exec(local)?.[1];
  if (srs0Body === undefined) return null;
  const original = /^[^=]*=[^=]*=[^=]*=(.+)$/.exec(srs0Body);
  return original?.[1] ?? null;
}

/** The `<id>` message identifiers of a field value; a bare `id@host` without brackets counts as one. */
export function messageIds(value: string | undefined): string[] {
  if (value === undefined) return [];
  const bracketed = value.match(/<[^<>\s]+>/g);
  if (bracketed) return bracketed;
  const bare = value.trim();
  return /^[^<>\s()]+@[^<>\s()]+$/.test(bare) ? [`<${bare}>`] : [];
}
