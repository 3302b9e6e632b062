import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { DATA_SOURCE, markdownToText } from '@resocc/core';
import {
  type DocumentVisibility,
  type SearchDocument,
  SearchDocumentSources,
  documentKey,
} from '@resocc/search';
import { DataSource, In } from 'typeorm';
import { ExperiencePostEntity } from '../posts/experience-post.entity';
import { ContentStatus } from '../shared/enums';
import { ClauseTemplateEntity } from '../templates/clause-template.entity';

export function postDocument(post: ExperiencePostEntity): SearchDocument {
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
    updatedAt: post.updatedAt.toISOString(),
  };
}

export function templateDocument(template: ClauseTemplateEntity): SearchDocument {
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
    body: [body, template.legalReferences.join(' ; ')].join(' ').trim(),
    themes: template.themes,
    considerations: template.considerations,
    kind: template.kind,
    departmentCode: null,
    procedureType: null,
    visibility: template.visibility as DocumentVisibility,
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
    const register = <E extends { id: string }>(
      type: SearchDocument['type'],
      entity: typeof ExperiencePostEntity | typeof ClauseTemplateEntity,
      toDocument: (row: E) => SearchDocument,
    ): void => {
      const repository = (): ReturnType<DataSource['getRepository']> => this.dataSource.getRepository(entity);
      const table = this.dataSource.getMetadata(entity).tableName;
      const dataSource = this.dataSource;
      this.sources.register({
        type,
        load: async (ids) => {
          const rows = (await repository().findBy({
            id: In([...ids]),
            status: ContentStatus.PUBLISHED,
          })) as E[];
          return new Map(rows.map((row) => [row.id, toDocument(row)]));
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
            // A row that changed since the page was read is left to the repair that follows.
            yield page.flatMap((p) => {
              const row = rows.get(p.id);
              return row ? [toDocument(row)] : [];
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
}
