import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { DATA_SOURCE, markdownToText } from '@resocc/core';
import { cpvLabels, departmentName } from '@resocc/shared';
import { OrganisationEntity } from '@resocc/members';
import {
  type DocumentVisibility,
  type SearchDocument,
  SearchDocumentSources,
  documentKey,
} from '@resocc/search';
import { DataSource, In } from 'typeorm';
import { ExperiencePostEntity } from '../posts/experience-post.entity';
import { ClauseKind, ContentStatus } from '../shared/enums';
import { ClauseTemplateEntity } from '../templates/clause-template.entity';
import { ThemeEntity } from '../themes/theme.entity';

/** The kinds of clause as people name them (searched with the body's weight). */
export const CLAUSE_KIND_LABELS: Readonly<Record<ClauseKind, string>> = {
  [ClauseKind.TECHNICAL_SPECIFICATION]: 'Spécification technique',
  [ClauseKind.SELECTION_CRITERION]: 'Critère de sélection des candidatures',
  [ClauseKind.AWARD_CRITERION]: "Critère d'attribution",
  [ClauseKind.PERFORMANCE_CONDITION]: "Condition d'exécution",
  [ClauseKind.RESERVED_CONTRACT]: 'Marché réservé',
};

/**
 * What documents say beyond their own row: theme labels (table `theme`) and the
 * organisation's name and SIRET (table `organisation`), read for each batch.
 */
export interface DocumentContext {
  themeLabels: ReadonlyMap<string, string>;
  organisations: ReadonlyMap<string, { name: string; siret: string }>;
}

const NO_CONTEXT: DocumentContext = { themeLabels: new Map(), organisations: new Map() };

function labelsOf(
  themes: readonly string[],
  organisationId: string | null,
  context: DocumentContext,
): string[] {
  const organisation = organisationId === null ? undefined : context.organisations.get(organisationId);
  return [
    ...themes.flatMap((slug) => {
      const label = context.themeLabels.get(slug);
      return label === undefined ? [] : [label];
    }),
    ...(organisation ? [organisation.name] : []),
  ];
}

function siretOf(organisationId: string | null, context: DocumentContext): string[] {
  const organisation = organisationId === null ? undefined : context.organisations.get(organisationId);
  return organisation ? [organisation.siret, organisation.siret.slice(0, 9)] : [];
}

export function postDocument(
  post: ExperiencePostEntity,
  context: DocumentContext = NO_CONTEXT,
): SearchDocument {
  const department = departmentName(post.departmentCode);
  return {
    key: documentKey('EXPERIENCE_POST', post.id),
    type: 'EXPERIENCE_POST',
    entityId: post.id,
    title: post.title,
    summary: post.summary,
    body: [markdownToText(post.body), post.outcomes ?? ''].join(' ').trim(),
    themes: post.themes,
    considerations: post.considerations,
    kind: null,
    departmentCode: post.departmentCode,
    procedureType: post.procedureType,
    visibility: post.visibility as DocumentVisibility,
    labels: labelsOf(post.themes, post.organisationId, context),
    context: [...(department ? [department] : []), ...post.cpvCodes.flatMap(cpvLabels)],
    codes: [
      ...post.cpvCodes,
      ...(post.departmentCode ? [post.departmentCode] : []),
      ...(post.contractYear !== null ? [String(post.contractYear)] : []),
      ...siretOf(post.organisationId, context),
    ],
    updatedAt: post.updatedAt.toISOString(),
  };
}

export function templateDocument(
  template: ClauseTemplateEntity,
  context: DocumentContext = NO_CONTEXT,
): SearchDocument {
  const labels = new Map(template.variables.map((v) => [v.name, v.label]));
  const body = template.body.replace(
    /\{\{\s*([a-z][a-z0-9_]*)\s*\}\}/g,
    (_m, name: string) => `[${labels.get(name) ?? name}]`,
  );
  return {
    key: documentKey('CLAUSE_TEMPLATE', template.id),
    type: 'CLAUSE_TEMPLATE',
    entityId: template.id,
    title: template.title,
    summary: template.summary,
    body,
    themes: template.themes,
    considerations: template.considerations,
    kind: template.kind,
    departmentCode: null,
    procedureType: null,
    visibility: template.visibility as DocumentVisibility,
    labels: labelsOf(template.themes, template.organisationId, context),
    context: [CLAUSE_KIND_LABELS[template.kind]],
    codes: [...template.legalReferences, ...siretOf(template.organisationId, context)],
    updatedAt: template.updatedAt.toISOString(),
  };
}

/** Tells the search indexer how to rebuild documents: only PUBLISHED content is indexed. */
@Injectable()
export class ContentDocuments implements OnModuleInit {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly sources: SearchDocumentSources,
  ) {}

  onModuleInit(): void {
    const register = <E extends { id: string; organisationId: string | null }>(
      type: SearchDocument['type'],
      entity: typeof ExperiencePostEntity | typeof ClauseTemplateEntity,
      toDocument: (row: E, context: DocumentContext) => SearchDocument,
    ): void => {
      const repository = (): ReturnType<DataSource['getRepository']> => this.dataSource.getRepository(entity);
      const table = this.dataSource.getMetadata(entity).tableName;
      const dataSource = this.dataSource;
      const contextOf = (found: readonly E[]): Promise<DocumentContext> => this.contextOf(found);
      this.sources.register({
        type,
        load: async (ids) => {
          const rows = (await repository().findBy({
            id: In([...ids]),
            status: ContentStatus.PUBLISHED,
          })) as E[];
          const context = await this.contextOf(rows);
          return new Map(rows.map((row) => [row.id, toDocument(row, context)]));
        },
        // Keyset pages on (updated_at, id), the order of the (status, updated_at, id) index;
        // the cursor stays text because updated_at has microseconds and Date keeps milliseconds.
        published: async function* (this: void, batchSize) {
          let after: [string, string] = ['-infinity', '00000000-0000-0000-0000-000000000000'];
          for (;;) {
            const page: { id: string; cursor: string }[] = await dataSource.query(
              `SELECT id, updated_at::text AS cursor FROM ${table}
               WHERE status = $1 AND (updated_at, id) > ($2::timestamptz, $3::uuid)
               ORDER BY updated_at, id LIMIT $4`,
              [ContentStatus.PUBLISHED, ...after, batchSize],
            );
            if (page.length === 0) return;
            const rows = new Map(
              ((await repository().findBy({ id: In(page.map((p) => p.id)) })) as E[]).map((row) => [
                row.id,
                row,
              ]),
            );
            const context = await contextOf([...rows.values()]);
            // A row that changed since the page was read is left to the repair that follows.
            yield page.flatMap((p) => {
              const row = rows.get(p.id);
              return row ? [toDocument(row, context)] : [];
            });
            const last = page[page.length - 1];
            after = [last.cursor, last.id];
          }
        },
        versions: async () => {
          const rows: { id: string; updated_at: Date }[] = await this.dataSource.query(
            `SELECT id, updated_at FROM ${table} WHERE status = $1`,
            [ContentStatus.PUBLISHED],
          );
          return rows.map((r) => ({ key: documentKey(type, r.id), updatedAt: r.updated_at.toISOString() }));
        },
      });
    };
    register<ExperiencePostEntity>('EXPERIENCE_POST', ExperiencePostEntity, postDocument);
    register<ClauseTemplateEntity>('CLAUSE_TEMPLATE', ClauseTemplateEntity, templateDocument);
  }

  /** Theme labels and the organisations of a batch of posts or templates. */
  private async contextOf(found: readonly { organisationId: string | null }[]): Promise<DocumentContext> {
    const ids = [...new Set(found.flatMap((row) => (row.organisationId ? [row.organisationId] : [])))];
    const [themes, organisations] = await Promise.all([
      this.dataSource.getRepository(ThemeEntity).find({ select: { slug: true, label: true } }),
      ids.length === 0
        ? Promise.resolve([])
        : this.dataSource
            .getRepository(OrganisationEntity)
            .find({ select: { id: true, name: true, siret: true }, where: { id: In(ids) } }),
    ]);
    return {
      themeLabels: new Map(themes.map((t) => [t.slug, t.label])),
      organisations: new Map(organisations.map((o) => [o.id, { name: o.name, siret: o.siret }])),
    };
  }
}
