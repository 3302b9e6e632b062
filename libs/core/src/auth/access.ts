import {
  type CanActivate,
  type ExecutionContext,
  Injectable,
  SetMetadata,
  createParamDecorator,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { ForbiddenError, UnauthenticatedError } from '../errors/domain-errors';
import type { GraphQLContext } from '../graphql/context';
import { type Role, type Viewer, hasRole } from './viewer';

/** Who may call an operation. Every Query and Mutation field carries exactly one rule. */
export type AccessRule =
  | { readonly kind: 'public' }
  | { readonly kind: 'authenticated' }
  | { readonly kind: 'roles'; readonly roles: readonly Role[] };

export const ACCESS_RULE = 'resocc:access-rule';

/** Anyone, signed in or not. */
export const Public = (): MethodDecorator & ClassDecorator =>
  SetMetadata(ACCESS_RULE, { kind: 'public' } satisfies AccessRule);

/** Any signed-in user, whatever the status of their organisation. */
export const Authenticated = (): MethodDecorator & ClassDecorator =>
  SetMetadata(ACCESS_RULE, { kind: 'authenticated' } satisfies AccessRule);

/** A signed-in user holding at least one of the roles. */
export const RequireRoles = (...roles: Role[]): MethodDecorator & ClassDecorator =>
  SetMetadata(ACCESS_RULE, { kind: 'roles', roles } satisfies AccessRule);

export function checkAccess(rule: AccessRule, viewer: Viewer): void {
  if (rule.kind === 'public') return;
  if (viewer.userId === null) throw new UnauthenticatedError();
  if (rule.kind === 'roles' && !rule.roles.some((role) => hasRole(viewer, role))) throw new ForbiddenError();
}

/** Global guard: denies any GraphQL operation or route that states no rule. */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!rule)
      throw new ForbiddenError('Cette opération ne déclare aucune règle d’accès : refusée par défaut.');
    if (context.getType<string>() === 'graphql') {
      const { viewer } = GqlExecutionContext.create(context).getContext<GraphQLContext>();
      checkAccess(rule, viewer);
    } else if (rule.kind !== 'public') {
      throw new UnauthenticatedError();
    }
    return true;
  }
}

/** The viewer of the current GraphQL request. */
export const CurrentViewer = createParamDecorator((_data: unknown, context: ExecutionContext): Viewer => {
  return GqlExecutionContext.create(context).getContext<GraphQLContext>().viewer;
});

/** The whole GraphQL context of the current request (viewer, loaders, request id). */
export const Ctx = createParamDecorator((_data: unknown, context: ExecutionContext): GraphQLContext => {
  return GqlExecutionContext.create(context).getContext<GraphQLContext>();
});
