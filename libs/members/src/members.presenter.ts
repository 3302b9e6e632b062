import { Injectable } from '@nestjs/common';
import { type GraphQLContext, type Viewer } from '@resocc/core';
import type DataLoader from 'dataloader';
import { MemberRefsRepository, type MemberRefsRow } from './member-refs.repository';
import { OrganisationType } from './organisations/dto/organisation.type';
import { MembershipService } from './organisations/membership.service';
import type { OrganisationEntity } from './organisations/organisation.entity';
import { AccountService } from './users/account.service';
import { UserType } from './users/dto/user.type';
import type { UserEntity } from './users/user.entity';

/** Per-request, batched and cached reads of one kind of member entity by id. */
export interface MemberLoader<V> {
  load(id: string): Promise<V | null>;
}

/**
 * Maps member entities to GraphQL types for one viewer (what they may see of them), and
 * gives the per-request DataLoaders other modules use for authors and organisations.
 */
@Injectable()
export class MembersPresenter {
  constructor(
    private readonly membership: MembershipService,
    private readonly accounts: AccountService,
    private readonly refsRepository: MemberRefsRepository,
  ) {}

  /**
   * Accounts and organisations by key (`U<id>`, `O<id>`): what a request asks of both in the
   * same tick (the authors and organisations of a page of content) is read in ONE statement.
   */
  private refs(ctx: GraphQLContext): DataLoader<string, UserEntity | OrganisationEntity | null, string> {
    return ctx.loaders.get<string, UserEntity | OrganisationEntity | null>('members:refs', async (keys) => {
      const userIds: string[] = [];
      const organisationIds: string[] = [];
      for (const key of keys) (key[0] === 'U' ? userIds : organisationIds).push(key.slice(1));
      const { users, organisations } = await this.refsRepository.byIds(userIds, organisationIds);
      const byKey = new Map<string, UserEntity | OrganisationEntity>();
      for (const user of users) byKey.set(`U${user.id}`, user);
      for (const organisation of organisations) byKey.set(`O${organisation.id}`, organisation);
      return keys.map((key) => byKey.get(key) ?? null);
    });
  }

  /**
   * SELECT items for another module's statement that read ahead each row's account and
   * organisation (ids given as SQL expressions), for `prime`: one statement instead of two.
   */
  refsColumns(userIdSql: string, organisationIdSql: string): string {
    return this.refsRepository.columns(userIdSql, organisationIdSql);
  }

  /** Gives this request's loaders the accounts and organisations read by `refsColumns`. */
  prime(ctx: GraphQLContext, rows: readonly MemberRefsRow[]): void {
    const refs = this.refs(ctx);
    const primed = new Set<string>();
    const once = (key: string, entity: () => UserEntity | OrganisationEntity): void => {
      if (primed.has(key)) return;
      primed.add(key);
      refs.prime(key, entity());
    };
    for (const { memberUser: user, memberOrganisation: organisation } of rows) {
      if (user) once(`U${String(user['id'])}`, () => this.refsRepository.user(user));
      if (organisation)
        once(`O${String(organisation['id'])}`, () => this.refsRepository.organisation(organisation));
    }
  }

  organisationLoader(ctx: GraphQLContext): MemberLoader<OrganisationEntity> {
    const refs = this.refs(ctx);
    return { load: async (id) => (await refs.load(`O${id}`)) as OrganisationEntity | null };
  }

  userLoader(ctx: GraphQLContext): MemberLoader<UserEntity> {
    const refs = this.refs(ctx);
    return { load: async (id) => (await refs.load(`U${id}`)) as UserEntity | null };
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
