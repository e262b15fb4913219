import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Logger } from '../logger/logger';
import { AppError } from './errors';

export type HttpServer = FastifyInstance<
  import('node:http').Server,
  import('node:http').IncomingMessage,
  import('node:http').ServerResponse,
  Logger,
  ZodTypeProvider
>;

/** Every route with its access level, for the security test that walks them all. */
export type RegisteredRoute = { method: string; url: string; access: string };

declare module 'fastify' {
  interface FastifyInstance {
    registeredRoutes: RegisteredRoute[];
  }
}

export const BODY_LIMIT_BYTES = 1024 * 1024;

const errorBody = (code: string, message: string) => ({ error: { code, message } });

/** Fastify with the parts every route relies on: validation, one error shape, security headers, docs. */
export async function createHttpServer({ logger, version, trustProxy }: { logger: Logger; version: string; trustProxy: boolean }) {
  const app = Fastify({
    loggerInstance: logger,
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy,
  }).withTypeProvider<ZodTypeProvider>();
  const routes: RegisteredRoute[] = [];
  app.addHook('onRoute', (route) => {
    // The API docs (swagger-ui's own routes) are public like the OpenAPI document they show.
    if (route.url.startsWith('/api/docs')) route.config = { ...route.config, access: 'public' };
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD')
        routes.push({ method, url: route.url, access: (route.config as { access?: string } | undefined)?.access ?? 'member' });
    }
  });
  app.decorate('registeredRoutes', routes);
  // The API speaks JSON; other media types are declared by the routes that take them.
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // The API docs page (swagger-ui) injects inline styles.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
      },
    },
  });
  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      ...errorBody('request.rate_limited', `Too many attempts: try again in ${Math.ceil(context.ttl / 1000)} s`),
    }),
  });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Baton API', version, description: 'Hand clients over during an absence: verifiable, covered, recoverable.' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'baton_session' },
          apiToken: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) return reply.status(error.status).send(errorBody(error.code, error.message));
    if (hasZodFastifySchemaValidationErrors(error)) {
      const details = error.validation
        .map(
          (issue) => `${issue.instancePath.replace(/^\//, '').replaceAll('/', '.') || error.validationContext || 'body'}: ${issue.message}`,
        )
        .join('; ');
      return reply.status(400).send(errorBody('request.invalid', `Invalid ${error.validationContext ?? 'request'}: ${details}`));
    }
    if (error.statusCode === 429) return reply.status(429).send(errorBody('request.rate_limited', error.message));
    if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || error instanceof SyntaxError) {
      return reply.status(400).send(errorBody('request.malformed_json', 'The request body is not valid JSON'));
    }
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply.status(413).send(errorBody('request.too_large', `The request body is larger than ${BODY_LIMIT_BYTES / 1024} KiB`));
    }
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return reply.status(415).send(errorBody('request.unsupported_media_type', 'Send the body as application/json'));
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.status(error.statusCode).send(errorBody('request.invalid', error.message));
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send(errorBody('server.error', 'Something went wrong on our side; the error was logged'));
  });

  return app;
}

export const notFoundBody = () => errorBody('route.not_found', 'No such API route');
