import { type BriefContent, briefContentSchema, emptyBriefContent } from '../../contracts/briefs.contracts';
import type { Role } from '../../contracts/workspaces.contracts';
import { canonicalJson, contentHash } from '../../platform/security/canonical-json';

/**
 * SHA-256 over the RFC 8785 canonical JSON of a brief's content: the same content hashes the same
 * whatever its key order or whitespace, so a receipt can prove exactly what was acknowledged.
 * The content is normalised by the schema first, so an omitted list and an empty one are the same brief.
 */
export function briefContentHash(content: BriefContent): string {
  return contentHash(briefContentSchema.parse(content));
}

export const shortHash = (hash: string) => hash.slice(0, 12);

/** Who someone is to an absence's briefs; `none` sees nothing (answered 404, as if it did not exist). */
export type BriefViewerRole = 'owner' | 'primary' | 'backup' | 'manager' | 'overseer' | 'none';

/** Workspace admins and managers not named on the absence oversee it: they read, they do not act. */
export function viewerRole(
  absence: { ownerId: string; primaryDelegateId: string; backupDelegateId: string | null; managerId: string },
  userId: string,
  workspaceRole: Role = 'member',
): BriefViewerRole {
  if (absence.ownerId === userId) return 'owner';
  if (absence.primaryDelegateId === userId) return 'primary';
  if (absence.backupDelegateId === userId) return 'backup';
  if (absence.managerId === userId) return 'manager';
  return workspaceRole === 'admin' || workspaceRole === 'manager' ? 'overseer' : 'none';
}

export const isDelegate = (role: BriefViewerRole): role is 'primary' | 'backup' => role === 'primary' || role === 'backup';

/** The owner may edit while the absence is planned, handed over or under way; not once it is over. */
export const editableStates = ['draft', 'handover', 'active'] as const;

/**
 * Where a new brief starts: the latest version of the previous absence's brief for that client,
 * else that brief's draft (never shared), else the workspace template, else an empty brief.
 */
export function initialBriefContent(sources: {
  previous: { latestVersionContent: BriefContent | null; draft: BriefContent } | null;
  template: BriefContent | null;
}): { content: BriefContent; source: 'previous_brief' | 'template' | 'empty' } {
  if (sources.previous) return { content: sources.previous.latestVersionContent ?? sources.previous.draft, source: 'previous_brief' };
  if (sources.template) return { content: sources.template, source: 'template' };
  return { content: defaultTemplateContent(), source: 'empty' };
}

/** The built-in template when a workspace has none: empty fields, with the headings a delegate expects. */
export const defaultTemplateContent = (): BriefContent => emptyBriefContent();

// ---------------------------------------------------------------------------------------------
// Structured diff: the brief is structured, so users need "which field, which list item" rather
// than a line diff of JSON. Lists are aligned with a longest common subsequence of their items.

type ListItem = BriefContent[ListField][number];
export const textFields = ['situation', 'clientSummary'] as const;
export const listFields = ['keyFacts', 'nextSteps', 'commitments', 'faq', 'contacts', 'dos', 'donts', 'contingencies', 'links'] as const;
export type TextField = (typeof textFields)[number];
export type ListField = (typeof listFields)[number];

export type ListChange<T> =
  | { kind: 'same'; before: T; after: T }
  | { kind: 'added'; after: T }
  | { kind: 'removed'; before: T }
  | { kind: 'changed'; before: T; after: T };

export type FieldDiff =
  | { field: TextField; type: 'text'; changed: boolean; before: string; after: string }
  | { field: ListField; type: 'list'; changed: boolean; items: ListChange<ListItem>[] };

const sameItem = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

/** Aligns two lists: unchanged items match by LCS; a removal directly followed by an addition reads as a change. */
export function diffList<T>(before: readonly T[], after: readonly T[]): ListChange<T>[] {
  const n = before.length;
  const m = after.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      // biome-ignore lint/style/noNonNullAssertion: indices are within the table built above
      lcs[i]![j] = sameItem(before[i], after[j]) ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const raw: ListChange<T>[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    const b = before[i] as T;
    const a = after[j] as T;
    if (i < n && j < m && sameItem(b, a)) {
      raw.push({ kind: 'same', before: b, after: a });
      i++;
      j++;
      // biome-ignore lint/style/noNonNullAssertion: as above
    } else if (j < m && (i >= n || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) {
      raw.push({ kind: 'added', after: a });
      j++;
    } else {
      raw.push({ kind: 'removed', before: b });
      i++;
    }
  }
  // Pair runs of removals and additions between two unchanged items as edits of the same rows.
  const result: ListChange<T>[] = [];
  let k = 0;
  while (k < raw.length) {
    const removed: T[] = [];
    const added: T[] = [];
    while (k < raw.length && raw[k]?.kind !== 'same') {
      const change = raw[k] as ListChange<T>;
      if (change.kind === 'removed') removed.push(change.before);
      if (change.kind === 'added') added.push(change.after);
      k++;
    }
    const paired = Math.min(removed.length, added.length);
    for (let p = 0; p < paired; p++) result.push({ kind: 'changed', before: removed[p] as T, after: added[p] as T });
    for (const item of removed.slice(paired)) result.push({ kind: 'removed', before: item });
    for (const item of added.slice(paired)) result.push({ kind: 'added', after: item });
    if (k < raw.length) result.push(raw[k] as ListChange<T>);
    k++;
  }
  return result;
}

/** Field by field, list item by list item: what changed between two versions of a brief. */
export function diffBriefContent(before: BriefContent, after: BriefContent): FieldDiff[] {
  const text = textFields.map(
    (field): FieldDiff => ({ field, type: 'text', changed: before[field] !== after[field], before: before[field], after: after[field] }),
  );
  const lists = listFields.map((field): FieldDiff => {
    const items = diffList<ListItem>(before[field], after[field]);
    return { field, type: 'list', changed: items.some((item) => item.kind !== 'same'), items };
  });
  const [situation, clientSummary] = text as [FieldDiff, FieldDiff];
  return [situation, ...lists, clientSummary];
}

/** A day as people read it in notifications: "22 Dec 2026" / "22 dic 2026", in the workspace's time zone. */
export const formatDay = (instant: Date, language: 'en' | 'it', timeZone: string) =>
  new Intl.DateTimeFormat(language === 'it' ? 'it-IT' : 'en-GB', { dateStyle: 'medium', timeZone }).format(instant);
