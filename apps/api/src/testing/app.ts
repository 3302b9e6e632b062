import { createTestApp, type TestApp, type TestAppOptions } from '@resocc/core/testing';
import { AppModule } from '../app.module';

/** The whole platform on a fresh database of its own, spoken to over HTTP. */
export function createPlatformTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  return createTestApp(
    (config, logger, databaseUrl) => AppModule.forRoot({ config, logger, databaseUrl }),
    options,
  );
}
