import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Node, toGlobalId, type Typed } from '@resocc/core';
import type { ThemeEntity } from '../theme.entity';

@ObjectType('Theme', { implements: () => [Node] })
export class ThemeType implements Node, Typed {
  readonly __typename = 'Theme';

  @Field(() => ID)
  id!: string;

  @Field({ description: 'stable identifier used in filters, e.g. "numerique-responsable"' })
  slug!: string;

  @Field({ description: 'French label shown to users' })
  label!: string;

  static from(entity: ThemeEntity): ThemeType {
    return Object.assign(new ThemeType(), {
      id: toGlobalId('Theme', entity.id),
      slug: entity.slug,
      label: entity.label,
    });
  }
}
