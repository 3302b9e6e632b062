import { Module } from '@nestjs/common';
import { MeilisearchReadiness } from './health/meilisearch-readiness';
import { SearchDocumentSources } from './indexer/document-sources';
import { SearchAdmin } from './indexer/search-admin';
import { SearchIndexer } from './indexer/search-indexer';
import { SearchEngines } from './search-engines';

/** The search port and its engines, and the indexer that drains the outbox (written by triggers). */
@Module({
  providers: [
    MeilisearchReadiness,
    SearchEngines,
    SearchDocumentSources,
    SearchIndexer,
    SearchAdmin,
  ],
  exports: [SearchEngines, SearchDocumentSources, SearchIndexer, SearchAdmin],
})
export class SearchModule {}
