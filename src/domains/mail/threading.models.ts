// Conversation threads (one set per workspace): a message joins the thread of the nearest message it
// answers (In-Reply-To first, then References from the newest), otherwise it starts its own thread.
// A parent arriving after its reply does not merge the two threads (kept simple; the report orders by date).

export type ThreadParent = { messageIdHeader: string; threadId: string };

/** The identifiers a message points back to, nearest first. */
export function parentCandidates(inReplyTo: string | null, references: readonly string[]): string[] {
  const ordered = [...(inReplyTo ? [inReplyTo] : []), ...[...references].reverse()];
  return [...new Set(ordered)];
}

export function chooseThread(candidates: readonly string[], found: readonly ThreadParent[], ownId: string): string {
  for (const candidate of candidates) {
    const parent = found.find((entry) => entry.messageIdHeader === candidate);
    if (parent) return parent.threadId;
  }
  return ownId;
}
