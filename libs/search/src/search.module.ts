import { Module } from '@nestjs/common';
import { MeilisearchReadiness } from './health/meilisearch-readiness';
import { SearchDocumentSources } from './indexer/document-sources';
import { SearchAdmin } from './indexer/search-admin';
import { SearchIndexer } from './indexer/search-indexer';
import { SearchOutbox } from './outbox/search-outbox';
import { SearchEngines } from './search-engines';

/** The search port and its engines, the outbox and the indexer that drains it. */
@Module({
  providers: [
    MeilisearchReadiness,
    SearchOutbox,
    SearchEngines,
    SearchDocumentSources,
    SearchIndexer,
    SearchAdmin,
  ],
  exports: [SearchOutbox, SearchEngines, SearchDocumentSources, SearchIndexer, SearchAdmin],
})
export class SearchModule {}
