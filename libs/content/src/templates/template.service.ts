import { Inject, Injectable } from '@nestjs/common';
import {
  BadUserInputError,
  ConflictError,
  DATA_SOURCE,
  FieldErrors,
  type PageRequest,
  Role,
  TransactionRunner,
  type Viewer,
  hasRole,
  isModerator,
} from '@resocc/core';
import { MembersPresenter } from '@resocc/members';
import { DataSource, In } from 'typeorm';
import { assertMayChange, assertVisible } from '../shared/content-access';
import { type ListRead, type SqlFilter, listVisible, notAsked } from '../shared/content-list';
import { type ClauseKind, type Consideration, ContentStatus } from '../shared/enums';
import {
  LIMITS,
  cleanLine,
  cleanMultiline,
  considerations,
  optionalText,
  requiredText,
  themeSlugs,
} from '../shared/validation';
import { canSeeContent } from '../shared/visibility';
import { ThemeService } from '../themes/theme.service';
import { EDITABLE_STATUSES, STATUS_LABELS } from '../workflow/content-state-machine';
import { ContentWorkflowService } from '../workflow/content-workflow.service';
import {
  ClauseTemplateEntity,
  ClauseTemplateRevisionEntity,
  type TemplateVariable,
} from './clause-template.entity';
import type { ClauseTemplateInput, VariableValueInput } from './dto/clause-template.input';
import { renderTemplate, validateVariables } from './template-variables';

export interface TemplateListArgs {
  themes?: string[] | null;
  kind?: ClauseKind | null;
  considerations?: Consideration[] | null;
}

interface ValidTemplate {
  title: string;
  summary: string;
  kind: ClauseKind;
  considerations: Consideration[];
  themes: string[];
  legalReferences: string[];
  body: string;
  variables: TemplateVariable[];
  visibility: ClauseTemplateEntity['visibility'];
  changeNote: string | null;
}

const INITIAL_NOTE = 'Version initiale';

/** Variables compared by value (jsonb does not keep key order). */
function canonical(variables: readonly TemplateVariable[]): string {
  return JSON.stringify(variables.map((v) => [v.name, v.label, v.type, v.required, v.options ?? null]));
}

/**
 * Whether the viewer reads the text of a template's earlier revisions: approved members of
 * its organisation and moderators. Everyone else who sees the template reads the current
 * revision's text, and of earlier ones only their number, change note, author and date.
 */
export function mayReadHistory(viewer: Viewer, template: { organisationId: string }): boolean {
  return (
    isModerator(viewer) || (hasRole(viewer, Role.MEMBER) && viewer.organisationId === template.organisationId)
  );
}

/** Columns costly to parse (arrays, dates) that lists read only when a client asks for them. */
const LIST_ON_DEMAND = ['considerations', 'legalReferences', 'updatedAt'];

/** Clause templates: writing with immutable revisions, the author's workflow, lists, rendering. */
@Injectable()
export class TemplateService {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly themes: ThemeService,
    private readonly workflow: ContentWorkflowService,
    private readonly members: MembersPresenter,
  ) {}

  private async validate(input: ClauseTemplateInput): Promise<ValidTemplate> {
    const errors = new FieldErrors();
    const p = 'input';
    const body = requiredText(input.body, `${p}.body`, LIMITS.body, errors, 'Le texte de la clause');
    const legalReferences = [...new Set(input.legalReferences.map(cleanLine).filter((r) => r !== ''))];
    errors.check(
      legalReferences.length <= LIMITS.legalReferences,
      `${p}.legalReferences`,
      `${LIMITS.legalReferences} références au maximum.`,
    );
    legalReferences.forEach((ref, i) =>
      errors.check(
        ref.length <= LIMITS.legalReference,
        `${p}.legalReferences.${i}`,
        `Référence trop longue (${LIMITS.legalReference} caractères au plus).`,
      ),
    );
    const valid: ValidTemplate = {
      title: cleanLine(requiredText(input.title, `${p}.title`, LIMITS.title, errors, 'Le titre')),
      summary: requiredText(input.summary, `${p}.summary`, LIMITS.summary, errors, 'Le résumé'),
      kind: input.kind,
      considerations: considerations(input.considerations, `${p}.considerations`, errors),
      themes: themeSlugs(input.themes, `${p}.themes`, await this.themes.knownSlugs(), errors),
      legalReferences,
      body,
      variables: validateVariables(body, input.variables, p, errors),
      visibility: input.visibility,
      changeNote: optionalText(
        input.changeNote,
        `${p}.changeNote`,
        LIMITS.changeNote,
        errors,
        'La note de version',
      ),
    };
    errors.throwIfAny();
    return valid;
  }

  async create(viewer: Viewer, input: ClauseTemplateInput): Promise<ClauseTemplateEntity> {
    const { changeNote, ...valid } = await this.validate(input);
    return this.tx.run(async (m) => {
      const template = await m.save(
        m.create(ClauseTemplateEntity, {
          ...valid,
          revision: 1,
          status: ContentStatus.DRAFT,
          authorId: viewer.userId as string,
          organisationId: viewer.organisationId as string,
        }),
      );
      await m.insert(ClauseTemplateRevisionEntity, {
        templateId: template.id,
        revision: 1,
        body: valid.body,
        variables: valid.variables,
        changeNote: changeNote ?? INITIAL_NOTE,
        authorId: viewer.userId as string,
      });
      return template;
    });
  }

  /** A change of body or variables adds an immutable revision; other fields change in place. */
  async update(
    viewer: Viewer,
    id: string,
    expectedVersion: number,
    input: ClauseTemplateInput,
  ): Promise<ClauseTemplateEntity> {
    const { changeNote, ...valid } = await this.validate(input);
    return this.tx.run(async (m) => {
      const template = assertMayChange(
        viewer,
        await m.findOne(ClauseTemplateEntity, { where: { id }, lock: { mode: 'pessimistic_write' } }),
      );
      if (template.version !== expectedVersion) {
        throw new ConflictError(
          `Ce modèle a été modifié entre-temps (version ${template.version}, vous aviez la version ${expectedVersion}) : rechargez-le avant de l'enregistrer.`,
        );
      }
      if (!EDITABLE_STATUSES.includes(template.status)) {
        throw BadUserInputError.field(
          'id',
          `Modification impossible : le contenu est au statut ${template.status} (${STATUS_LABELS[template.status]}).`,
        );
      }
      const textChanged =
        cleanMultiline(template.body) !== valid.body ||
        canonical(template.variables) !== canonical(valid.variables);
      Object.assign(template, valid, { version: template.version + 1 });
      if (textChanged) {
        template.revision += 1;
        await m.insert(ClauseTemplateRevisionEntity, {
          templateId: template.id,
          revision: template.revision,
          body: valid.body,
          variables: valid.variables,
          changeNote,
          authorId: viewer.userId as string,
        });
      }
      const saved = await m.save(template);
      return this.workflow.afterEdit(m, viewer, { type: 'ClauseTemplate', id }, saved);
    });
  }

  /** DRAFT or CHANGES_REQUESTED to IN_REVIEW, or straight to PUBLISHED for a trusted organisation. */
  async submit(viewer: Viewer, id: string): Promise<ClauseTemplateEntity> {
    return (await this.workflow.submitByAuthor(viewer, {
      type: 'ClauseTemplate',
      id,
    })) as ClauseTemplateEntity;
  }

  async archive(viewer: Viewer, id: string): Promise<ClauseTemplateEntity> {
    return (await this.workflow.archiveByAuthor(viewer, {
      type: 'ClauseTemplate',
      id,
    })) as ClauseTemplateEntity;
  }

  async render(viewer: Viewer, id: string, values: readonly VariableValueInput[]): Promise<string> {
    const template = assertVisible(
      viewer,
      await this.dataSource.getRepository(ClauseTemplateEntity).findOneBy({ id }),
    );
    return renderTemplate(template.body, template.variables, values);
  }

  async visibleByIds(viewer: Viewer, ids: readonly string[]): Promise<(ClauseTemplateEntity | null)[]> {
    const rows = await this.dataSource.getRepository(ClauseTemplateEntity).findBy({ id: In([...ids]) });
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => {
      const row = byId.get(id);
      return row && canSeeContent(viewer, row) ? row : null;
    });
  }

  list(
    viewer: Viewer,
    args: TemplateListArgs,
    page: PageRequest,
    read: ListRead = {},
    extra: SqlFilter[] = [],
  ) {
    const filters: SqlFilter[] = [...extra];
    if (args.themes && args.themes.length > 0)
      filters.push({ sql: 'c.themes && CAST(:themes AS varchar[])', params: { themes: args.themes } });
    if (args.kind) filters.push({ sql: 'c.kind = :kind', params: { kind: args.kind } });
    if (args.considerations && args.considerations.length > 0) {
      filters.push({
        sql: 'c.considerations @> CAST(:considerations AS consideration[])',
        params: { considerations: args.considerations },
      });
    }
    return listVisible(this.dataSource, ClauseTemplateEntity, 'clause_template', viewer, filters, page, {
      omit: notAsked(read, LIST_ON_DEMAND),
      members: read.withMembers ? this.members : undefined,
    });
  }

  /** An organisation's templates, as the viewer may see them. */
  byOrganisation(viewer: Viewer, organisationId: string, page: PageRequest, read: ListRead = {}) {
    return this.list(viewer, {}, page, read, [
      { sql: 'c.organisation_id = :ownerId', params: { ownerId: organisationId } },
    ]);
  }

  /** Every revision of each template, newest first: one statement for any number of templates. */
  async revisionsOf(templateIds: readonly string[]): Promise<ClauseTemplateRevisionEntity[][]> {
    const rows = await this.dataSource
      .getRepository(ClauseTemplateRevisionEntity)
      .find({ where: { templateId: In([...templateIds]) }, order: { revision: 'DESC' } });
    return templateIds.map((id) => rows.filter((r) => r.templateId === id));
  }
}
