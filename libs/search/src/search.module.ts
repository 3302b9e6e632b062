import { Module } from '@nestjs/common';
import { MeilisearchReadiness } from './health/meilisearch-readiness';
import { SearchOutbox } from './outbox/search-outbox';

@Module({
  providers: [MeilisearchReadiness, SearchOutbox],
  exports: [SearchOutbox],
})
export class SearchModule {}
