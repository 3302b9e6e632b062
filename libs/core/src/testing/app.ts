import { randomInt } from 'node:crypto';
import { Writable } from 'node:stream';
import type { DynamicModule, INestApplication, Type } from '@nestjs/common';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { GraphQLModule } from '@nestjs/graphql';
import request from 'supertest';
import { AnonymousViewerResolver, type ViewerResolver } from '../auth/viewer';
import { CoreModule } from '../core.module';
import { coreEntities } from '../core-entities';
import { graphqlOptions } from '../graphql/graphql-options';
import { type AppConfig, loadConfig } from '../config/app-config';
import { createHttpApp } from '../http/create-app';
import { createLogger, type Logger } from '../logging/logger';
import { createTestDatabase, type TestDatabase } from './database';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: {
    message: string;
    path?: (string | number)[];
    extensions?: { code?: string; fields?: { path: string; message: string }[]; [key: string]: unknown };
  }[];
  headers: Record<string, string>;
}

/** Log lines written during a test, parsed from pino's JSON. */
export class LogCapture {
  readonly lines: Record<string, unknown>[] = [];
  readonly stream = new Writable({
    write: (chunk: Buffer, _encoding, callback) => {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (line.trim()) this.lines.push(JSON.parse(line) as Record<string, unknown>);
      }
      callback();
    },
  });
}

/** A test configuration: development defaults, a throwaway DATA_DIR, overridable variables. */
export function testConfig(env: Record<string, string> = {}): AppConfig {
  return loadConfig({
    NODE_ENV: 'test',
    JWT_SECRET: 'test-secret-test-secret-test-secret-0123',
    DATA_DIR: '/tmp/resocc-test-data',
    // Suites play clients from several addresses through X-Forwarded-For, from loopback.
    TRUST_PROXY: 'loopback',
    ...env,
  });
}

export interface TestApp {
  app: INestApplication;
  db: TestDatabase;
  config: AppConfig;
  logs: LogCapture;
  /** Sends one GraphQL operation over HTTP, as a client would. */
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    options?: { token?: string; headers?: Record<string, string>; ip?: string },
  ): Promise<GraphQLResponse<T>>;
  http(): ReturnType<typeof request>;
  close(): Promise<void>;
}

/**
 * The data of an answer that must have succeeded: fails the test with the errors otherwise,
 * so that a later "not found" or "empty" assertion can never pass on a failed request.
 */
export function dataOf<T>(res: Pick<GraphQLResponse<T>, 'data'> & { errors?: unknown }): T {
  if (res.errors !== undefined) throw new Error(`the answer has errors: ${JSON.stringify(res.errors)}`);
  if (res.data === undefined || res.data === null) throw new Error('no data in the answer');
  return res.data;
}

export interface TestAppOptions {
  env?: Record<string, string>;
  /** Uses this database instead of a fresh clone of the template. */
  database?: TestDatabase;
}

/**
 * Boots a Nest application (on its own fresh database) the way the API does, and talks
 * GraphQL to it over HTTP.
 */
export async function createTestApp(
  root: (config: AppConfig, logger: Logger, databaseUrl: string) => Type<unknown> | DynamicModule,
  options: TestAppOptions = {},
): Promise<TestApp> {
  const db = options.database ?? (await createTestDatabase());
  const config = testConfig({ LOG_LEVEL: 'info', ...options.env });
  const logs = new LogCapture();
  const logger = createLogger(config.logLevel, logs.stream);
  const app = await createHttpApp(root(config, logger, db.url), config, logger);
  const server = app.getHttpServer();
  return {
    app,
    db,
    config,
    logs,
    http: () => request(server),
    async gql(query, variables, opts) {
      const req = request(server).post('/graphql').set('content-type', 'application/json');
      if (opts?.token) req.set('authorization', `Bearer ${opts.token}`);
      // Each call comes from its own client address unless the test names one (rate limits are per IP).
      req.set('x-forwarded-for', opts?.ip ?? `198.18.${randomInt(256)}.${randomInt(256)}`);
      for (const [name, value] of Object.entries(opts?.headers ?? {})) req.set(name, value);
      const res = await req.send({ query, variables });
      const body = res.body as { data?: unknown; errors?: GraphQLResponse['errors'] };
      return {
        status: res.status,
        data: body.data as never,
        errors: body.errors,
        headers: res.headers as Record<string, string>,
      };
    },
    async close() {
      await app.close();
      if (!options.database) await db.drop();
    },
  };
}

export interface GraphQLTestModuleOptions {
  imports?: (Type<unknown> | DynamicModule)[];
  /** Provider (exported by one of `imports`) that turns the Authorization header into a viewer. */
  viewerResolver?: Type<ViewerResolver>;
  timeoutMs?: number;
  providers?: Type<unknown>[];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities?: Function[];
}

/** Core + GraphQL + the given modules: what a library needs to be tested over HTTP. */
export function graphqlTestModule(options: GraphQLTestModuleOptions = {}) {
  return (config: AppConfig, logger: Logger, databaseUrl: string): DynamicModule => {
    class GraphQLTestRootModule {}
    return {
      module: GraphQLTestRootModule,
      imports: [
        CoreModule.forRoot({
          config,
          logger,
          databaseUrl,
          entities: [...coreEntities, ...(options.entities ?? [])],
        }),
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: options.viewerResolver ? (options.imports ?? []) : [],
          inject: options.viewerResolver ? [options.viewerResolver] : [],
          useFactory: (viewerResolver?: ViewerResolver) =>
            graphqlOptions({
              config,
              logger,
              viewerResolver: viewerResolver ?? new AnonymousViewerResolver(),
              timeoutMs: options.timeoutMs,
            }),
        }),
        ...(options.imports ?? []),
      ],
      providers: options.providers ?? [],
    };
  };
}
