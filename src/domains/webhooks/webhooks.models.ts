// The decisions of webhooks, as plain functions: which audit events are webhook events, whether a URL may receive
// them, how a body is signed, and what one delivery attempt leaves behind.
import { createHmac } from 'node:crypto';
import type { Webhook, WebhookDelivery, WebhookDeliveryStatus, WebhookEventType } from '../../contracts/webhooks.contracts';
import { ipLiteralOf, isPublicAddress } from '../../platform/http/network-address';

/** Every delivery is tried this many times (the job runner's backoff: 5 s doubling, capped at 1 h ≈ 2.5 h in all). */
export const WEBHOOK_MAX_ATTEMPTS = 12;
/** The receiver has this long to answer each attempt. */
export const WEBHOOK_TIMEOUT_MS = 10_000;
/** A workspace's endpoints; more is a sign of a loop or a mistake. */
export const MAX_WEBHOOKS_PER_WORKSPACE = 20;

/** The webhook event an audit event is, if any: the audit log is the one place every one of these facts is written. */
export function webhookEventOf(event: { action: string; data: Record<string, unknown> }): WebhookEventType | null {
  switch (event.action) {
    case 'absence.started':
      return 'absence.started';
    case 'absence.returned':
      return 'absence.returned';
    case 'coverage.escalated':
      return 'coverage.escalation_raised';
    case 'coverage.outcome_recorded':
      return event.data.outcome === 'no_information' ? 'coverage.no_information' : null;
    case 'client.status_changed':
      if (event.data.to === 'lost') return 'client.lost';
      if (event.data.to === 'won_back') return 'client.won_back';
      return null;
    default:
      return null;
  }
}

/** Stable across attempts and redeliveries: derived from the audit event's hash, unique in the chain. */
export const webhookEventIdOf = (auditHash: string) => `evt_${auditHash.slice(0, 32)}`;

export type UrlProblem = 'malformed' | 'scheme' | 'http' | 'credentials' | 'private';

/**
 * Whether a URL may receive webhooks. https only, no user:password@, no loopback or private IP literal nor
 * `localhost`, unless private receivers are allowed (then plain http too). Host names are checked again when
 * each delivery connects (what they resolve to can change).
 */
export function checkWebhookUrl(text: string, { allowPrivate }: { allowPrivate: boolean }): { url: string } | { problem: UrlProblem } {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return { problem: 'malformed' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { problem: 'scheme' };
  if (!url.hostname) return { problem: 'malformed' };
  if (url.username || url.password) return { problem: 'credentials' };
  if (!allowPrivate) {
    if (url.protocol === 'http:') return { problem: 'http' };
    const literal = ipLiteralOf(url.hostname);
    const host = url.hostname.toLowerCase().replace(/\.$/, '');
    if ((literal && !isPublicAddress(literal)) || host === 'localhost' || host.endsWith('.localhost')) return { problem: 'private' };
  }
  url.hash = '';
  return { url: url.toString() };
}

/**
 * `Baton-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`: the timestamp is signed with the
 * body, so a receiver that rejects old timestamps also rejects a replayed request.
 */
export function webhookSignature(secret: string, unixSeconds: number, body: string): string {
  const digest = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${digest}`;
}

export type AttemptResult = { statusCode: number; location?: string | null } | { error: string };

export type AttemptOutcome = {
  status: WebhookDeliveryStatus;
  delivered: boolean;
  lastStatusCode: number | null;
  lastError: string | null;
  /** When the job runner tries again; null when this was the last attempt or it succeeded. */
  nextAttemptAt: Date | null;
};

/** 2xx is delivered; anything else is tried again after the runner's backoff, until the last attempt fails it. */
export function attemptOutcome(
  result: AttemptResult,
  {
    attempt,
    maxAttempts,
    now,
    retryDelayMs,
  }: { attempt: number; maxAttempts: number; now: Date; retryDelayMs: (attempt: number) => number },
): AttemptOutcome {
  if ('statusCode' in result && result.statusCode >= 200 && result.statusCode < 300) {
    return { status: 'delivered', delivered: true, lastStatusCode: result.statusCode, lastError: null, nextAttemptAt: null };
  }
  const lastStatusCode = 'statusCode' in result ? result.statusCode : null;
  const lastError =
    'error' in result
      ? result.error
      : result.statusCode >= 300 && result.statusCode < 400
        ? `HTTP ${result.statusCode}: redirect${result.location ? ` to ${result.location}` : ''} not followed`
        : `HTTP ${result.statusCode}`;
  const last = attempt >= maxAttempts;
  return {
    status: last ? 'failed' : 'pending',
    delivered: false,
    lastStatusCode,
    lastError,
    nextAttemptAt: last ? null : new Date(now.getTime() + retryDelayMs(attempt)),
  };
}

type EndpointRow = {
  id: string;
  url: string;
  description: string;
  eventTypes: WebhookEventType[];
  enabled: boolean;
  secretPrefix: string;
  createdAt: Date;
  updatedAt: Date;
};
type DeliveryRow = {
  id: string;
  endpointId: string;
  eventId: string;
  eventType: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  lastAttemptAt: Date | null;
  lastStatusCode: number | null;
  lastError: string | null;
  nextAttemptAt: Date | null;
  deliveredAt: Date | null;
  redeliveryOf: string | null;
  createdAt: Date;
  body: string;
};

const iso = (date: Date | null) => date?.toISOString() ?? null;

/** An endpoint as the API shows it: never its secret, sealed or not. */
export function presentWebhook(row: EndpointRow, latest: DeliveryRow | null): Webhook {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    eventTypes: row.eventTypes,
    enabled: row.enabled,
    secretPrefix: row.secretPrefix,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    lastDelivery: latest
      ? { status: latest.status, eventType: latest.eventType, at: (latest.lastAttemptAt ?? latest.createdAt).toISOString() }
      : null,
  };
}

export function presentDelivery(row: DeliveryRow): WebhookDelivery {
  return {
    id: row.id,
    webhookId: row.endpointId,
    eventId: row.eventId,
    eventType: row.eventType,
    status: row.status,
    attempts: row.attempts,
    lastAttemptAt: iso(row.lastAttemptAt),
    lastStatusCode: row.lastStatusCode,
    lastError: row.lastError,
    nextAttemptAt: iso(row.nextAttemptAt),
    deliveredAt: iso(row.deliveredAt),
    redeliveryOf: row.redeliveryOf,
    createdAt: row.createdAt.toISOString(),
    body: row.body,
  };
}
