export * from './config/app-config';
export * from './errors/domain-errors';
export * from './errors/format-error';
export * from './auth/viewer';
export * from './auth/access';
export * from './graphql/global-id';
export * from './graphql/connection';
export * from './graphql/loaders';
export * from './graphql/context';
export * from './graphql/node';
export * from './graphql/graphql-options';
export * from './database/data-source';
export * from './database/transaction';
export * from './database/embedded-postgres';
export * from './database/app-meta.entity';
export * from './database/naming-strategy';
export * from './health/health';
export * from './logging/logger';
export * from './seed/seed';
export { CoreModule, type CoreModuleOptions } from './core.module';

import { AppMetaEntity } from './database/app-meta.entity';

/** Entities of the core module, for the data source. */
export const coreEntities = [AppMetaEntity];
export * from './http/create-app';
