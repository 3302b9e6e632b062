import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

import type { SearchDocumentType } from '../engine/search-engine';

/**
 * Transactional outbox: a row written by database triggers (migration
 * SearchOutboxByTriggers) in the same transaction as any change that can alter what search
 * shows, whichever code path or plain SQL made it. The indexer claims rows with a lease,
 * commits, rebuilds each document from the database and writes it to the engines, then
 * deletes the rows: a replayed row is harmless.
 */
@Entity('search_outbox')
@Index('search_outbox_ready_idx', ['availableAt', 'id'], { where: '"dead_at" IS NULL' })
@Index('search_outbox_document_idx', ['documentType', 'documentId'])
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

  /** Until when the indexer that claimed the row owns it; past it, anyone may claim it again. */
  @Column({ type: 'timestamptz', nullable: true })
  claimedUntil!: Date | null;

  /** The claim that owns the row: only that claim may delete it or schedule its retry. */
  @Column({ type: 'uuid', nullable: true })
  claimToken!: string | null;

  /** Set when the document kept failing alone: set aside (dead letter), listed by search:verify. */
  @Column({ type: 'timestamptz', nullable: true })
  deadAt!: Date | null;
}
