import { UserEntity } from '@resocc/members';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { ModerationAction, ReportReason, ReportStatus } from './moderation.enums';

export type TargetType = 'ExperiencePost' | 'ClauseTemplate';

/** The moderation log: append-only (the database refuses UPDATE and DELETE). */
@Entity('moderation_event')
@Index('moderation_event_target_idx', ['targetId', 'createdAt'])
@Index('moderation_event_created_idx', ['createdAt', 'id'])
export class ModerationEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'enum', enum: ModerationAction, enumName: 'moderation_action' })
  action!: ModerationAction;

  @Column({ type: 'varchar', length: 40 })
  targetType!: TargetType;

  @Column({ type: 'uuid' })
  targetId!: string;

  /** null for AUTO_HIDE */
  @Column({ type: 'uuid', nullable: true })
  actorId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'actor_id' })
  actor?: UserEntity;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ type: 'varchar', length: 40 })
  fromStatus!: string;

  @Column({ type: 'varchar', length: 40 })
  toStatus!: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}

@Entity('report')
@Index('report_one_open_per_reporter', ['targetId', 'reporterId'], {
  unique: true,
  where: `"status" = 'OPEN'`,
})
@Index('report_status_created_idx', ['status', 'createdAt', 'id'])
export class ReportEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 40 })
  targetType!: TargetType;

  @Column({ type: 'uuid' })
  targetId!: string;

  @Column({ type: 'enum', enum: ReportReason, enumName: 'report_reason' })
  reason!: ReportReason;

  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  /** null once the reporter erased their account: the report stays, anonymous. */
  @Column({ type: 'uuid', nullable: true })
  reporterId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'reporter_id' })
  reporter?: UserEntity;

  @Column({ type: 'enum', enum: ReportStatus, enumName: 'report_status', default: ReportStatus.OPEN })
  status!: ReportStatus;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  resolvedAt!: Date | null;
}

@Entity('notification')
@Index('notification_user_idx', ['userId', 'createdAt', 'id'])
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ type: 'varchar', length: 40 })
  kind!: string;

  @Column({ type: 'text' })
  message!: string;

  @Column({ type: 'varchar', length: 40, nullable: true })
  targetType!: TargetType | null;

  @Column({ type: 'uuid', nullable: true })
  targetId!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  readAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}

/**
 * E-mails of one digest kind (moderator-facing: QUEUE_ITEM, CONTENT_AUTO_HIDDEN) to one
 * user: when the last one went, and the notifications that arrived since, held for the
 * next one (at most one e-mail per kind and user per hour).
 */
@Entity('email_digest')
export class EmailDigestEntity {
  @PrimaryColumn({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @PrimaryColumn({ type: 'varchar', length: 40 })
  kind!: string;

  /** null until the first e-mail of this kind */
  @Column({ type: 'timestamptz', nullable: true })
  lastSentAt!: Date | null;

  /** notifications (ids) not e-mailed yet: the next e-mail lists them */
  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  held!: string[];
}

@Entity('collection')
export class CollectionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'uuid' })
  curatorId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'curator_id' })
  curator?: UserEntity;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

@Entity('collection_item')
export class CollectionItemEntity {
  @PrimaryColumn({ type: 'uuid' })
  collectionId!: string;

  @ManyToOne(() => CollectionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'collection_id' })
  collection?: CollectionEntity;

  @PrimaryColumn({ type: 'int' })
  position!: number;

  @Column({ type: 'varchar', length: 40 })
  targetType!: TargetType;

  @Column({ type: 'uuid' })
  targetId!: string;
}

export const moderationEntityList = [
  ModerationEventEntity,
  ReportEntity,
  NotificationEntity,
  EmailDigestEntity,
  CollectionEntity,
  CollectionItemEntity,
];
