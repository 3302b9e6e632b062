import { Injectable, type OnModuleInit } from '@nestjs/common';
import { AppConfig, HealthService } from '@resocc/core';

/**
 * With MEILI_URL set, /health/ready also needs Meilisearch. Without it the PostgreSQL
 * engine lives in the database, which the database check already covers.
 */
@Injectable()
export class MeilisearchReadiness implements OnModuleInit {
  constructor(
    private readonly config: AppConfig,
    private readonly health: HealthService,
  ) {}

  onModuleInit(): void {
    const url = this.config.meiliUrl;
    if (url === undefined) return;
    this.health.register({
      name: 'search',
      check: async () => {
        const res = await fetch(new URL('/health', url), { signal: AbortSignal.timeout(2000) });
        if (!res.ok) throw new Error(`Meilisearch answered ${res.status}`);
        const body = (await res.json()) as { status?: string };
        if (body.status !== 'available') throw new Error(`Meilisearch status is ${String(body.status)}`);
      },
    });
  }
}
