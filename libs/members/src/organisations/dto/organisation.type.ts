import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Node, type Typed, connectionTypes, toGlobalId } from '@resocc/core';
import type { OrganisationRef } from '../../member-refs.repository';
import { MembershipStatus, OrganisationKind } from '../organisation.entity';

registerEnumType(OrganisationKind, {
  name: 'OrganisationKind',
  valuesMap: {
    COLLECTIVITE_TERRITORIALE: { description: 'commune, département, région, EPCI, métropole' },
    ETABLISSEMENT_PUBLIC: { description: 'université, chambre consulaire, office public...' },
    ENTREPRISE_ESS: { description: 'économie sociale et solidaire' },
    STRUCTURE_INSERTION: { description: 'SIAE: EI, ETTI, AI, ACI' },
    STRUCTURE_HANDICAP: { description: 'EA, ESAT' },
    ASSOCIATION_RESEAU: { description: 'networks, federations, consular or support bodies' },
  },
});
registerEnumType(MembershipStatus, { name: 'MembershipStatus' });

@ObjectType('Organisation', { implements: () => [Node] })
export class OrganisationType implements Node, Typed {
  readonly __typename = 'Organisation';

  /** Database id, for field resolvers; not exposed. */
  localId!: string;

  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field({ description: '14 digits, Luhn-checked (La Poste exception)' })
  siret!: string;

  @Field(() => OrganisationKind)
  kind!: OrganisationKind;

  @Field({ description: 'INSEE code, e.g. "34"' })
  departmentCode!: string;

  @Field(() => MembershipStatus)
  membershipStatus!: MembershipStatus;

  @Field({ description: 'When the membership status last changed' })
  membershipStatusChangedAt!: Date;

  @Field(() => String, {
    nullable: true,
    description: "Reason of the last status change; for the organisation's own users and moderators only",
  })
  membershipStatusReason!: string | null;

  @Field({ description: 'content of a trusted organisation is published without review' })
  trusted!: boolean;

  @Field(() => String, { nullable: true })
  website!: string | null;

  @Field(() => [String], {
    description:
      "E-mail domains an ADMIN verified as the organisation's: a verified address on one of them joins without waiting. Shown to ADMINs and the organisation's référents, empty for others",
  })
  verifiedEmailDomains!: string[];

  @Field()
  createdAt!: Date;

  static from(
    entity: OrganisationRef,
    options: { showReason: boolean; showDomains: boolean },
  ): OrganisationType {
    return Object.assign(new OrganisationType(), {
      localId: entity.id,
      id: toGlobalId('Organisation', entity.id),
      name: entity.name,
      siret: entity.siret,
      kind: entity.kind,
      departmentCode: entity.departmentCode,
      membershipStatus: entity.membershipStatus,
      membershipStatusChangedAt: entity.membershipStatusChangedAt,
      membershipStatusReason: options.showReason ? entity.membershipStatusReason : null,
      trusted: entity.trusted,
      website: entity.website,
      verifiedEmailDomains: options.showDomains ? entity.verifiedEmailDomains : [],
      createdAt: entity.createdAt,
    });
  }
}

export const { Connection: OrganisationConnection } = connectionTypes(() => OrganisationType, 'Organisation');
