import { Injectable } from '@nestjs/common';
import { Args, Field, ID, InterfaceType, Query, Resolver } from '@nestjs/graphql';
import { Public } from '../auth/access';
import { Ctx } from '../auth/access';
import { BadUserInputError } from '../errors/domain-errors';
import type { GraphQLContext } from './context';
import { fromGlobalId } from './global-id';

/** Every GraphQL object that carries a `__typename` resolves through it in interfaces and unions. */
export interface Typed {
  readonly __typename: string;
}

export function resolveTypename(value: unknown): string | undefined {
  if (value && typeof value === 'object' && '__typename' in value) {
    const name = (value as Typed).__typename;
    return typeof name === 'string' ? name : undefined;
  }
  return undefined;
}

@InterfaceType('Node', { resolveType: resolveTypename })
export abstract class Node {
  @Field(() => ID, { description: 'opaque and globally unique; node(id) resolves it' })
  id!: string;
}

/** Loads nodes of one type by local id, for one viewer; null where absent or not visible. */
export type NodeLoader = (ids: readonly string[], context: GraphQLContext) => Promise<(Typed | null)[]>;

/** Modules register the node types they own; `node(id)` dispatches through it. */
@Injectable()
export class NodeRegistry {
  private readonly loaders = new Map<string, NodeLoader>();

  register(type: string, loader: NodeLoader): void {
    if (this.loaders.has(type)) throw new Error(`Node type ${type} is registered twice`);
    this.loaders.set(type, loader);
  }

  get types(): string[] {
    return [...this.loaders.keys()];
  }

  async resolve(globalId: string, context: GraphQLContext): Promise<Typed | null> {
    const decoded = fromGlobalId(globalId);
    if (!decoded) throw BadUserInputError.field('id', "Cet identifiant n'est pas valide.");
    const loader = this.loaders.get(decoded.type);
    if (!loader) return null;
    const dataLoader = context.loaders.get<string, Typed | null>(`node:${decoded.type}`, (ids) =>
      loader(ids, context),
    );
    return dataLoader.load(decoded.id);
  }
}

@Resolver()
export class NodeResolver {
  constructor(private readonly registry: NodeRegistry) {}

  @Public()
  @Query(() => Node, {
    nullable: true,
    description: 'Any object by its global id; null when absent or not visible.',
  })
  node(@Args('id', { type: () => ID }) id: string, @Ctx() context: GraphQLContext): Promise<Typed | null> {
    return this.registry.resolve(id, context);
  }
}
