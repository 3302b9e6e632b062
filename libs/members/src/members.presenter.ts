import { Injectable } from '@nestjs/common';
import { type GraphQLContext, type Viewer } from '@resocc/core';
import type DataLoader from 'dataloader';
import { OrganisationType } from './organisations/dto/organisation.type';
import { MembershipService } from './organisations/membership.service';
import type { OrganisationEntity } from './organisations/organisation.entity';
import { AccountService } from './users/account.service';
import { UserType } from './users/dto/user.type';
import type { UserEntity } from './users/user.entity';

/**
 * Maps member entities to GraphQL types for one viewer (what they may see of them), and
 * gives the per-request DataLoaders other modules use for authors and organisations.
 */
@Injectable()
export class MembersPresenter {
  constructor(
    private readonly membership: MembershipService,
    private readonly accounts: AccountService,
  ) {}

  organisationLoader(ctx: GraphQLContext): DataLoader<string, OrganisationEntity | null, string> {
    return ctx.loaders.get<string, OrganisationEntity | null>('members:organisation', async (ids) => {
      const rows = await this.membership.byIds(ids);
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    });
  }

  userLoader(ctx: GraphQLContext): DataLoader<string, UserEntity | null, string> {
    return ctx.loaders.get<string, UserEntity | null>('members:user', async (ids) => {
      const rows = await this.accounts.byIds(ids);
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    });
  }

  organisation(entity: OrganisationEntity, viewer: Viewer): OrganisationType {
    return OrganisationType.from(entity, { showReason: this.membership.canSeeStatusReason(viewer, entity) });
  }

  user(entity: UserEntity, viewer: Viewer, options: { showEmail?: boolean } = {}): UserType {
    return UserType.create({
      localId: entity.id,
      organisationId: entity.organisationId,
      grantedRoles: entity.grantedRoles,
      erased: entity.deletedAt !== null,
      displayName: entity.displayName,
      email: options.showEmail || this.accounts.canSeeEmail(viewer, entity) ? entity.email : null,
      createdAt: entity.createdAt,
    });
  }

  /** The author of a piece of content, as the viewer may see them. */
  async author(ctx: GraphQLContext, userId: string): Promise<UserType> {
    const user = await this.userLoader(ctx).load(userId);
    if (!user) throw new Error(`User ${userId} is missing`);
    return this.user(user, ctx.viewer);
  }

  /** The organisation of a piece of content or a user. */
  async organisationOf(ctx: GraphQLContext, organisationId: string): Promise<OrganisationType> {
    const organisation = await this.organisationLoader(ctx).load(organisationId);
    if (!organisation) throw new Error(`Organisation ${organisationId} is missing`);
    return this.organisation(organisation, ctx.viewer);
  }
}
