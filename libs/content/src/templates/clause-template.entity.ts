import { UserEntity } from '@resocc/members';
import { ContentEntityBase } from '../shared/content-entity.base';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { ClauseKind, VariableType } from '../shared/enums';

export interface TemplateVariable {
  name: string;
  label: string;
  type: VariableType;
  required: boolean;
  options: string[] | null;
}

@Entity('clause_template')
// Expression indexes on the lists' sort key, created by a migration (TypeORM cannot express them).
@Index('clause_template_list_idx', { synchronize: false })
@Index('clause_template_status_list_idx', { synchronize: false })
@Index('clause_template_organisation_list_idx', { synchronize: false })
@Index('clause_template_feed_idx', ['status', 'publishedAt', 'id'])
@Index('clause_template_organisation_idx', ['organisationId', 'createdAt'])
@Index('clause_template_author_idx', ['authorId'])
// Search reindex reads published items in order of last change (index rows stay in that order).
@Index('clause_template_search_source_idx', ['status', 'updatedAt', 'id'])
export class ClauseTemplateEntity extends ContentEntityBase {
  @Column({ type: 'enum', enum: ClauseKind, enumName: 'clause_kind' })
  kind!: ClauseKind;

  @Column({ type: 'varchar', length: 200, array: true, default: () => "'{}'" })
  legalReferences!: string[];

  /** Current revision's body, with {{variable}} placeholders (copied from the revision). */
  @Column({ type: 'text' })
  body!: string;

  @Column({ type: 'jsonb' })
  variables!: TemplateVariable[];

  @Column({ type: 'int', default: 1 })
  revision!: number;
}

/** One immutable revision of a template's body and variables (the database refuses UPDATE). */
@Entity('clause_template_revision')
@Index('clause_template_revision_key', ['templateId', 'revision'], { unique: true })
export class ClauseTemplateRevisionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  templateId!: string;

  @ManyToOne(() => ClauseTemplateEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'template_id' })
  template?: ClauseTemplateEntity;

  @Column({ type: 'int' })
  revision!: number;

  @Column({ type: 'text' })
  body!: string;

  @Column({ type: 'jsonb' })
  variables!: TemplateVariable[];

  @Column({ type: 'text', nullable: true })
  changeNote!: string | null;

  @Column({ type: 'uuid' })
  authorId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_id' })
  author?: UserEntity;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
