import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { type DynamicModule, Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { ContentModule } from '@resocc/content';
import {
  AnonymousViewerResolver,
  AppConfig,
  CoreModule,
  LOGGER,
  type Logger,
  graphqlOptions,
} from '@resocc/core';
import { MembersModule } from '@resocc/members';
import { ModerationModule } from '@resocc/moderation';
import { SearchModule } from '@resocc/search';
import { entities } from './entities';
import { HealthController } from './health.controller';

export interface AppModuleOptions {
  config: AppConfig;
  logger: Logger;
  databaseUrl: string;
}

/** Composition root: wires the libraries together, holds no business logic. */
@Module({})
export class AppModule {
  static forRoot(options: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot({ ...options, entities }),
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          inject: [AppConfig, LOGGER],
          useFactory: (config: AppConfig, logger: Logger) =>
            graphqlOptions({ config, logger, viewerResolver: new AnonymousViewerResolver() }),
        }),
        MembersModule,
        ContentModule,
        ModerationModule,
        SearchModule,
      ],
      controllers: [HealthController],
    };
  }
}
