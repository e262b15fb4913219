/**
 * A read-back is the delegate's own summary of the situation and the next step. "ok, no problem"
 * is what went wrong last time: it must be at least one real sentence
 * (40 characters and 6 different words).
 */
export const READ_BACK_MIN_CHARACTERS = 40;
export const READ_BACK_MIN_WORDS = 6;

export type ReadBackCheck = { ok: true; text: string } | { ok: false; reason: 'missing' | 'too_short' | 'too_few_words' };

export function checkReadBack(input: string | null | undefined): ReadBackCheck {
  const text = (input ?? '').replace(/\s+/g, ' ').trim();
  if (!text) return { ok: false, reason: 'missing' };
  // Distinct words, so repeating "ok" does not make a sentence.
  const words = new Set(
    text
      .toLowerCase()
      .split(' ')
      .filter((word) => /\p{L}{2,}|\d/u.test(word)),
  );
  if (text.length < READ_BACK_MIN_CHARACTERS) return { ok: false, reason: 'too_short' };
  if (words.size < READ_BACK_MIN_WORDS) return { ok: false, reason: 'too_few_words' };
  return { ok: true, text };
}

export type AcknowledgementRow = {
  delegateId: string;
  version: number;
  readBackStatus: 'not_required' | 'pending' | 'accepted' | 'asked_again';
  supersededAt: Date | null;
  acknowledgedAt: Date;
};

/** A delegate's acknowledgement that still counts: of the current version, not superseded, the latest one. */
export function currentAcknowledgement<T extends AcknowledgementRow>(rows: readonly T[], delegateId: string, currentVersion: number) {
  return (
    rows
      .filter((row) => row.delegateId === delegateId && row.version === currentVersion && row.supersededAt === null && currentVersion > 0)
      .sort((a, b) => b.acknowledgedAt.getTime() - a.acknowledgedAt.getTime())[0] ?? null
  );
}
