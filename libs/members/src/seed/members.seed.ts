import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Role, SeedRegistry } from '@resocc/core';
import type { EntityManager } from 'typeorm';
import { hashPassword } from '../auth/passwords';
import { MembershipStatus, OrganisationEntity, OrganisationKind } from '../organisations/organisation.entity';
import { type GrantedRole, UserEntity } from '../users/user.entity';

/** Every demo account signs in with this password (README, start-up banner). */
export const DEMO_PASSWORD = 'demo-password-2026';

interface DemoOrganisation {
  key: string;
  name: string;
  siret: string;
  kind: OrganisationKind;
  departmentCode: string;
  website?: string;
  status?: MembershipStatus;
  trusted?: boolean;
}

/** Fictitious organisations of Occitanie; the SIRETs pass the Luhn check but belong to no one. */
export const DEMO_ORGANISATIONS: readonly DemoOrganisation[] = [
  {
    key: 'reseau',
    name: "Réseau RES'OCC (démonstration)",
    siret: '78348190900019',
    kind: OrganisationKind.ASSOCIATION_RESEAU,
    departmentCode: '34',
    website: 'https://reseau.example',
    trusted: true,
  },
  {
    key: 'montpellier',
    name: 'Montpellier Méditerranée Métropole',
    siret: '24345260100012',
    kind: OrganisationKind.COLLECTIVITE_TERRITORIALE,
    departmentCode: '34',
    website: 'https://montpellier.example',
  },
  {
    key: 'toulouse',
    name: 'Toulouse Métropole',
    siret: '24318159000015',
    kind: OrganisationKind.COLLECTIVITE_TERRITORIALE,
    departmentCode: '31',
    website: 'https://toulouse.example',
  },
  {
    key: 'region',
    name: 'Région Occitanie',
    siret: '23768301600016',
    kind: OrganisationKind.COLLECTIVITE_TERRITORIALE,
    departmentCode: '31',
    trusted: true,
  },
  {
    key: 'herault',
    name: "Département de l'Hérault",
    siret: '26346131800010',
    kind: OrganisationKind.COLLECTIVITE_TERRITORIALE,
    departmentCode: '34',
  },
  {
    key: 'gard',
    name: 'Département du Gard',
    siret: '26316091300012',
    kind: OrganisationKind.COLLECTIVITE_TERRITORIALE,
    departmentCode: '30',
  },
  {
    key: 'chu',
    name: 'CHU de Montpellier',
    siret: '26347000100003',
    kind: OrganisationKind.ETABLISSEMENT_SANTE,
    departmentCode: '34',
  },
  {
    key: 'universite',
    name: 'Université de Toulouse',
    siret: '19310308200015',
    kind: OrganisationKind.ETABLISSEMENT_PUBLIC,
    departmentCode: '31',
  },
  {
    key: 'prefecture',
    name: 'Préfecture de région Occitanie — plateforme achats',
    siret: '19349099600017',
    kind: OrganisationKind.SERVICE_ETAT,
    departmentCode: '31',
  },
  {
    key: 'nimes',
    name: 'Ville de Nîmes',
    siret: '21344628100015',
    kind: OrganisationKind.COLLECTIVITE_TERRITORIALE,
    departmentCode: '30',
  },
  {
    key: 'siae',
    name: 'Tremplin Insertion Hérault (EI)',
    siret: '44349482100012',
    kind: OrganisationKind.STRUCTURE_INSERTION,
    departmentCode: '34',
  },
  {
    key: 'aci',
    name: 'Jardins du Lauragais (ACI)',
    siret: '44319935100018',
    kind: OrganisationKind.STRUCTURE_INSERTION,
    departmentCode: '11',
  },
  {
    key: 'esat',
    name: 'ESAT Les Ateliers du Tarn',
    siret: '81314875700012',
    kind: OrganisationKind.STRUCTURE_HANDICAP,
    departmentCode: '81',
  },
  {
    key: 'scop',
    name: 'Numérique Solidaire Occitanie (SCOP)',
    siret: '89347975400010',
    kind: OrganisationKind.ENTREPRISE_ESS,
    departmentCode: '34',
    website: 'https://numerique-solidaire.example',
  },
  {
    key: 'recyclerie',
    name: 'Recyclerie du Gers (SCIC)',
    siret: '30343231900018',
    kind: OrganisationKind.ENTREPRISE_ESS,
    departmentCode: '32',
  },
  {
    key: 'pending',
    name: 'Communauté de communes du Pic Saint-Loup (candidate)',
    siret: '99344911800013',
    kind: OrganisationKind.COLLECTIVITE_TERRITORIALE,
    departmentCode: '34',
    status: MembershipStatus.PENDING,
  },
];

interface DemoUser {
  email: string;
  displayName: string;
  organisation: string;
  roles: GrantedRole[];
  /** A référent of the organisation (decides who joins it). */
  referent?: boolean;
}

export const DEMO_USERS: readonly DemoUser[] = [
  {
    email: 'admin@reseau.example',
    displayName: 'Camille Admin',
    organisation: 'reseau',
    roles: [Role.ADMIN, Role.MODERATOR],
    referent: true,
  },
  {
    email: 'moderation@reseau.example',
    displayName: 'Samir Modération',
    organisation: 'reseau',
    roles: [Role.MODERATOR],
  },
  {
    email: 'acheteuse@montpellier.example',
    displayName: 'Claire Dupont',
    organisation: 'montpellier',
    roles: [],
    referent: true,
  },
  {
    email: 'acheteur@toulouse.example',
    displayName: 'Julien Martin',
    organisation: 'toulouse',
    roles: [],
    referent: true,
  },
  {
    email: 'candidat@pending.example',
    displayName: 'Inès Candidate',
    organisation: 'pending',
    roles: [],
    referent: true,
  },
];

/** Authors of the other organisations' demo content (same password, not advertised). */
export const DEMO_CONTENT_AUTHORS: readonly DemoUser[] = [
  {
    email: 'achats@region.example',
    displayName: 'Direction des achats — Région',
    organisation: 'region',
    roles: [],
  },
  {
    email: 'achats@herault.example',
    displayName: 'Service commande publique — Hérault',
    organisation: 'herault',
    roles: [],
  },
  {
    email: 'achats@gard.example',
    displayName: 'Service des marchés — Gard',
    organisation: 'gard',
    roles: [],
  },
  { email: 'achats@chu.example', displayName: 'Direction des achats — CHU', organisation: 'chu', roles: [] },
  {
    email: 'achats@universite.example',
    displayName: 'Service achats — Université',
    organisation: 'universite',
    roles: [],
  },
  {
    email: 'achats@prefecture.example',
    displayName: 'Plateforme régionale des achats de l’État',
    organisation: 'prefecture',
    roles: [],
  },
  {
    email: 'achats@nimes.example',
    displayName: 'Commande publique — Nîmes',
    organisation: 'nimes',
    roles: [],
  },
  {
    email: 'contact@siae.example',
    displayName: 'Équipe Tremplin Insertion',
    organisation: 'siae',
    roles: [],
  },
  {
    email: 'contact@aci.example',
    displayName: 'Équipe Jardins du Lauragais',
    organisation: 'aci',
    roles: [],
  },
  {
    email: 'contact@esat.example',
    displayName: 'Équipe ESAT Les Ateliers du Tarn',
    organisation: 'esat',
    roles: [],
  },
  {
    email: 'contact@scop.example',
    displayName: 'Équipe Numérique Solidaire',
    organisation: 'scop',
    roles: [],
  },
  {
    email: 'contact@recyclerie.example',
    displayName: 'Équipe Recyclerie du Gers',
    organisation: 'recyclerie',
    roles: [],
  },
];

/** Registers the demo organisations and accounts with the seed (once per database). */
@Injectable()
export class MembersSeed implements OnModuleInit {
  constructor(private readonly seeds: SeedRegistry) {}

  onModuleInit(): void {
    this.seeds.register({ name: 'members-demo', order: 10, run: (manager) => this.run(manager) });
  }

  private async run(manager: EntityManager): Promise<void> {
    const ids = new Map<string, string>();
    for (const demo of DEMO_ORGANISATIONS) {
      const existing = await manager.findOneBy(OrganisationEntity, { siret: demo.siret });
      const saved =
        existing ??
        (await manager.save(
          manager.create(OrganisationEntity, {
            name: demo.name,
            siret: demo.siret,
            kind: demo.kind,
            departmentCode: demo.departmentCode,
            website: demo.website ?? null,
            membershipStatus: demo.status ?? MembershipStatus.ACTIVE,
            trusted: demo.trusted ?? false,
          }),
        ));
      ids.set(demo.key, saved.id);
    }
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const now = new Date();
    const withReferent = new Set(DEMO_USERS.filter((u) => u.referent).map((u) => u.organisation));
    for (const demo of [...DEMO_USERS, ...DEMO_CONTENT_AUTHORS]) {
      if (await manager.findOneBy(UserEntity, { email: demo.email })) continue;
      await manager.save(
        manager.create(UserEntity, {
          email: demo.email,
          displayName: demo.displayName,
          organisationId: ids.get(demo.organisation),
          grantedRoles: demo.roles,
          passwordHash,
          // Demo accounts are verified and accepted; each organisation has a référent.
          emailVerifiedAt: now,
          membershipApprovedAt: now,
          referent: demo.referent ?? !withReferent.has(demo.organisation),
        }),
      );
    }
  }
}
