import { registerEnumType } from '@nestjs/graphql';
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
import { OrganisationEntity } from './organisation.entity';

export enum MembershipRequestStatus {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REFUSED = 'REFUSED',
  EXPIRED = 'EXPIRED',
}

registerEnumType(MembershipRequestStatus, { name: 'MembershipRequestStatus' });

/** A person's request to join an ACTIVE organisation, decided by its référents or an ADMIN. */
@Entity('membership_request')
@Index('membership_request_one_pending', ['userId'], { unique: true, where: `status = 'PENDING'` })
@Index('membership_request_organisation_idx', ['organisationId', 'status', 'createdAt', 'id'])
@Index('membership_request_status_idx', ['status', 'createdAt', 'id'])
export class MembershipRequestEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ type: 'uuid' })
  organisationId!: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: OrganisationEntity;

  @Column({
    type: 'enum',
    enum: MembershipRequestStatus,
    enumName: 'membership_request_status',
    default: MembershipRequestStatus.PENDING,
  })
  status!: MembershipRequestStatus;

  /** Why it was refused (shown to the requester). */
  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  /** Who decided; null for an automatic decision (verified domain, expiry) or an erased account. */
  @Column({ type: 'uuid', nullable: true })
  decidedBy!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'decided_by' })
  decider?: UserEntity;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;
}
