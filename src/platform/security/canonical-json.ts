import canonicalize from 'canonicalize';
import { sha256Hex } from './tokens';

/** Canonical JSON (RFC 8785): the same content gives the same text whatever its key order or spacing. */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new Error('value cannot be represented as canonical JSON');
  return text;
}

/** SHA-256 of the canonical JSON: a content hash independent of key order (briefs, auto-reply texts). */
export const contentHash = (value: unknown) => sha256Hex(canonicalJson(value));
