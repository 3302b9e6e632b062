import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { type DynamicModule, Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { ContentModule } from '@resocc/content';
import { AppConfig, CoreModule, LOGGER, type Logger, graphqlOptions } from '@resocc/core';
import { AuthService, MembersModule } from '@resocc/members';
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
          imports: [MembersModule],
          inject: [AppConfig, LOGGER, AuthService],
          useFactory: (config: AppConfig, logger: Logger, viewerResolver: AuthService) =>
            graphqlOptions({ config, logger, viewerResolver }),
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
