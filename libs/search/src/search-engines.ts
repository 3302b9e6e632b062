import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { AppConfig, DATA_SOURCE, LOGGER, type Logger } from '@resocc/core';
import { DataSource } from 'typeorm';
import { MeilisearchEngine } from './engine/meilisearch.engine';
import { PostgresSearchEngine } from './engine/postgres.engine';
import type { DocumentVisibility, SearchEngine, SearchRequest, SearchResponse } from './engine/search-engine';

/**
 * The configured engines: Meilisearch when MEILI_URL is set, PostgreSQL otherwise. The
 * PostgreSQL index is always kept as well, so search can fall back to it when Meilisearch
 * is unreachable.
 */
@Injectable()
export class SearchEngines implements OnModuleInit {
  readonly postgres: PostgresSearchEngine;
  readonly meilisearch: MeilisearchEngine | null;

  constructor(
    @Inject(DATA_SOURCE) dataSource: DataSource,
    config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.postgres = new PostgresSearchEngine(dataSource);
    this.meilisearch = config.meiliUrl
      ? new MeilisearchEngine({ url: config.meiliUrl, masterKey: config.meiliMasterKey })
      : null;
  }

  async onModuleInit(): Promise<void> {
    await this.postgres.ensureReady();
    if (this.meilisearch) {
      try {
        await this.meilisearch.ensureReady();
      } catch (error) {
        // The API still starts: search falls back to PostgreSQL and the indexer retries.
        this.logger.warn({ err: error }, 'Meilisearch is not ready: searching with PostgreSQL until it is');
      }
    }
  }

  /** The engine searches go to first. */
  get primary(): SearchEngine {
    return this.meilisearch ?? this.postgres;
  }

  /** Every engine the indexer writes to, PostgreSQL first. */
  get writers(): SearchEngine[] {
    return this.meilisearch ? [this.postgres, this.meilisearch] : [this.postgres];
  }

  /** Searches the primary engine; if Meilisearch fails, answers from PostgreSQL and logs a warning. */
  async search(request: SearchRequest): Promise<SearchResponse> {
    if (!this.meilisearch) return this.postgres.search(request);
    try {
      return await this.meilisearch.search(request);
    } catch (error) {
      this.logger.warn({ err: error }, 'Meilisearch search failed: answering from PostgreSQL');
      return this.postgres.search(request);
    }
  }

  /**
   * Did-you-mean when nothing matched, from the PostgreSQL vocabulary (kept whichever engine
   * answers): only words of documents the viewer may see.
   */
  suggestion(query: string, visibilities: readonly DocumentVisibility[]): Promise<string | null> {
    return this.postgres.suggestion(query, visibilities);
  }

  /** Completions of the last word typed, from the same vocabulary. */
  completions(prefix: string, visibilities: readonly DocumentVisibility[], limit: number): Promise<string[]> {
    return this.postgres.completions(prefix, visibilities, limit);
  }
}
