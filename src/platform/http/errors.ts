/** An expected failure with a stable dotted code; the HTTP layer renders it as `{ error: { code, message } }`. */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** Declares a module's errors once: `const errors = defineErrors({ notFound: ['user.not_found', 404, 'User not found'] })`. */
export function defineErrors<const T extends Record<string, readonly [code: string, status: number, message: string]>>(
  table: T,
): { [K in keyof T]: (message?: string) => AppError } {
  return Object.fromEntries(
    Object.entries(table).map(([key, [code, status, message]]) => [
      key,
      (override?: string) => new AppError(code, status, override ?? message),
    ]),
  ) as { [K in keyof T]: (message?: string) => AppError };
}

export const httpErrors = defineErrors({
  unauthenticated: ['auth.required', 401, 'Sign in to continue'],
  forbidden: ['auth.forbidden', 403, 'Your role does not allow this'],
  csrf: ['auth.csrf_failed', 403, 'Missing or wrong CSRF token: reload the page and try again'],
  notFound: ['resource.not_found', 404, 'Not found'],
  rateLimited: ['request.rate_limited', 429, 'Too many attempts: wait a minute and try again'],
});
