import {
  DATA_SOURCE,
  SeedRegistry,
  startEmbeddedPostgres,
  ConfigError,
  createLogger,
  loadConfig,
  runMigrations,
} from '@resocc/core';
import type { RunningPostgres } from '@resocc/core';
import type { DataSource } from 'typeorm';
import { DEMO_PASSWORD, DEMO_USERS } from '@resocc/members';
import { createApp } from './bootstrap';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  const startedAt = Date.now();

  let embedded: RunningPostgres | undefined;
  let databaseUrl = config.databaseUrl;
  if (databaseUrl === undefined) {
    logger.info({ dataDir: config.dataDir }, 'starting the embedded PostgreSQL');
    embedded = await startEmbeddedPostgres({
      dataDir: config.dataDir,
      onLog: (line) => logger.debug({ postgres: line.trim() }, 'postgres'),
    });
    databaseUrl = embedded.url;
    const applied = await runMigrations(databaseUrl);
    if (applied.length > 0) logger.info({ migrations: applied }, 'migrations applied');
  }

  let app: Awaited<ReturnType<typeof createApp>> | undefined;
  let closing = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down');
    try {
      await app?.close();
    } finally {
      await embedded?.stop();
      process.exit(0);
    }
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    app = await createApp({ config, logger, databaseUrl });
    if (config.seedDemo) {
      const ran = await app.get(SeedRegistry).seed(app.get<DataSource>(DATA_SOURCE));
      if (ran.length > 0) logger.info({ steps: ran }, 'demo data seeded');
    }
    await app.listen(config.port, '0.0.0.0');
  } catch (error) {
    logger.fatal({ err: error }, 'start-up failed');
    await app?.close().catch(() => undefined);
    await embedded?.stop();
    process.exit(1);
  }
  const url = `http://localhost:${config.port}/graphql`;
  logger.info({ url, ms: Date.now() - startedAt }, 'API ready');
  process.stderr.write(
    `\n  RES'OCC — API GraphQL prête : ${url}\n` +
      (embedded ? `  Base de données embarquée : ${config.dataDir}\n` : '') +
      (config.seedDemo
        ? `  Comptes de démonstration (mot de passe « ${DEMO_PASSWORD} ») :\n` +
          DEMO_USERS.map((u) => `    - ${u.email}`).join('\n') +
          '\n'
        : '') +
      `  Arrêt : Ctrl-C\n\n`,
  );
}

void main();
