import pino from 'pino';

export type Logger = pino.Logger;

/** Secrets never reach the log: these paths are censored wherever they appear. */
const redact = {
  paths: [
    'password',
    '*.password',
    '*.newPassword',
    '*.currentPassword',
    '*.token',
    'req.headers.cookie',
    'req.headers.authorization',
    'req.headers["x-csrf-token"]',
    'res.headers["set-cookie"]',
    '*.smtpUrl',
    '*.SMTP_URL',
    '*.DATABASE_URL',
    '*.BATON_SECRET_KEY',
    '*.BATON_IMAP_PASSWORD',
    // IMAP logins: the settings object, imapflow's auth option, a mailbox body with its IMAP part, the sealed value.
    '*.pass',
    '*.auth.pass',
    '*.imap.password',
    '*.settings.password',
    'passwordEncrypted',
    '*.passwordEncrypted',
    // Webhook signing secrets: the one-time answer to a creation, the sealed value.
    'secret',
    '*.secret',
    '*.secretEncrypted',
  ],
  censor: '[redacted]',
};

/** Logs as JSON lines to stdout, or to `destination` (tests read what would have been logged). */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return destination ? pino({ level, redact }, destination) : pino({ level, redact });
}
