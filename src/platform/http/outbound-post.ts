// One POST to a URL someone configured (webhooks): a deadline for the whole exchange, no redirect followed, no
// connection reused, and — unless private addresses are allowed — every address the host resolves to checked at
// connection time, so a name cannot be switched to an internal address after the URL was accepted.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { ipLiteralOf, isPublicAddress } from './network-address';

export type OutboundResponse = {
  status: number;
  /** The start of the answer's body, for a person reading why a delivery failed. */
  bodyExcerpt: string;
  /** A redirect's target (never followed). */
  location: string | null;
};

/** Why no HTTP answer came back. */
export class OutboundError extends Error {
  constructor(
    readonly reason: 'address_refused' | 'timeout' | 'network',
    message: string,
  ) {
    super(message);
    this.name = 'OutboundError';
  }
}

const EXCERPT_BYTES = 1024;

/** Resolves every address of the host and refuses the connection when any of them is not public. */
const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
    if (error) return callback(error, '', 4);
    const refused = addresses.find((entry) => !isPublicAddress(entry.address));
    const first = addresses[0];
    if (refused || !first) {
      const reason = refused ? `${hostname} resolves to ${refused.address}, which is not a public address` : `${hostname} has no address`;
      return callback(new OutboundError('address_refused', reason), '', 4);
    }
    // Node asks for every address (`all`) when it may try several (happy eyeballs), else for one.
    if ((options as { all?: boolean }).all) return (callback as unknown as (error: null, all: LookupAddress[]) => void)(null, addresses);
    return callback(null, first.address, first.family);
  });
};

export async function postOutbound(input: {
  url: string;
  body: string;
  headers: Record<string, string>;
  timeoutMs: number;
  allowPrivate: boolean;
}): Promise<OutboundResponse> {
  const target = new URL(input.url);
  const literal = ipLiteralOf(target.hostname);
  if (literal && !input.allowPrivate && !isPublicAddress(literal)) {
    throw new OutboundError('address_refused', `${literal} is not a public address`);
  }
  const client = target.protocol === 'https:' ? https : http;
  const signal = AbortSignal.timeout(input.timeoutMs);
  return new Promise<OutboundResponse>((resolve, reject) => {
    const request = client.request(target, {
      method: 'POST',
      agent: false,
      signal,
      headers: { ...input.headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(input.body) },
      ...(input.allowPrivate ? {} : { lookup: publicOnlyLookup }),
    });
    request.on('error', (error) => {
      if (error instanceof OutboundError) return reject(error);
      if (signal.aborted) return reject(new OutboundError('timeout', `no answer within ${input.timeoutMs / 1000} s`));
      const code = (error as NodeJS.ErrnoException).code;
      reject(new OutboundError('network', code ? `${code}: ${error.message}` : error.message));
    });
    request.on('response', (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const settle = () =>
        resolve({
          status: response.statusCode ?? 0,
          bodyExcerpt: Buffer.concat(chunks).subarray(0, EXCERPT_BYTES).toString('utf8'),
          location: typeof response.headers.location === 'string' ? response.headers.location : null,
        });
      response.on('data', (chunk: Buffer) => {
        if (size >= EXCERPT_BYTES) return;
        chunks.push(chunk);
        size += chunk.length;
        // Enough to show; the rest of a large answer is not read.
        if (size >= EXCERPT_BYTES) {
          settle();
          response.destroy();
        }
      });
      response.on('end', settle);
      response.on('error', settle);
    });
    request.end(input.body);
  });
}
