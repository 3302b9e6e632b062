import { randomUUID } from 'node:crypto';
import type { DynamicModule, INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import helmet from 'helmet';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AppConfig } from '../config/app-config';
import { type Logger, PinoNestLogger } from '../logging/logger';

const BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * Builds and initialises a Nest application on Fastify (chosen over Express by
 * measurement, see bench/http-adapter.ts): request ids, access logs, body limit, CORS.
 */
export async function createHttpApp(
  root: Type<unknown> | DynamicModule,
  config: AppConfig,
  logger: Logger,
): Promise<INestApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT_BYTES,
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    // Only the proxies TRUST_PROXY names may say who the client is (X-Forwarded-For);
    // without it, the address is the connection's own.
    // A hop count trusts that many proxies in front of the API (proxy-addr's rule).
    trustProxy:
      typeof config.trustProxy === 'number'
        ? (
            (hops: number) => (_address: string, hop: number) =>
              hop < hops
          )(config.trustProxy)
        : config.trustProxy,
  });
  const app = await NestFactory.create<NestFastifyApplication>(root, adapter, {
    logger: new PinoNestLogger(logger),
    abortOnError: false,
  });
  const fastify = app.getHttpAdapter().getInstance();
  // Security headers, set up once (@fastify/helmet built helmet again on every request); the
  // content security policy only where no HTML page (GraphiQL) is served.
  const securityHeaders = helmet({
    contentSecurityPolicy: config.isProduction,
    crossOriginEmbedderPolicy: false,
  });
  fastify.addHook('onRequest', (request, reply, done) => {
    securityHeaders(request.raw, reply.raw, (error?: unknown) =>
      done(error instanceof Error ? error : undefined),
    );
  });
  fastify.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-request-id', request.id);
    // A body over the limit is refused before GraphQL runs: answer in GraphQL's shape all the same.
    if (reply.statusCode === 413) {
      reply.header('content-type', 'application/json; charset=utf-8');
      return JSON.stringify({
        errors: [
          {
            message: `Requête trop volumineuse : ${BODY_LIMIT_BYTES / 1024 / 1024} Mo au plus.`,
            extensions: {
              code: 'BAD_USER_INPUT',
              limit: 'BODY_SIZE',
              fields: [{ path: 'body', message: 'Corps de requête trop volumineux.' }],
            },
          },
        ],
      });
    }
    // Bodies Fastify cannot parse (bad JSON, empty body, prototype keys) get GraphQL's shape too.
    if (
      reply.statusCode === 400 &&
      request.url.startsWith('/graphql') &&
      typeof payload === 'string' &&
      !payload.includes('"errors"')
    ) {
      reply.header('content-type', 'application/json; charset=utf-8');
      return JSON.stringify({
        errors: [
          {
            message: "Le corps de la requête n'est pas un JSON GraphQL valide.",
            extensions: { code: 'BAD_USER_INPUT', fields: [{ path: 'body', message: 'JSON invalide.' }] },
          },
        ],
      });
    }
    return payload;
  });
  fastify.addHook('onResponse', async (request, reply) => {
    if (!logger.isLevelEnabled('info')) return; // no access log object per request when it would be dropped
    logger.info(
      {
        requestId: request.id,
        method: request.method,
        url: request.url,
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      },
      'request completed',
    );
  });
  app.enableCors({ origin: config.corsOrigins.length > 0 ? config.corsOrigins : !config.isProduction });
  await app.init();
  await fastify.ready();
  return app;
}
