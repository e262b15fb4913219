// The part of a client email that the sender wrote now: quoted replies, forwarded headers, signatures and
// disclaimers are cut, because their words (often our own apology, or "confidential… prohibited") are not
// the client's mood. Cheap line rules, no MIME: the caller passes plain text.

/** "On Mon, 3 Jun 2024 at 09:12, Marco <m@x> wrote:" / "Il giorno lun 3 giu 2024 … ha scritto:", possibly folded on two lines. */
const REPLY_HEADER =
  /^[ \t]*(?:on|il|in data|le|am)\s[^\n]{0,200}(?:\n[^\n]{0,200})?\s(?:wrote|ha scritto|scrive|a écrit|schrieb)\s*:[ \t]*$/im;
/** Outlook-style forwarded / original message headers. */
const FORWARD_HEADER =
  /^[ \t]*(?:-{2,}\s*(?:original message|forwarded message|messaggio originale|messaggio inoltrato)\s*-{2,}|_{10,}|(?:from|da)\s*:[^\n]*\n[ \t]*(?:sent|inviato|date|data)\s*:)/im;
/** The RFC 3676 signature separator "-- ". */
const SIGNATURE_SEPARATOR = /^-- ?$/m;
/** Legal disclaimers appended by mail servers. */
const DISCLAIMER =
  /^[ \t]*(?:this (?:e-?mail|message|communication)\b[^\n]*\b(?:confidential|intended)|(?:confidentiality|legal) notice|disclaimer\b|questo messaggio\b[^\n]*\b(?:riservat|destinat)|questa (?:e-?mail|comunicazione)\b[^\n]*\b(?:riservat|destinat)|le informazioni contenute\b|ai sensi del (?:d\.?\s?lgs|regolamento))/im;
/** A closing line on its own ("Kind regards,", "Cordiali saluti"): what follows is a name and a title. */
const SIGN_OFF =
  /^[ \t]*(?:(?:best|kind|warm|many)?[ \t]*regards|best(?: wishes)?|cheers|sincerely|yours(?: faithfully| sincerely| truly)?|many thanks|thanks(?: again)?|thank you|all the best|cordiali saluti|distinti saluti|saluti(?: cordiali)?|un (?:caro )?saluto|cordialmente|a presto|grazie(?: mille)?|buona giornata|buon lavoro)[ \t]*[,.!]*[ \t]*$/gim;
/** Lines after a sign-off that still look like a signature block (name, role, company, phone). */
const MAX_SIGNATURE_LINES = 6;

function cutAt(text: string, pattern: RegExp): string {
  const match = pattern.exec(text);
  return match ? text.slice(0, match.index) : text;
}

function cutSignOff(text: string): string {
  for (const match of text.matchAll(SIGN_OFF)) {
    // A message that is only "Thank you!!" has no signature to cut.
    if (text.slice(0, match.index).trim() === '') continue;
    const lines = text
      .slice(match.index + match[0].length)
      .split('\n')
      .filter((line) => line.trim() !== '');
    // A sign-off followed by a whole paragraph is not one ("Thanks. Now, about the invoice…").
    if (lines.length <= MAX_SIGNATURE_LINES && lines.every((line) => line.length <= 80)) return text.slice(0, match.index);
  }
  return text;
}

/** The newly written part of the body, with typographic apostrophes made plain and links and addresses blanked. */
export function authoredText(body: string): string {
  let text = body.replace(/\r\n?/g, '\n').replace(/[’‘`´]/g, "'");
  text = cutAt(text, REPLY_HEADER);
  text = cutAt(text, FORWARD_HEADER);
  text = cutAt(text, SIGNATURE_SEPARATOR);
  text = cutAt(text, DISCLAIMER);
  text = text
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('>'))
    .join('\n');
  text = cutSignOff(text);
  return text.replace(/\bhttps?:\/\/\S+/gi, ' ').replace(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, ' ');
}

/** A subject without its reply / forward prefixes ("Re:", "R:", "Fwd:", "I:", "AW:"). */
export function subjectText(subject: string | undefined): string {
  return (subject ?? '').replace(/^\s*(?:(?:re|r|fwd?|i|aw|tr|rif)\s*(?:\[\d+\])?\s*:\s*)+/i, '').trim();
}

export type Token = { word: string; start: number; end: number };

const WORD = /[\p{L}\p{N}]+(?:'[\p{L}]+)?/gu;

/** Lower-cased words with their offsets; "don't" stays one word, "l'importo" too (the lexicons split it). */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    tokens.push({ word: match[0].toLowerCase(), start: match.index, end: match.index + match[0].length });
  }
  return tokens;
}
