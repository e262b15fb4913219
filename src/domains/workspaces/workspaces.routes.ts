import { z } from 'zod';
import { errorResponseSchema, idParam, okResponseSchema } from '../../contracts/common.contracts';
import {
  acceptInvitationSchema,
  apiTokenSchema,
  changePasswordSchema,
  createApiTokenSchema,
  createdApiTokenSchema,
  createInvitationSchema,
  invitationPreviewSchema,
  invitationSchema,
  loginRequestSchema,
  sessionResponseSchema,
  updateProfileSchema,
  updateUserSchema,
  updateWorkspaceSchema,
  userSchema,
  workspaceSchema,
} from '../../contracts/workspaces.contracts';
import type { Clock } from '../../platform/clock/clock';
import type { HttpServer } from '../../platform/http/http-server';
import { principalOf, SESSION_COOKIE } from './access';
import type { AuthUseCases, Principal } from './auth.usecases';
import type { MembersUseCases } from './members.usecases';
import { presentApiToken, presentInvitation, presentUser, presentWorkspace } from './workspaces.models';

type Deps = { auth: AuthUseCases; members: MembersUseCases; clock: Clock; cookieSecure: boolean; loginRateLimit: number };

const presentSession = (principal: Pick<Principal, 'user' | 'workspace'>, csrfToken: string) => ({
  user: presentUser(principal.user),
  workspace: presentWorkspace(principal.workspace),
  csrfToken,
});

export function registerWorkspacesRoutes(app: HttpServer, { auth, members, clock, cookieSecure, loginRateLimit }: Deps) {
  const errors = {
    400: errorResponseSchema,
    401: errorResponseSchema,
    403: errorResponseSchema,
    404: errorResponseSchema,
    409: errorResponseSchema,
  };

  app.post('/api/auth/login', {
    config: { access: 'public', rateLimit: { max: loginRateLimit, timeWindow: '1 minute' } },
    schema: { tags: ['auth'], body: loginRequestSchema, response: { 200: sessionResponseSchema, ...errors } },
    handler: async (request, reply) => {
      const result = await auth.login({ ...request.body, previousSessionToken: request.cookies[SESSION_COOKIE] });
      reply.setCookie(SESSION_COOKIE, result.token, {
        httpOnly: true,
        sameSite: 'lax',
        secure: cookieSecure,
        path: '/',
        maxAge: result.expiresInSeconds,
      });
      return presentSession(result, result.csrfToken);
    },
  });

  app.post('/api/auth/logout', {
    schema: { tags: ['auth'], response: { 200: okResponseSchema, ...errors } },
    handler: async (request, reply) => {
      await auth.logout(principalOf(request));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  });

  app.get('/api/auth/session', {
    schema: { tags: ['auth'], response: { 200: sessionResponseSchema, ...errors } },
    handler: async (request) => {
      const principal = principalOf(request);
      return presentSession(principal, principal.session?.csrfToken ?? '');
    },
  });

  app.get('/api/workspace', {
    schema: { tags: ['workspace'], response: { 200: workspaceSchema, ...errors } },
    handler: async (request) => presentWorkspace(principalOf(request).workspace),
  });

  app.patch('/api/workspace', {
    config: { access: 'admin' },
    schema: { tags: ['workspace'], body: updateWorkspaceSchema, response: { 200: workspaceSchema, ...errors } },
    handler: async (request) => presentWorkspace(await members.updateWorkspace(principalOf(request), request.body)),
  });

  app.patch('/api/me', {
    schema: { tags: ['profile'], body: updateProfileSchema, response: { 200: userSchema, ...errors } },
    handler: async (request) => presentUser(await members.updateProfile(principalOf(request), request.body)),
  });

  app.post('/api/me/password', {
    config: { rateLimit: { max: loginRateLimit, timeWindow: '1 minute' } },
    schema: { tags: ['profile'], body: changePasswordSchema, response: { 200: okResponseSchema, ...errors } },
    handler: async (request) => {
      await auth.changePassword(principalOf(request), request.body);
      return { ok: true as const };
    },
  });

  app.get('/api/me/tokens', {
    schema: { tags: ['profile'], response: { 200: z.array(apiTokenSchema), ...errors } },
    handler: async (request) => (await auth.listApiTokens(principalOf(request))).map(presentApiToken),
  });

  app.post('/api/me/tokens', {
    schema: { tags: ['profile'], body: createApiTokenSchema, response: { 201: createdApiTokenSchema, ...errors } },
    handler: async (request, reply) => {
      const { row, token } = await auth.createApiToken(principalOf(request), request.body.name);
      return reply.status(201).send({ ...presentApiToken(row), token });
    },
  });

  app.delete('/api/me/tokens/:tokenId', {
    schema: { tags: ['profile'], params: idParam('tokenId'), response: { 200: okResponseSchema, ...errors } },
    handler: async (request) => {
      await auth.revokeApiToken(principalOf(request), String(request.params.tokenId));
      return { ok: true as const };
    },
  });

  app.get('/api/users', {
    schema: { tags: ['users'], response: { 200: z.array(userSchema), ...errors } },
    handler: async (request) => (await members.listUsers(principalOf(request))).map(presentUser),
  });

  app.patch('/api/users/:userId', {
    config: { access: 'admin' },
    schema: { tags: ['users'], params: idParam('userId'), body: updateUserSchema, response: { 200: userSchema, ...errors } },
    handler: async (request) => presentUser(await members.updateUser(principalOf(request), String(request.params.userId), request.body)),
  });

  app.get('/api/invitations', {
    config: { access: 'admin' },
    schema: { tags: ['users'], response: { 200: z.array(invitationSchema), ...errors } },
    handler: async (request) => (await members.listInvitations(principalOf(request))).map((row) => presentInvitation(row, clock.now())),
  });

  app.post('/api/invitations', {
    config: { access: 'admin' },
    schema: { tags: ['users'], body: createInvitationSchema, response: { 201: invitationSchema, ...errors } },
    handler: async (request, reply) =>
      reply.status(201).send(presentInvitation(await members.invite(principalOf(request), request.body), clock.now())),
  });

  app.delete('/api/invitations/:invitationId', {
    config: { access: 'admin' },
    schema: { tags: ['users'], params: idParam('invitationId'), response: { 200: okResponseSchema, ...errors } },
    handler: async (request) => {
      await members.revokeInvitation(principalOf(request), String(request.params.invitationId));
      return { ok: true as const };
    },
  });

  app.get('/api/invitations/preview', {
    config: { access: 'public', rateLimit: { max: loginRateLimit * 3, timeWindow: '1 minute' } },
    schema: {
      tags: ['users'],
      querystring: z.object({ token: z.string().min(20).max(200) }),
      response: { 200: invitationPreviewSchema, 410: errorResponseSchema, ...errors },
    },
    handler: async (request) => {
      const { invitation, workspace } = await members.previewInvitation(request.query.token);
      return { email: invitation.email, workspaceName: workspace.name, language: invitation.language };
    },
  });

  app.post('/api/invitations/accept', {
    config: { access: 'public', rateLimit: { max: loginRateLimit, timeWindow: '1 minute' } },
    schema: { tags: ['users'], body: acceptInvitationSchema, response: { 201: userSchema, 410: errorResponseSchema, ...errors } },
    handler: async (request, reply) => reply.status(201).send(presentUser(await members.acceptInvitation(request.body))),
  });
}
