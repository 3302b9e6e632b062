import type { INestApplication } from '@nestjs/common';
import { type AppConfig, type Logger, createHttpApp } from '@resocc/core';
import { AppModule } from './app.module';

export interface CreateAppOptions {
  config: AppConfig;
  logger: Logger;
  databaseUrl: string;
}

/** The platform's Nest application, initialised but not listening. */
export function createApp(options: CreateAppOptions): Promise<INestApplication> {
  return createHttpApp(AppModule.forRoot(options), options.config, options.logger);
}
