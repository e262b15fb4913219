// What went wrong talking to an IMAP server, in one line an admin can act on, and a kind the UI can translate.
// Never the credentials: imapflow's errors do not carry them, and nothing here adds them.

export type ImapFailureKind = 'auth' | 'unreachable' | 'tls' | 'timeout' | 'folder' | 'idle_unsupported' | 'protocol';

export class ImapError extends Error {
  constructor(
    message: string,
    readonly kind: ImapFailureKind = 'protocol',
  ) {
    super(message);
    this.name = 'ImapError';
  }
}

/** The fields of a socket, TLS or imapflow error this module reads. */
export type ImapErrorDetails = {
  message?: string;
  code?: string;
  authenticationFailed?: boolean;
  responseText?: string;
};

const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ECONNRESET',
  'EPIPE',
  'NoConnection',
]);
const TIMEOUT = new Set(['ETIMEDOUT', 'ETIMEOUT', 'CONNECT_TIMEOUT', 'GREETING_TIMEOUT', 'UPGRADE_TIMEOUT']);
const TLS_CODE = /^(ERR_SSL_|ERR_TLS_|EPROTO$|CERT_|DEPTH_ZERO_SELF_SIGNED_CERT$|SELF_SIGNED_CERT_IN_CHAIN$|UNABLE_TO_)/;

/** Sorts a failure into what the admin should check: the login, the host and port, TLS, or the server itself. */
export function classifyImapFailure(error: ImapErrorDetails): ImapFailureKind {
  if (error.authenticationFailed) return 'auth';
  const code = error.code ?? '';
  if (TLS_CODE.test(code)) return 'tls';
  if (TIMEOUT.has(code)) return 'timeout';
  if (UNREACHABLE.has(code)) return 'unreachable';
  return 'protocol';
}

/** One line about the failure; OpenSSL's multi-line internals are replaced by their code. */
export function describeImapFailure(error: ImapErrorDetails, where: string): string {
  const kind = classifyImapFailure(error);
  const code = error.code ? ` (${error.code})` : '';
  const server = error.responseText ? `: ${error.responseText}` : '';
  switch (kind) {
    case 'auth':
      return `authentication failed at ${where}${server}`;
    case 'tls':
      return `TLS handshake with ${where} failed${code}: check the TLS setting (IMAPS, usually port 993) and the server's certificate`;
    case 'timeout':
      return `no answer from ${where} in time${code}`;
    case 'unreachable':
      return `cannot reach ${where}${code}`;
    default: {
      const text = (error.message ?? 'unknown error').split('\n')[0]?.trim() ?? '';
      return `${text}${server}${error.code && !text.includes(error.code) ? code : ''}`;
    }
  }
}

/** Wraps anything thrown by the transport as an ImapError (kept as is when it already is one). */
export function toImapError(error: unknown, where: string, prefix = ''): ImapError {
  if (error instanceof ImapError) return error;
  const details: ImapErrorDetails = error instanceof Error ? (error as Error & ImapErrorDetails) : { message: String(error) };
  return new ImapError(`${prefix}${describeImapFailure(details, where)}`, classifyImapFailure(details));
}
