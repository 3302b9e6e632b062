import { Inject, Injectable } from '@nestjs/common';
import {
  BadUserInputError,
  ConflictError,
  DATA_SOURCE,
  FieldErrors,
  type PageRequest,
  TransactionRunner,
  type Viewer,
  fromGlobalId,
  renderMarkdown,
} from '@resocc/core';
import { MembersPresenter } from '@resocc/members';
import { DataSource, type EntityManager, In } from 'typeorm';
import { assertMayChange } from '../shared/content-access';
import { type ListRead, type SqlFilter, listVisible, notAsked } from '../shared/content-list';
import { ContentStatus } from '../shared/enums';
import {
  LIMITS,
  cleanLine,
  considerations,
  contractYear,
  cpvCodes,
  departmentCode,
  optionalText,
  requiredText,
  themeSlugs,
} from '../shared/validation';
import { canSeeContent, visibilitySql } from '../shared/visibility';
import { ClauseTemplateEntity } from '../templates/clause-template.entity';
import { TemplateService } from '../templates/template.service';
import { ThemeService } from '../themes/theme.service';
import { EDITABLE_STATUSES, STATUS_LABELS } from '../workflow/content-state-machine';
import { ContentWorkflowService } from '../workflow/content-workflow.service';
import type { ExperiencePostInput } from './dto/experience-post.input';
import { ExperiencePostEntity, ExperiencePostTemplateEntity } from './experience-post.entity';

/** Lists leave the long texts out; `texts()` reads them when a client asks. */
const LIST_OMITS = ['body', 'bodyHtml', 'outcomes'];
/**
 * Columns that lists read only when a client asks for the field of the same name (the
 * others are what the list itself, its cursor and its nodes' field resolvers need).
 */
const LIST_ON_DEMAND = [
  'considerations',
  'cpvCodes',
  'updatedAt',
  'visibility',
  'status',
  'version',
  'procedureType',
  'contractYear',
  'departmentCode',
];

export interface PostTexts {
  body: string;
  bodyHtml: string;
  outcomes: string | null;
}

export interface PostListArgs {
  themes?: string[] | null;
  departmentCode?: string | null;
  status?: ContentStatus | null;
}

type ValidPost = Omit<
  ExperiencePostEntity,
  'id' | 'status' | 'authorId' | 'organisationId' | 'version' | 'publishedAt' | 'createdAt' | 'updatedAt'
> & { templateIds: string[] };

/** Experience posts: writing, the author's side of the workflow, lists and evidence. */
@Injectable()
export class PostService {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly themes: ThemeService,
    private readonly templates: TemplateService,
    private readonly workflow: ContentWorkflowService,
    private readonly members: MembersPresenter,
  ) {}

  private async validate(viewer: Viewer, input: ExperiencePostInput): Promise<ValidPost> {
    const errors = new FieldErrors();
    const p = 'input';
    const title = cleanLine(requiredText(input.title, `${p}.title`, LIMITS.title, errors, 'Le titre'));
    const summary = requiredText(input.summary, `${p}.summary`, LIMITS.summary, errors, 'Le résumé');
    const body = requiredText(input.body, `${p}.body`, LIMITS.body, errors, 'Le texte');
    const themes = themeSlugs(input.themes, `${p}.themes`, await this.themes.knownSlugs(), errors);
    const outcomes = optionalText(input.outcomes, `${p}.outcomes`, LIMITS.outcomes, errors, 'Les résultats');
    const valid: ValidPost = {
      title,
      summary,
      body,
      bodyHtml: '',
      themes,
      considerations: considerations(input.considerations, `${p}.considerations`, errors),
      procedureType: input.procedureType ?? null,
      cpvCodes: cpvCodes(input.cpvCodes, `${p}.cpvCodes`, errors),
      contractYear: contractYear(input.contractYear, `${p}.contractYear`, errors),
      departmentCode: departmentCode(input.departmentCode, `${p}.departmentCode`, errors),
      outcomes,
      visibility: input.visibility,
      templateIds: await this.validateTemplateIds(
        viewer,
        input.clauseTemplateIds ?? [],
        `${p}.clauseTemplateIds`,
        errors,
      ),
    };
    errors.throwIfAny();
    valid.bodyHtml = renderMarkdown(body);
    return valid;
  }

  /** Cited templates must exist and be visible to the author; unknown and invisible read the same. */
  private async validateTemplateIds(
    viewer: Viewer,
    globalIds: readonly string[],
    path: string,
    errors: FieldErrors,
  ): Promise<string[]> {
    if (
      !errors.check(globalIds.length <= LIMITS.templateIds, path, `${LIMITS.templateIds} modèles au maximum.`)
    )
      return [];
    const ids: (string | null)[] = globalIds.map((gid) => {
      const decoded = fromGlobalId(gid);
      return decoded?.type === 'ClauseTemplate' ? decoded.id : null;
    });
    const known = ids.filter((id): id is string => id !== null);
    const visible = new Set(
      (known.length ? await this.templates.visibleByIds(viewer, known) : []).flatMap((t) =>
        t ? [t.id] : [],
      ),
    );
    const result: string[] = [];
    ids.forEach((id, i) => {
      if (
        errors.check(id !== null && visible.has(id), `${path}.${i}`, 'Modèle de clause introuvable.') &&
        !result.includes(id as string)
      ) {
        result.push(id as string);
      }
    });
    return result;
  }

  private async replaceTemplates(
    manager: EntityManager,
    postId: string,
    templateIds: readonly string[],
  ): Promise<void> {
    await manager.delete(ExperiencePostTemplateEntity, { postId });
    if (templateIds.length > 0) {
      await manager.insert(
        ExperiencePostTemplateEntity,
        templateIds.map((templateId, position) => ({ postId, templateId, position })),
      );
    }
  }

  async create(viewer: Viewer, input: ExperiencePostInput): Promise<ExperiencePostEntity> {
    const { templateIds, ...valid } = await this.validate(viewer, input);
    return this.tx.run(async (m) => {
      const post = await m.save(
        m.create(ExperiencePostEntity, {
          ...valid,
          status: ContentStatus.DRAFT,
          authorId: viewer.userId as string,
          organisationId: viewer.organisationId as string,
        }),
      );
      await this.replaceTemplates(m, post.id, templateIds);
      return post;
    });
  }

  async update(
    viewer: Viewer,
    id: string,
    expectedVersion: number,
    input: ExperiencePostInput,
  ): Promise<ExperiencePostEntity> {
    const { templateIds, ...valid } = await this.validate(viewer, input);
    return this.tx.run(async (m) => {
      const post = assertMayChange(
        viewer,
        await m.findOne(ExperiencePostEntity, { where: { id }, lock: { mode: 'pessimistic_write' } }),
      );
      if (post.version !== expectedVersion) {
        throw new ConflictError(
          `Ce retour d'expérience a été modifié entre-temps (version ${post.version}, vous aviez la version ${expectedVersion}) : rechargez-le avant de l'enregistrer.`,
        );
      }
      if (!EDITABLE_STATUSES.includes(post.status)) {
        throw BadUserInputError.field(
          'id',
          `Modification impossible : le contenu est au statut ${post.status} (${STATUS_LABELS[post.status]}).`,
        );
      }
      Object.assign(post, valid, { version: post.version + 1 });
      const saved = await m.save(post);
      await this.replaceTemplates(m, post.id, templateIds);
      return this.workflow.afterEdit(m, viewer, { type: 'ExperiencePost', id }, saved);
    });
  }

  /** DRAFT or CHANGES_REQUESTED to IN_REVIEW, or straight to PUBLISHED for a trusted organisation. */
  async submit(viewer: Viewer, id: string): Promise<ExperiencePostEntity> {
    return (await this.workflow.submitByAuthor(viewer, {
      type: 'ExperiencePost',
      id,
    })) as ExperiencePostEntity;
  }

  async archive(viewer: Viewer, id: string): Promise<ExperiencePostEntity> {
    return (await this.workflow.archiveByAuthor(viewer, {
      type: 'ExperiencePost',
      id,
    })) as ExperiencePostEntity;
  }

  async visibleByIds(viewer: Viewer, ids: readonly string[]): Promise<(ExperiencePostEntity | null)[]> {
    const rows = await this.dataSource.getRepository(ExperiencePostEntity).findBy({ id: In([...ids]) });
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => {
      const row = byId.get(id);
      return row && canSeeContent(viewer, row) ? row : null;
    });
  }

  list(viewer: Viewer, args: PostListArgs, page: PageRequest, read: ListRead = {}, extra: SqlFilter[] = []) {
    const filters: SqlFilter[] = [...extra];
    if (args.themes && args.themes.length > 0)
      filters.push({ sql: 'c.themes && CAST(:themes AS varchar[])', params: { themes: args.themes } });
    if (args.departmentCode)
      filters.push({
        sql: 'c.department_code = :departmentCode',
        params: { departmentCode: args.departmentCode.toUpperCase() },
      });
    if (args.status) filters.push({ sql: 'c.status = :status', params: { status: args.status } });
    return listVisible(this.dataSource, ExperiencePostEntity, 'experience_post', viewer, filters, page, {
      omit: [...LIST_OMITS, ...notAsked(read, LIST_ON_DEMAND)],
      members: read.withMembers ? this.members : undefined,
    });
  }

  byOrganisation(viewer: Viewer, organisationId: string, page: PageRequest, read: ListRead = {}) {
    return this.list(viewer, {}, page, read, [
      { sql: 'c.organisation_id = :ownerId', params: { ownerId: organisationId } },
    ]);
  }

  /** Published posts that used a template, as the viewer may see them. */
  usingTemplate(viewer: Viewer, templateId: string, page: PageRequest, read: ListRead = {}) {
    return this.list(viewer, {}, page, read, [
      { sql: "c.status = 'PUBLISHED'", params: {} },
      {
        sql: 'EXISTS (SELECT 1 FROM experience_post_template ept WHERE ept.post_id = c.id AND ept.template_id = :usedTemplateId)',
        params: { usedTemplateId: templateId },
      },
    ]);
  }

  /** The long texts of posts read from a list (one statement for any number of posts). */
  async texts(postIds: readonly string[]): Promise<(PostTexts | null)[]> {
    const rows = await this.dataSource.getRepository(ExperiencePostEntity).find({
      select: { id: true, body: true, bodyHtml: true, outcomes: true },
      where: { id: In([...postIds]) },
    });
    const byId = new Map(
      rows.map((r) => [r.id, { body: r.body, bodyHtml: r.bodyHtml, outcomes: r.outcomes }]),
    );
    return postIds.map((id) => byId.get(id) ?? null);
  }

  /** The templates each post cites, in order, that the viewer may see: one statement for any number of posts. */
  async templatesOf(viewer: Viewer, postIds: readonly string[]): Promise<ClauseTemplateEntity[][]> {
    const visibility = visibilitySql(viewer, 't');
    const rows = await this.dataSource
      .getRepository(ClauseTemplateEntity)
      .createQueryBuilder('t')
      .innerJoin(ExperiencePostTemplateEntity, 'ept', 'ept.template_id = t.id')
      .addSelect(['ept.post_id AS ept_post_id', 'ept.position AS ept_position'])
      .where('ept.post_id IN (:...postIds)', { postIds })
      .andWhere(visibility.sql, visibility.params)
      .orderBy('ept.position', 'ASC')
      .getRawAndEntities<{ ept_post_id: string; t_id: string }>();
    const byPost = new Map<string, ClauseTemplateEntity[]>(postIds.map((id) => [id, []]));
    const entityById = new Map(rows.entities.map((e) => [e.id, e]));
    for (const raw of rows.raw) {
      const entity = entityById.get(raw.t_id);
      if (entity) byPost.get(raw.ept_post_id)?.push(entity);
    }
    return postIds.map((id) => byPost.get(id) ?? []);
  }
}
