import { Module } from '@nestjs/common';
import { MeilisearchReadiness } from './health/meilisearch-readiness';

@Module({
  providers: [MeilisearchReadiness],
})
export class SearchModule {}
