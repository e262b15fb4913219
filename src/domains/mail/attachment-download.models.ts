// How a stored attachment is handed to a browser: always as a download, never as something the browser
// runs or renders in Baton's origin (a client's HTML, SVG or script would otherwise execute with the session).

/** Types a browser may render or execute: served as opaque bytes instead. */
const ACTIVE = [
  /^text\/html$/,
  /^application\/xhtml\+xml$/,
  /^image\/svg\+xml$/,
  /^(text|application)\/xml$/,
  /\+xml$/,
  /^(text|application)\/(x-)?(javascript|ecmascript)$/,
  /^text\/(jscript|livescript|vbscript)$/,
  /^application\/(x-)?(shockwave-flash|java-archive|wasm)$/,
  /^multipart\//,
  /^message\//,
  /^text\/(cache-manifest|css)$/,
];

const TOKEN = /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/;

/** The stored content type, without parameters, when it is well-formed and inert; application/octet-stream otherwise. */
export function safeContentType(stored: string): string {
  const type = (stored.split(';')[0] ?? '').trim().toLowerCase();
  if (!TOKEN.test(type) || ACTIVE.some((pattern) => pattern.test(type))) return 'application/octet-stream';
  return type;
}

/** RFC 5987 value: UTF-8, percent-encoding everything outside attr-char. */
const encodeRfc5987 = (value: string) =>
  encodeURIComponent(value).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * `attachment` with an ASCII fallback name and the exact name as `filename*` (RFC 6266 §4.3): no quotes,
 * backslashes, control characters or path separators can break out of the header or name a path.
 */
export function contentDisposition(filename: string): string {
  const cleaned =
    filename
      .split('')
      .filter((char) => char.charCodeAt(0) >= 0x20 && char.charCodeAt(0) !== 0x7f)
      .join('')
      .replace(/[/\\]/g, '_')
      .trim()
      .slice(0, 200) || 'attachment';
  const fallback =
    cleaned
      .normalize('NFKD')
      .replace(/[^\x20-\x7e]/g, '')
      .replace(/["%;\\]/g, '_')
      .trim() || 'attachment';
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeRfc5987(cleaned)}`;
}

export function downloadHeaders(attachment: { filename: string; contentType: string; size: number }): Record<string, string> {
  return {
    'content-type': safeContentType(attachment.contentType),
    'content-disposition': contentDisposition(attachment.filename),
    'content-length': String(attachment.size),
    'x-content-type-options': 'nosniff',
    // Opened by mistake as a document, it still runs nothing and loads nothing.
    'content-security-policy': "default-src 'none'; sandbox",
    'cache-control': 'private, no-store',
  };
}
