import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { type AppConfig, type Logger, PinoNestLogger } from '@resocc/core';
import { AppModule } from './app.module';

export interface CreateAppOptions {
  config: AppConfig;
  logger: Logger;
  databaseUrl: string;
}

const BODY_LIMIT_BYTES = 1024 * 1024;

/** Builds the Nest application on Fastify (chosen by measurement, see bench/http-adapter.ts). */
export async function createApp(options: CreateAppOptions): Promise<INestApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT_BYTES,
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    disableRequestLogging: true,
    trustProxy: options.config.isProduction,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(options), adapter, {
    logger: new PinoNestLogger(options.logger),
    abortOnError: false,
  });
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  fastify.addHook('onResponse', async (request, reply) => {
    options.logger.info(
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
  app.enableCors({
    origin: options.config.corsOrigins.length > 0 ? options.config.corsOrigins : !options.config.isProduction,
  });
  await app.init();
  return app;
}
