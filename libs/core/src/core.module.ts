import {
  type DynamicModule,
  Global,
  Inject,
  Injectable,
  Module,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AccessGuard } from './auth/access';
import { AppConfig } from './config/app-config';
import { createDataSource, type EntityList } from './database/data-source';
import { DATA_SOURCE, TransactionRunner } from './database/transaction';
import { NodeRegistry, NodeResolver } from './graphql/node';
import { HealthService } from './health/health';
import { LOGGER, type Logger } from './logging/logger';
import { PersonalDataRegistry } from './privacy/personal-data';
import { MutationRateLimitGuard } from './rate-limit/mutation-rate-limit.guard';
import { RateLimiter } from './rate-limit/rate-limiter';
import { SeedRegistry } from './seed/seed';

export interface CoreModuleOptions {
  config: AppConfig;
  logger: Logger;
  /** Connection string of the database to use (embedded or DATABASE_URL). */
  databaseUrl: string;
  entities: EntityList;
}

@Injectable()
class DataSourceCloser implements OnApplicationShutdown {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

/** Configuration, logger, database, node registry, access guard, health and seeding: shared by all modules. */
@Global()
@Module({})
export class CoreModule {
  static forRoot(options: CoreModuleOptions): DynamicModule {
    return {
      module: CoreModule,
      providers: [
        { provide: AppConfig, useValue: options.config },
        { provide: LOGGER, useValue: options.logger },
        {
          provide: DATA_SOURCE,
          useFactory: async (): Promise<DataSource> => {
            const dataSource = createDataSource({
              url: options.databaseUrl,
              entities: options.entities,
              timeouts: options.config.databaseTimeouts,
            });
            await dataSource.initialize();
            return dataSource;
          },
        },
        DataSourceCloser,
        TransactionRunner,
        NodeRegistry,
        NodeResolver,
        HealthService,
        SeedRegistry,
        RateLimiter,
        PersonalDataRegistry,
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_GUARD, useClass: MutationRateLimitGuard },
      ],
      exports: [
        AppConfig,
        LOGGER,
        DATA_SOURCE,
        TransactionRunner,
        NodeRegistry,
        HealthService,
        SeedRegistry,
        RateLimiter,
        PersonalDataRegistry,
      ],
    };
  }
}
