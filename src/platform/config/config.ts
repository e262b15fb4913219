import { z } from 'zod';
import { parseSecretKey } from '../security/secret-box';

const booleanFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

/** Every environment variable Baton reads, with its default. README's table mirrors this list. */
export const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  PUBLIC_URL: z.url({ message: 'must be an absolute URL such as https://baton.example.com' }).optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { message: 'must start with postgres:// or postgresql://' })
    .optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  BATON_DEMO: booleanFromEnv.optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, { message: 'must start with smtp:// or smtps://' })
    .optional(),
  MAIL_FROM: z.string().min(3).default('Baton <baton@localhost>'),
  /** Inbound SMTP: unset = no listener. */
  SMTP_INBOUND_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  SMTP_INBOUND_HOST: z.string().min(1).default('127.0.0.1'),
  /** At most the ingestion limit (25 MiB): a larger message could be accepted but never stored. */
  SMTP_INBOUND_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(25 * 1024 * 1024)
    .default(25 * 1024 * 1024),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(12),
  INVITATION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(72),
  LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).max(10_000).default(10),
  JOB_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(1000),
  /** Encrypts stored mailbox credentials (IMAP passwords): 32 random bytes, base64 or hex. */
  BATON_SECRET_KEY: z
    .string()
    .refine((value) => parseSecretKey(value) !== null, {
      message: 'must be 32 random bytes as base64 (44 characters) or hex (64 digits); generate one with `openssl rand -base64 32`',
    })
    .optional(),
  IMAP_POLL_SECONDS: z.coerce.number().int().min(5).max(86_400).default(60),
  /** Keep one IMAP connection per mailbox in IDLE for new mail at once; polling alone when false. */
  IMAP_IDLE: booleanFromEnv.default(true),
  /** Worker threads that parse a mailbox backlog; more pay off on machines with cores to spare beside the database. */
  MAIL_PARSE_THREADS: z.coerce.number().int().min(1).max(32).default(1),
  /** Lets webhooks reach private, loopback and link-local addresses and plain http:// (a receiver on your own network). */
  WEBHOOKS_ALLOW_PRIVATE: booleanFromEnv.default(false),
  TRUST_PROXY: booleanFromEnv.default(false),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

/** Never echoed back in configuration errors. */
const SECRET_VARIABLES = new Set(['BATON_SECRET_KEY']);

export type RawConfig = z.infer<typeof configSchema>;

export type Config = RawConfig & {
  baseUrl: string;
  /** Demo mode: the demo workspace is loaded on first start and its printed passwords work. */
  demo: boolean;
  database: { kind: 'pglite'; dataDir: string } | { kind: 'postgresql'; url: string };
  cookieSecure: boolean;
  /** BATON_SECRET_KEY decoded; null when unset (IMAP mailboxes cannot be configured then). */
  secretKey: Buffer | null;
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the environment; throws ConfigError naming every bad variable at once. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = configSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map(
        (issue) =>
          `${issue.path.join('.')}=${SECRET_VARIABLES.has(String(issue.path[0])) ? '(hidden)' : JSON.stringify(present[String(issue.path[0])] ?? '')}: ${issue.message}`,
      ),
    );
  }
  const raw = parsed.data;
  const baseUrl = (raw.PUBLIC_URL ?? `http://localhost:${raw.PORT}`).replace(/\/$/, '');
  const database = raw.DATABASE_URL
    ? ({ kind: 'postgresql', url: raw.DATABASE_URL } as const)
    : ({ kind: 'pglite', dataDir: raw.DATA_DIR } as const);
  return {
    ...raw,
    baseUrl,
    demo: raw.BATON_DEMO ?? database.kind === 'pglite',
    database,
    cookieSecure: baseUrl.startsWith('https://'),
    secretKey: raw.BATON_SECRET_KEY ? parseSecretKey(raw.BATON_SECRET_KEY) : null,
  };
}
