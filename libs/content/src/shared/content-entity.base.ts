import { OrganisationEntity, UserEntity } from '@resocc/members';
import {
  Column,
  CreateDateColumn,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Consideration, ContentStatus, Visibility } from './enums';

/** The columns experience posts and clause templates share (each has a table of its own). */
export abstract class ContentEntityBase {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'varchar', length: 1000 })
  summary!: string;

  /** Theme slugs. */
  @Column({ type: 'varchar', length: 64, array: true, default: () => "'{}'" })
  themes!: string[];

  @Column({
    type: 'enum',
    enum: Consideration,
    enumName: 'consideration',
    array: true,
    default: () => "'{}'",
  })
  considerations!: Consideration[];

  @Column({ type: 'enum', enum: Visibility, enumName: 'visibility' })
  visibility!: Visibility;

  @Column({ type: 'enum', enum: ContentStatus, enumName: 'content_status', default: ContentStatus.DRAFT })
  status!: ContentStatus;

  @Column({ type: 'uuid' })
  authorId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_id' })
  author?: UserEntity;

  @Column({ type: 'uuid' })
  organisationId!: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: OrganisationEntity;

  /** Optimistic locking: updates pass the version they read. */
  @Column({ type: 'int', default: 1 })
  version!: number;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  publishedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
