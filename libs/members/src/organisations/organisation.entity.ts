import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export enum OrganisationKind {
  COLLECTIVITE_TERRITORIALE = 'COLLECTIVITE_TERRITORIALE',
  SERVICE_ETAT = 'SERVICE_ETAT',
  ETABLISSEMENT_PUBLIC = 'ETABLISSEMENT_PUBLIC',
  ETABLISSEMENT_SANTE = 'ETABLISSEMENT_SANTE',
  ENTREPRISE_ESS = 'ENTREPRISE_ESS',
  STRUCTURE_INSERTION = 'STRUCTURE_INSERTION',
  STRUCTURE_HANDICAP = 'STRUCTURE_HANDICAP',
  ASSOCIATION_RESEAU = 'ASSOCIATION_RESEAU',
  ENTREPRISE = 'ENTREPRISE',
}

export enum MembershipStatus {
  PENDING = 'PENDING',
  ACTIVE = 'ACTIVE',
  SUSPENDED = 'SUSPENDED',
  REJECTED = 'REJECTED',
}

@Entity('organisation')
@Index('organisation_status_created_idx', ['membershipStatus', 'createdAt', 'id'])
export class OrganisationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  /** One live organisation per SIRET: REJECTED applications do not block a new one. */
  @Index('organisation_siret_key', { unique: true, where: `membership_status <> 'REJECTED'` })
  @Index('organisation_siret_idx')
  @Column({ type: 'char', length: 14 })
  siret!: string;

  @Column({ type: 'enum', enum: OrganisationKind, enumName: 'organisation_kind' })
  kind!: OrganisationKind;

  @Column({ type: 'varchar', length: 3 })
  departmentCode!: string;

  @Column({ type: 'varchar', length: 300, nullable: true })
  website!: string | null;

  @Column({
    type: 'enum',
    enum: MembershipStatus,
    enumName: 'membership_status',
    default: MembershipStatus.PENDING,
  })
  membershipStatus!: MembershipStatus;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  membershipStatusChangedAt!: Date;

  @Column({ type: 'text', nullable: true })
  membershipStatusReason!: string | null;

  @Column({ type: 'boolean', default: false })
  trusted!: boolean;

  /**
   * E-mail domains an ADMIN verified as the organisation's own (`montpellier3m.fr`): a
   * verified address on one of them joins without waiting for a référent.
   */
  @Column({ type: 'varchar', length: 253, array: true, default: () => "'{}'" })
  verifiedEmailDomains!: string[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
