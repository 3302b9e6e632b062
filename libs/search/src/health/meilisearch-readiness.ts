import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HealthService } from '@resocc/core';
import { SearchEngines } from '../search-engines';

/**
 * With MEILI_URL set, /health/ready also needs Meilisearch. Without it the PostgreSQL
 * engine lives in the database, which the database check already covers.
 */
@Injectable()
export class MeilisearchReadiness implements OnModuleInit {
  constructor(
    private readonly engines: SearchEngines,
    private readonly health: HealthService,
  ) {}

  onModuleInit(): void {
    const meilisearch = this.engines.meilisearch;
    if (!meilisearch) return;
    this.health.register({ name: 'search', check: () => meilisearch.ping() });
  }
}
