import { ContentEntityBase } from '../shared/content-entity.base';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { ProcedureType } from '../shared/enums';
import { ClauseTemplateEntity } from '../templates/clause-template.entity';

@Entity('experience_post')
// Expression indexes on the lists' sort key, created by a migration (TypeORM cannot express them).
@Index('experience_post_list_idx', { synchronize: false })
@Index('experience_post_status_list_idx', { synchronize: false })
@Index('experience_post_organisation_list_idx', { synchronize: false })
@Index('experience_post_feed_idx', ['status', 'publishedAt', 'id'])
@Index('experience_post_organisation_idx', ['organisationId', 'createdAt'])
@Index('experience_post_author_idx', ['authorId'])
// Search reindex reads published items in order of last change (index rows stay in that order).
@Index('experience_post_search_source_idx', ['status', 'updatedAt', 'id'])
export class ExperiencePostEntity extends ContentEntityBase {
  /** Markdown as written. */
  @Column({ type: 'text' })
  body!: string;

  /** Rendered and sanitised at write time. */
  @Column({ type: 'text' })
  bodyHtml!: string;

  @Column({ type: 'enum', enum: ProcedureType, enumName: 'procedure_type', nullable: true })
  procedureType!: ProcedureType | null;

  /** 8-digit CPV codes. */
  @Column({ type: 'char', length: 8, array: true, default: () => "'{}'" })
  cpvCodes!: string[];

  @Column({ type: 'int', nullable: true })
  contractYear!: number | null;

  @Column({ type: 'varchar', length: 3, nullable: true })
  departmentCode!: string | null;

  @Column({ type: 'text', nullable: true })
  outcomes!: string | null;
}

/** Evidence: the clause templates a purchase used, in the author's order. */
@Entity('experience_post_template')
@Index('experience_post_template_template_idx', ['templateId'])
export class ExperiencePostTemplateEntity {
  @Column({ type: 'uuid', primary: true })
  postId!: string;

  @ManyToOne(() => ExperiencePostEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'post_id' })
  post?: ExperiencePostEntity;

  @Column({ type: 'uuid', primary: true })
  templateId!: string;

  @ManyToOne(() => ClauseTemplateEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'template_id' })
  template?: ClauseTemplateEntity;

  @Column({ type: 'int' })
  position!: number;
}
