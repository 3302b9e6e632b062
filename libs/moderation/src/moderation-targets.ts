import { Injectable } from '@nestjs/common';
import { ClauseTemplateType, ExperiencePostType, PostService, TemplateService } from '@resocc/content';
import type { GraphQLContext } from '@resocc/core';
import type { TargetType } from './moderation.entities';
import type { ModeratedContentValue } from './moderation.types';

/** Resolves moderated items for a viewer through the content visibility rule, batched per request. */
@Injectable()
export class ModerationTargets {
  constructor(
    private readonly posts: PostService,
    private readonly templates: TemplateService,
  ) {}

  load(ctx: GraphQLContext, type: TargetType, id: string): Promise<ModeratedContentValue | null> {
    if (type === 'ExperiencePost') {
      return ctx.loaders
        .get<string, ExperiencePostType | null>('moderation:post', async (ids) =>
          (await this.posts.visibleByIds(ctx.viewer, ids)).map((p) =>
            p ? ExperiencePostType.from(p) : null,
          ),
        )
        .load(id);
    }
    return ctx.loaders
      .get<string, ClauseTemplateType | null>('moderation:template', async (ids) =>
        (await this.templates.visibleByIds(ctx.viewer, ids)).map((t) =>
          t ? ClauseTemplateType.from(t) : null,
        ),
      )
      .load(id);
  }

  /** A non-null target: a moderation record is only ever listed when its item is visible. */
  async require(ctx: GraphQLContext, type: TargetType, id: string): Promise<ModeratedContentValue> {
    const target = await this.load(ctx, type, id);
    if (!target) throw new Error(`moderation target ${type}:${id} is not visible here`);
    return target;
  }
}
