// Which client a message comes from. Exact contact address first (a person is more specific than a company),
// then the client's email domain. A subdomain matches its parent domain (mail.acme.example → acme.example,
// the nearest registered parent wins), because companies send from subdomains; the reverse never matches.

export type ContactCandidate = { contactId: string; clientId: string };
export type DomainCandidate = { clientId: string; domain: string };
export type ClientMatchResult =
  | { kind: 'contact'; clientId: string; contactId: string }
  | { kind: 'domain'; clientId: string; domain: string }
  | { kind: 'unknown' };

export function senderDomain(address: string): string | null {
  const at = address.lastIndexOf('@');
  if (at === -1) return null;
  const domain = address
    .slice(at + 1)
    .trim()
    .toLowerCase()
    .replace(/\.$/, '');
  return domain === '' ? null : domain;
}

/** The domain and each parent with at least two labels: a.b.acme.example → [a.b.acme.example, b.acme.example, acme.example]. */
export function domainAndParents(domain: string): string[] {
  const labels = domain.split('.');
  const out: string[] = [];
  for (let i = 0; i <= labels.length - 2; i += 1) out.push(labels.slice(i).join('.'));
  return out;
}

export function matchClient(
  address: string | null,
  contact: ContactCandidate | null,
  domains: readonly DomainCandidate[],
): ClientMatchResult {
  if (!address) return { kind: 'unknown' };
  if (contact) return { kind: 'contact', clientId: contact.clientId, contactId: contact.contactId };
  const domain = senderDomain(address);
  if (!domain) return { kind: 'unknown' };
  for (const candidate of domainAndParents(domain)) {
    const hit = domains.find((entry) => entry.domain.toLowerCase() === candidate);
    if (hit) return { kind: 'domain', clientId: hit.clientId, domain: hit.domain };
  }
  return { kind: 'unknown' };
}
