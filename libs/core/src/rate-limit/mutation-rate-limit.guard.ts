import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { GraphQLContext } from '../graphql/context';
import { RateLimiter, type RateLimitRule } from './rate-limiter';

/** Every mutation, per signed-in user and per client address (sign-in and sign-up have stricter rules of their own). */
export const MUTATIONS_PER_USER: RateLimitRule = { name: 'mutation-user', limit: 120, windowSeconds: 60 };
export const MUTATIONS_PER_IP: RateLimitRule = { name: 'mutation-ip', limit: 300, windowSeconds: 60 };

/** Counts mutations in PostgreSQL, so several API processes enforce one limit. */
@Injectable()
export class MutationRateLimitGuard implements CanActivate {
  constructor(private readonly limiter: RateLimiter) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType<string>() !== 'graphql') return true;
    const gql = GqlExecutionContext.create(context);
    if (gql.getInfo<GraphQLResolveInfo>().parentType.name !== 'Mutation') return true;
    const { viewer, ip } = gql.getContext<GraphQLContext>();
    await this.limiter.consume(MUTATIONS_PER_IP, ip);
    if (viewer.userId) await this.limiter.consume(MUTATIONS_PER_USER, viewer.userId);
    return true;
  }
}
