// Test helpers of the moderation module (not part of its public face).
import { contentModuleEntities } from '@resocc/content';
import type { TestApp, TestAppOptions } from '@resocc/core/testing';
import { createMembersTestApp } from '@resocc/members/testing';
import { moderationEntityList } from './moderation.entities';
import { ModerationModule } from './moderation.module';

/** Members, content and moderation over HTTP, on a fresh database seeded with the demo members. */
export function createModerationTestApp(
  options: TestAppOptions = {},
  seeds: string[] = ['members-demo'],
): Promise<TestApp> {
  return createMembersTestApp(options, {
    imports: [ModerationModule],
    entities: [...contentModuleEntities, ...moderationEntityList],
    seeds,
  });
}
