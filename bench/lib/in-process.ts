// The platform's Nest application inside the benchmark process (seeding, bulk indexing,
// the engine measured directly, SQL statements counted per request).
import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { createLogger, findFreePort, loadConfig } from '@resocc/core';
import { createApp } from '@resocc/api';
import { onAbort } from './common';

export interface InProcessApp {
  readonly app: INestApplication;
  /** Listens on 127.0.0.1 (a free port) and returns the port. */
  listen(): Promise<number>;
  close(): Promise<void>;
}

/** NODE_ENV=production, LOG_LEVEL=warn, PostgreSQL search (MEILI_URL is never passed on). */
export async function startInProcessApp(databaseUrl: string, dataDir: string): Promise<InProcessApp> {
  const config = loadConfig({
    NODE_ENV: 'production',
    // Required in production; nothing is e-mailed during a benchmark.
    SMTP_URL: 'smtp://127.0.0.1:9',
    JWT_SECRET: randomBytes(32).toString('base64url'),
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    DATABASE_URL: databaseUrl,
    SEED_DEMO: 'false',
  });
  const app = await createApp({ config, logger: createLogger('warn'), databaseUrl });
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= app.close();
    return closing;
  };
  const unregister = onAbort(close);
  return {
    app,
    listen: async () => {
      const port = await findFreePort();
      await app.listen(port, '127.0.0.1');
      return port;
    },
    close: async () => {
      unregister();
      await close();
    },
  };
}
