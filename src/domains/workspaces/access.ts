import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Role } from '../../contracts/workspaces.contracts';
import { httpErrors } from '../../platform/http/errors';
import { safeEqual } from '../../platform/security/tokens';
import type { AuthUseCases, Principal } from './auth.usecases';
import { hasRole } from './workspaces.models';

/** Who may call a route. Routes without `config.access` need a signed-in member: secure by default. */
export type RouteAccess = 'public' | Role;

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
}

export const SESSION_COOKIE = 'baton_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The signed-in principal of a route whose access is not public. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw httpErrors.unauthenticated();
  return request.principal;
}

/**
 * Resolves the caller from the session cookie or a Bearer API token, then enforces the route's
 * access level and, for cookie-authenticated writes, the CSRF token (synchronizer token in the
 * `x-csrf-token` header: a cross-site form can neither read nor send it).
 */
export function createAccessHook(auth: AuthUseCases) {
  return async function accessHook(request: FastifyRequest, _reply: FastifyReply) {
    request.principal = null;
    const access = request.routeOptions.config.access ?? 'member';
    // Public routes never read the principal: skip the session lookup (health checks stay cheap).
    if (access === 'public') return;
    const bearer = request.headers.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
    const cookieToken = request.cookies[SESSION_COOKIE];
    if (bearer) request.principal = await auth.principalFromApiToken(bearer);
    else if (cookieToken) request.principal = await auth.principalFromSession(cookieToken);
    if (!request.principal) throw httpErrors.unauthenticated();
    if (!hasRole(request.principal.user.role, access)) throw httpErrors.forbidden();
    const session = request.principal.session;
    if (session && !SAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !safeEqual(sent, session.csrfToken)) throw httpErrors.csrf();
    }
  };
}
