/** The unique index a failed insert or update ran into (PostgreSQL code 23505, also inside a driver's `cause`), or null. */
export function violatedUniqueIndex(error: unknown): string | null {
  for (let current: unknown = error, depth = 0; current && depth < 4; depth += 1) {
    const candidate = current as { code?: string; constraint?: string; message?: string; cause?: unknown };
    if (candidate.code === '23505') {
      return candidate.constraint ?? candidate.message?.match(/unique constraint "([^"]+)"/)?.[1] ?? 'unknown';
    }
    current = candidate.cause;
  }
  return null;
}

export const isUniqueViolation = (error: unknown) => violatedUniqueIndex(error) !== null;
