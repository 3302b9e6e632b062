import { Injectable, type OnModuleInit } from '@nestjs/common';
import { SeedRegistry, renderMarkdown } from '@resocc/core';
import { UserEntity } from '@resocc/members';
import { type EntityManager, In } from 'typeorm';
import { ExperiencePostEntity, ExperiencePostTemplateEntity } from '../posts/experience-post.entity';
import {
  type ClauseKind,
  type Consideration,
  ContentStatus,
  type ProcedureType,
  type VariableType,
  type Visibility,
} from '../shared/enums';
import { ClauseTemplateEntity, ClauseTemplateRevisionEntity } from '../templates/clause-template.entity';
import { DEMO_POSTS, DEMO_TEMPLATES } from './demo-content';

const DAY = 24 * 3600 * 1000;

/** Demo posts and templates (after the members seed, which creates their authors). */
@Injectable()
export class ContentSeed implements OnModuleInit {
  constructor(
    private readonly seeds: SeedRegistry,
  ) {}

  onModuleInit(): void {
    this.seeds.register({ name: 'content-demo', order: 20, run: (manager) => this.run(manager) });
  }

  private async run(manager: EntityManager): Promise<void> {
    const emails = [...new Set([...DEMO_TEMPLATES, ...DEMO_POSTS].map((item) => item.author))];
    const users = await manager.findBy(UserEntity, { email: In(emails) });
    const byEmail = new Map(users.map((u) => [u.email, u]));
    const authorOf = (email: string): UserEntity => {
      const user = byEmail.get(email);
      if (!user) throw new Error(`Demo author ${email} is missing: the members seed must run first`);
      return user;
    };
    const now = Date.now();
    // Spread publication dates over the past months, newest first in the lists.
    const dateOf = (index: number): Date => new Date(now - (index + 1) * 3 * DAY - index * 3_600_000);

    const templateIds = new Map<string, string>();
    for (const [index, demo] of DEMO_TEMPLATES.entries()) {
      const author = authorOf(demo.author);
      const variables = demo.variables.map((v) => ({
        name: v.name,
        label: v.label,
        type: v.type as VariableType,
        required: v.required,
        options: v.options ?? null,
      }));
      const status = demo.status as ContentStatus;
      const date = dateOf(index);
      const template = await manager.save(
        manager.create(ClauseTemplateEntity, {
          title: demo.title,
          summary: demo.summary,
          kind: demo.kind as ClauseKind,
          considerations: demo.considerations as Consideration[],
          themes: demo.themes,
          legalReferences: demo.legalReferences,
          body: demo.body,
          variables,
          revision: 1,
          visibility: demo.visibility as Visibility,
          status,
          authorId: author.id,
          organisationId: author.organisationId,
          publishedAt: status === ContentStatus.PUBLISHED ? date : null,
          createdAt: new Date(date.getTime() - 2 * DAY),
        }),
      );
      await manager.insert(ClauseTemplateRevisionEntity, {
        templateId: template.id,
        revision: 1,
        body: demo.body,
        variables,
        changeNote: 'Version initiale',
        authorId: author.id,
        createdAt: template.createdAt,
      });
      templateIds.set(demo.key, template.id);
    }

    for (const [index, demo] of DEMO_POSTS.entries()) {
      const author = authorOf(demo.author);
      const status = demo.status as ContentStatus;
      const date = dateOf(index);
      const post = await manager.save(
        manager.create(ExperiencePostEntity, {
          title: demo.title,
          summary: demo.summary,
          body: demo.body,
          bodyHtml: renderMarkdown(demo.body),
          themes: demo.themes,
          considerations: demo.considerations as Consideration[],
          procedureType: demo.procedureType as ProcedureType | null,
          cpvCodes: demo.cpvCodes.map((code) => code.slice(0, 8)),
          contractYear: demo.contractYear,
          departmentCode: demo.departmentCode,
          outcomes: demo.outcomes,
          visibility: demo.visibility as Visibility,
          status,
          authorId: author.id,
          organisationId: author.organisationId,
          publishedAt: status === ContentStatus.PUBLISHED ? date : null,
          createdAt: new Date(date.getTime() - DAY),
        }),
      );
      const cited = demo.templates.map((key) => {
        const id = templateIds.get(key);
        if (!id) throw new Error(`Demo post ${demo.key} cites unknown template ${key}`);
        return id;
      });
      if (cited.length > 0) {
        await manager.insert(
          ExperiencePostTemplateEntity,
          cited.map((templateId, position) => ({ postId: post.id, templateId, position })),
        );
      }
    }
  }
}
