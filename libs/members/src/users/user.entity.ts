import { Role } from '@resocc/core';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { OrganisationEntity } from '../organisations/organisation.entity';

/** Roles granted by an administrator; MEMBER is never stored, it follows the organisation's status. */
export type GrantedRole = Role.MODERATOR | Role.ADMIN;

@Entity('user_account')
@Index('user_account_organisation_idx', ['organisationId', 'createdAt', 'id'])
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Normalised (trimmed, lower case); null once the account is erased. */
  @Index('user_account_email_key', { unique: true })
  @Column({ type: 'varchar', length: 254, nullable: true })
  email!: string | null;

  @Column({ type: 'varchar', length: 100 })
  displayName!: string;

  /** argon2id; null once the account is erased. */
  @Column({ type: 'text', nullable: true })
  passwordHash!: string | null;

  @Column({ type: 'uuid' })
  organisationId!: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: OrganisationEntity;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  grantedRoles!: GrantedRole[];

  /** When the address was confirmed through the link sent by e-mail; null until then. */
  @Column({ type: 'timestamptz', nullable: true })
  emailVerifiedAt!: Date | null;

  /**
   * When the organisation accepted this person (a référent, an ADMIN, a verified e-mail
   * domain, or the application that created it); null while the request waits, after a
   * refusal and after removal. MEMBER needs it, a verified address and an ACTIVE organisation.
   */
  @Column({ type: 'timestamptz', nullable: true })
  membershipApprovedAt!: Date | null;

  /** A référent of the organisation: decides who joins it, edits and archives its work. */
  @Column({ type: 'boolean', default: false })
  referent!: boolean;

  @Column({ type: 'timestamptz', nullable: true })
  deletedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
