import {
  type AppConfig,
  DATA_SOURCE,
  type EmbeddedDatabase,
  type Logger,
  SeedRegistry,
  startEmbeddedDatabase,
  ConfigError,
  DataDirInUseError,
  createLogger,
  excessPrivilegesOf,
  loadConfig,
  runMigrations,
  userOf,
} from '@resocc/core';
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

  let embedded: EmbeddedDatabase | undefined;
  let databaseUrl = config.databaseUrl;
  if (databaseUrl === undefined) {
    logger.info({ dataDir: config.dataDir }, 'starting the embedded PostgreSQL');
    try {
      embedded = await startEmbeddedDatabase({
        dataDir: config.dataDir,
        onLog: (line) => logger.debug({ postgres: line.trim() }, 'postgres'),
      });
    } catch (error) {
      // Another instance runs on this DATA_DIR: say so in French, without a stack trace.
      if (error instanceof DataDirInUseError) {
        process.stderr.write(`${error.message}\n`);
        process.exit(1);
      }
      throw error;
    }
    // migrations as the owner; the API connects as its own role, with row rights only
    const applied = await runMigrations(embedded.ownerUrl, { appRole: embedded.appRole });
    if (applied.length > 0) logger.info({ migrations: applied }, 'migrations applied');
    databaseUrl = embedded.appUrl;
  } else if (!(await roleIsLeastPrivileged(databaseUrl, config, logger))) {
    process.exit(1);
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
  // Set by npm start when it runs the web app beside the API: the address people open comes first.
  const webUrl = process.env['RESOCC_BANNER_WEB_URL'];
  process.stderr.write(
    (webUrl
      ? `\n  RES'OCC — plateforme : ${webUrl}\n  API GraphQL prête : ${url}\n`
      : `\n  RES'OCC — API GraphQL prête : ${url}\n`) +
      (embedded ? `  Base de données embarquée : ${config.dataDir}\n` : '') +
      (config.seedDemo
        ? `  Comptes de démonstration (mot de passe « ${DEMO_PASSWORD} ») :\n` +
          DEMO_USERS.map((u) => `    - ${u.email}`).join('\n') +
          '\n'
        : '') +
      `  Arrêt : Ctrl-C\n\n`,
  );
}

/**
 * The API's role must only read and write rows. In production a more powerful role
 * (superuser, owner of the tables...) stops the start; elsewhere it is a warning.
 */
async function roleIsLeastPrivileged(url: string, config: AppConfig, logger: Logger): Promise<boolean> {
  let problems: string[];
  try {
    problems = await excessPrivilegesOf(url, config.databaseTimeouts.connectTimeoutMs);
  } catch (error) {
    // an unreachable database is for the data source to report (and readiness to follow)
    logger.warn({ err: error }, 'could not check the database role');
    return true;
  }
  if (problems.length === 0) return true;
  const role = userOf(url);
  logger[config.isProduction ? 'fatal' : 'warn'](
    { role, problems },
    "DATABASE_URL's role has more rights than the API needs",
  );
  if (!config.isProduction) return true;
  process.stderr.write(
    `Le rôle PostgreSQL de DATABASE_URL (« ${role} ») a plus de droits que l'API n'en a besoin ` +
      `(${problems.join(' ; ')}).\n` +
      `Donnez à l'API un rôle à elle, qui ne lit et n'écrit que des lignes, et faites les migrations ` +
      `avec MIGRATION_DATABASE_URL (le rôle propriétaire) : voir « Rôles PostgreSQL » dans le README.\n`,
  );
  return false;
}

void main();
