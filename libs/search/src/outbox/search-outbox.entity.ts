import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

import type { SearchDocumentType } from '../engine/search-engine';

/**
 * Transactional outbox: a row written in the same transaction as any change that can
 * alter what search shows. The indexer drains it after commit and rebuilds each document
 * from the database, so a replayed row is harmless.
 */
@Entity('search_outbox')
@Index('search_outbox_available_idx', ['availableAt', 'id'])
export class SearchOutboxEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column({ type: 'varchar', length: 40 })
  documentType!: SearchDocumentType;

  @Column({ type: 'uuid' })
  documentId!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  availableAt!: Date;

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @Column({ type: 'text', nullable: true })
  lastError!: string | null;
}
