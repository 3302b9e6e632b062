import { Injectable } from '@nestjs/common';
import type { SearchDocument, SearchDocumentType } from '../engine/search-engine';

export interface DocumentVersion {
  key: string;
  updatedAt: string;
}

/** Where the indexer rebuilds documents from: the module that owns the content registers one per type. */
export interface DocumentSource {
  readonly type: SearchDocumentType;
  /** Documents of the entities that must be in the index (PUBLISHED); absent ids leave the index. */
  load(entityIds: readonly string[]): Promise<Map<string, SearchDocument>>;
  /**
   * Every document that must be in the index, in batches, oldest change first (reindex:
   * the index table then holds its rows in that order, which month-by-month search likes).
   */
  published(batchSize: number): AsyncIterable<SearchDocument[]>;
  /** The key and updatedAt of every document that must be in the index (verify, repair). */
  versions(): Promise<DocumentVersion[]>;
}

@Injectable()
export class SearchDocumentSources {
  private readonly sources = new Map<SearchDocumentType, DocumentSource>();

  register(source: DocumentSource): void {
    if (this.sources.has(source.type)) throw new Error(`Search source ${source.type} registered twice`);
    this.sources.set(source.type, source);
  }

  get(type: SearchDocumentType): DocumentSource {
    const source = this.sources.get(type);
    if (!source) throw new Error(`No search source for ${type}`);
    return source;
  }

  all(): DocumentSource[] {
    return [...this.sources.values()];
  }
}
