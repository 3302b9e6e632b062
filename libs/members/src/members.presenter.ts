import { Injectable } from '@nestjs/common';
import { type GraphQLContext, type Viewer } from '@resocc/core';
import type DataLoader from 'dataloader';
import {
  MemberRefsRepository,
  type MemberRefsRow,
  type OrganisationRef,
  type UserRef,
} from './member-refs.repository';
import { OrganisationType } from './organisations/dto/organisation.type';
import { MembershipService } from './organisations/membership.service';
import { AccountService } from './users/account.service';
import { UserType } from './users/dto/user.type';

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
  private refs(ctx: GraphQLContext): DataLoader<string, UserRef | OrganisationRef | null, string> {
    return ctx.loaders.get<string, UserRef | OrganisationRef | null>('members:refs', async (keys) => {
      const userIds: string[] = [];
      const organisationIds: string[] = [];
      for (const key of keys) (key[0] === 'U' ? userIds : organisationIds).push(key.slice(1));
      const { users, organisations } = await this.refsRepository.byIds(userIds, organisationIds);
      const byKey = new Map<string, UserRef | OrganisationRef>();
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

  /** The accounts and organisations this request read ahead (`prime`), by key. */
  private known(ctx: GraphQLContext): Map<string, UserRef | OrganisationRef> {
    return ctx.loaders.memo<string, UserRef | OrganisationRef>('members:known');
  }

  /** The same, as the viewer sees them (made on first use). */
  private shown(ctx: GraphQLContext): Map<string, UserType | OrganisationType> {
    return ctx.loaders.memo<string, UserType | OrganisationType>('members:shown');
  }

  /**
   * Gives this request the accounts and organisations read by `refsColumns`: `author`,
   * `organisationOf` and the loaders then answer without a statement.
   */
  prime(ctx: GraphQLContext, rows: readonly MemberRefsRow[]): void {
    const known = this.known(ctx);
    for (const { memberUser: user, memberOrganisation: organisation } of rows) {
      if (user) {
        const key = `U${this.refsRepository.idOf(user)}`;
        if (!known.has(key)) known.set(key, this.refsRepository.user(user));
      }
      if (organisation) {
        const key = `O${this.refsRepository.idOf(organisation)}`;
        if (!known.has(key)) known.set(key, this.refsRepository.organisation(organisation));
      }
    }
  }

  /**
   * Makes this request show an organisation the database does not hold (the fabricated
   * answer of a sign-up with a taken address), as if it had been read.
   */
  remember(ctx: GraphQLContext, organisation: OrganisationRef): void {
    this.known(ctx).set(`O${organisation.id}`, organisation);
  }

  organisationLoader(ctx: GraphQLContext): MemberLoader<OrganisationRef> {
    return {
      load: async (id) =>
        (this.known(ctx).get(`O${id}`) ?? (await this.refs(ctx).load(`O${id}`))) as OrganisationRef | null,
    };
  }

  userLoader(ctx: GraphQLContext): MemberLoader<UserRef> {
    return {
      load: async (id) =>
        (this.known(ctx).get(`U${id}`) ?? (await this.refs(ctx).load(`U${id}`))) as UserRef | null,
    };
  }

  organisation(entity: OrganisationRef, viewer: Viewer): OrganisationType {
    return OrganisationType.from(entity, {
      showReason: this.membership.canSeeStatusReason(viewer, entity),
      showDomains: this.membership.canSeeEmailDomains(viewer, entity),
    });
  }

  user(entity: UserRef, viewer: Viewer, options: { showEmail?: boolean } = {}): UserType {
    return UserType.create({
      localId: entity.id,
      organisationId: entity.organisationId,
      grantedRoles: entity.grantedRoles,
      erased: entity.deletedAt !== null,
      membershipApproved: entity.membershipApprovedAt !== null && entity.deletedAt === null,
      emailVerified: entity.emailVerifiedAt !== null && entity.deletedAt === null,
      referent: entity.referent && entity.deletedAt === null,
      displayName: entity.displayName,
      email: options.showEmail || this.accounts.canSeeEmail(viewer, entity) ? entity.email : null,
      createdAt: entity.createdAt,
    });
  }

  /** A read-ahead account or organisation as the viewer sees it (presented once per request). */
  private shownNow<R extends UserRef | OrganisationRef, T extends UserType | OrganisationType>(
    ctx: GraphQLContext,
    key: string,
    show: (ref: R, viewer: Viewer) => T,
  ): T | undefined {
    const shown = this.shown(ctx);
    let value = shown.get(key) as T | undefined;
    if (!value) {
      const ref = this.known(ctx).get(key) as R | undefined;
      if (ref) shown.set(key, (value = show(ref, ctx.viewer)));
    }
    return value;
  }

  private readonly showUser = (ref: UserRef, viewer: Viewer): UserType => this.user(ref, viewer);
  private readonly showOrganisation = (ref: OrganisationRef, viewer: Viewer): OrganisationType =>
    this.organisation(ref, viewer);

  /** The author of a piece of content, as the viewer may see them (at once when read ahead). */
  author(ctx: GraphQLContext, userId: string): UserType | Promise<UserType> {
    return this.shownNow(ctx, `U${userId}`, this.showUser) ?? this.loadAuthor(ctx, userId);
  }

  private async loadAuthor(ctx: GraphQLContext, userId: string): Promise<UserType> {
    const user = await this.userLoader(ctx).load(userId);
    if (!user) throw new Error(`User ${userId} is missing`);
    return this.user(user, ctx.viewer);
  }

  /** The organisation of a piece of content or a user (at once when read ahead). */
  organisationOf(ctx: GraphQLContext, organisationId: string): OrganisationType | Promise<OrganisationType> {
    return (
      this.shownNow(ctx, `O${organisationId}`, this.showOrganisation) ??
      this.loadOrganisation(ctx, organisationId)
    );
  }

  private async loadOrganisation(ctx: GraphQLContext, organisationId: string): Promise<OrganisationType> {
    const organisation = await this.organisationLoader(ctx).load(organisationId);
    if (!organisation) throw new Error(`Organisation ${organisationId} is missing`);
    return this.organisation(organisation, ctx.viewer);
  }
}
