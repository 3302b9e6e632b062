import { SearchOutboxEntity } from './outbox/search-outbox.entity';

export { SearchModule } from './search.module';
export { SearchOutboxEntity } from './outbox/search-outbox.entity';
export { SearchEngines } from './search-engines';
export { DEAD_LETTER_ATTEMPTS, LEASE_MS, SearchIndexer } from './indexer/search-indexer';
export { SearchAdmin, type DeadLetter, type VerifyReport } from './indexer/search-admin';
export { SearchDocumentSources, type DocumentSource, type DocumentVersion } from './indexer/document-sources';
export * from './engine/search-engine';

/** Entities of the search module, for the data source. */
export const searchEntities = [SearchOutboxEntity];
export { MeilisearchEngine } from './engine/meilisearch.engine';
export { PostgresSearchEngine } from './engine/postgres.engine';
