import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { UserEntity } from '../users/user.entity';

/**
 * E-mails waiting to be sent (SMTP_URL set): claimed with a lease and committed, sent, then
 * deleted; retried with backoff (at least once: a retry carries the same Message-ID).
 */
@Entity('email_outbox')
@Index('email_outbox_ready_idx', ['availableAt', 'id'], { where: '"failed_at" IS NULL' })
export class EmailOutboxEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ type: 'varchar', length: 254 })
  recipient!: string;

  @Column({ type: 'varchar', length: 300 })
  subject!: string;

  @Column({ type: 'text' })
  text!: string;

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  availableAt!: Date;

  @Column({ type: 'text', nullable: true })
  lastError!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  /** Until when the mailer that claimed the e-mail owns it; past it, it is claimed again. */
  @Column({ type: 'timestamptz', nullable: true })
  claimedUntil!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  claimToken!: string | null;

  /** Set when the server refused the e-mail for good or after the last attempt: never sent. */
  @Column({ type: 'timestamptz', nullable: true })
  failedAt!: Date | null;
}
