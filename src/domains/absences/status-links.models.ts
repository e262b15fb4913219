import type { Role } from '../../contracts/workspaces.contracts';
import { awayWindowOf } from './absences.models';

const DAY_MS = 24 * 60 * 60 * 1000;
/** A client status link keeps working this long after the owner is back. */
export const STATUS_LINK_GRACE_DAYS = 7;
/** The shape of a token `newSecretToken()` makes (256 bits, base64url): anything else is not looked up. */
export const STATUS_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

type ReturnTimes = { startsAt: Date; endsAt: Date; returnedAt: Date | null };

/**
 * When the owner is (or was) back: the planned end, or earlier when they came back early. Computed from the
 * absence every time rather than stored per link, so a moved end or an early return applies to every link.
 */
export const returnOf = (absence: ReturnTimes) => awayWindowOf(absence).to;

export const statusLinkExpiry = (absence: ReturnTimes) => new Date(returnOf(absence).getTime() + STATUS_LINK_GRACE_DAYS * DAY_MS);

export type StatusLinkRefusal = 'unknown' | 'revoked' | 'disabled' | 'expired';

/**
 * Why a link shows nothing, or null when it shows the page. The reason is for tests and logs only: the visitor
 * always gets the same neutral page, so a link's fate tells a stranger nothing.
 */
export function statusLinkRefusal({
  link,
  absence,
  now,
}: {
  link: { revokedAt: Date | null } | null;
  absence: (ReturnTimes & { statusLinkEnabled: boolean; state: string; startedAt: Date | null }) | null;
  now: Date;
}): StatusLinkRefusal | null {
  if (!link || !absence) return 'unknown';
  if (link.revokedAt) return 'revoked';
  // A plan cancelled before it started never answered a client: nothing to show.
  if (!absence.statusLinkEnabled || (absence.state === 'closed' && !absence.startedAt)) return 'disabled';
  if (now.getTime() >= statusLinkExpiry(absence).getTime()) return 'expired';
  return null;
}

/** The owner, the absence's manager and admins switch the link on or off, see its views and revoke it. */
export const canManageStatusLinks = (user: { id: string; role: Role }, absence: { ownerId: string; managerId: string }) =>
  user.id === absence.ownerId || user.id === absence.managerId || user.role === 'admin';

export type StatusLinkTally = { clientId: string; links: number; activeLinks: number; views: number; lastViewedAt: Date | null };

/** Links, links in force, views and the last view, per client (every client asked for, with or without links). */
export function tallyStatusLinks(
  clientIds: string[],
  links: { clientId: string; revokedAt: Date | null; viewCount: number; lastViewedAt: Date | null }[],
): StatusLinkTally[] {
  const tallies = new Map<string, StatusLinkTally>(
    clientIds.map((clientId) => [clientId, { clientId, links: 0, activeLinks: 0, views: 0, lastViewedAt: null }]),
  );
  for (const link of links) {
    const tally = tallies.get(link.clientId) ?? { clientId: link.clientId, links: 0, activeLinks: 0, views: 0, lastViewedAt: null };
    tally.links += 1;
    if (!link.revokedAt) tally.activeLinks += 1;
    tally.views += link.viewCount;
    if (link.lastViewedAt && (!tally.lastViewedAt || link.lastViewedAt > tally.lastViewedAt)) tally.lastViewedAt = link.lastViewedAt;
    tallies.set(link.clientId, tally);
  }
  return [...tallies.values()];
}
