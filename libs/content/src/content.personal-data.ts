import { Injectable, type OnModuleInit } from '@nestjs/common';
import { PersonalDataRegistry } from '@resocc/core';
import { ExperiencePostEntity } from './posts/experience-post.entity';
import { ClauseTemplateEntity } from './templates/clause-template.entity';

/**
 * The content section of exportMyData. Erasure keeps authored content: it stays in
 * place, attributed to "ancien membre" through the erased account.
 */
@Injectable()
export class ContentPersonalData implements OnModuleInit {
  constructor(private readonly registry: PersonalDataRegistry) {}

  onModuleInit(): void {
    this.registry.register({
      name: 'content',
      order: 100,
      export: async (userId, m) => {
        const posts = await m.find(ExperiencePostEntity, {
          where: { authorId: userId },
          order: { createdAt: 'ASC' },
        });
        const templates = await m.find(ClauseTemplateEntity, {
          where: { authorId: userId },
          order: { createdAt: 'ASC' },
        });
        return {
          experiencePosts: posts.map((p) => ({
            id: p.id,
            title: p.title,
            summary: p.summary,
            body: p.body,
            status: p.status,
            visibility: p.visibility,
            createdAt: p.createdAt.toISOString(),
            updatedAt: p.updatedAt.toISOString(),
          })),
          clauseTemplates: templates.map((t) => ({
            id: t.id,
            title: t.title,
            summary: t.summary,
            body: t.body,
            revision: t.revision,
            status: t.status,
            visibility: t.visibility,
            createdAt: t.createdAt.toISOString(),
            updatedAt: t.updatedAt.toISOString(),
          })),
        };
      },
      erase: async () => undefined,
    });
  }
}
