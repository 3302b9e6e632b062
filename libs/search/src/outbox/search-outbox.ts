import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { SearchDocumentType } from '../engine/search-engine';
import { SearchOutboxEntity } from './search-outbox.entity';

/** Records, inside the caller's transaction, that a document must be rebuilt in the index. */
@Injectable()
export class SearchOutbox {
  async record(
    manager: EntityManager,
    documentType: SearchDocumentType,
    documentIds: readonly string[],
  ): Promise<void> {
    if (documentIds.length === 0) return;
    await manager.insert(
      SearchOutboxEntity,
      documentIds.map((documentId) => ({ documentType, documentId })),
    );
  }
}
