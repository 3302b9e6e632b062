// Test helpers of the content module (not part of its public face).
import { DATA_SOURCE } from '@resocc/core';
import type { TestApp, TestAppOptions } from '@resocc/core/testing';
import { createMembersTestApp, login, type Session } from '@resocc/members/testing';
import type { DataSource } from 'typeorm';
import { SearchIndexer, searchEntities } from '@resocc/search';
import { ContentModule } from './content.module';
import { contentEntities } from './index';

/** Members and content over HTTP, on a fresh database seeded with the demo members. */
export function createContentTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  return createMembersTestApp(options, {
    imports: [ContentModule],
    entities: [...contentEntities, ...searchEntities],
  });
}

export const POST_FIELDS = `id title summary body bodyHtml status visibility version publishedAt cpvCodes contractYear departmentCode
  outcomes procedureType considerations themes { slug label } author { displayName } organisation { name }
  clauseTemplates { id title }`;

export const TEMPLATE_FIELDS = `id title summary kind status visibility version revision body legalReferences considerations
  themes { slug } variables { name label type required options }
  revisions { revision body changeNote author { displayName } variables { name } }`;

export const validPost = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  title: 'Ordinateurs reconditionnés pour les écoles',
  summary: 'Un marché de 400 postes reconditionnés avec une garantie de trois ans.',
  body: '## Contexte\n\nNous avons acheté **400 ordinateurs** reconditionnés.',
  themes: ['numerique-responsable'],
  considerations: ['ENVIRONMENTAL'],
  procedureType: 'PROCEDURE_ADAPTEE',
  cpvCodes: ['30213100-6'],
  contractYear: 2025,
  departmentCode: '34',
  outcomes: '62 t de CO2e évitées',
  visibility: 'PUBLIC',
  ...overrides,
});

export const validTemplate = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  title: "Clause d'insertion : heures réservées",
  summary: "Condition d'exécution réservant des heures de travail à des personnes éloignées de l'emploi.",
  kind: 'PERFORMANCE_CONDITION',
  considerations: ['SOCIAL'],
  themes: ['insertion-activite-economique'],
  legalReferences: ['CCP art. L2112-2'],
  body: 'Le titulaire réserve {{heures}} heures, soit {{taux}} % des heures travaillées, à compter du {{debut}}.',
  variables: [
    { name: 'heures', label: "Nombre d'heures", type: 'NUMBER', required: true },
    { name: 'taux', label: 'Part des heures', type: 'PERCENT', required: true },
    { name: 'debut', label: 'Date de début', type: 'DATE', required: false },
  ],
  visibility: 'PUBLIC',
  ...overrides,
});

/** Waits until the search indexer has written every pending change. */
export function waitForSearchIndex(t: TestApp): Promise<void> {
  return t.app.get(SearchIndexer).drain();
}

export interface TestAccount {
  /** the account's e-mail address (unique per database) */
  email: string;
  /** an existing account whose organisation and password the new one shares */
  colleagueOf: string;
  referent?: boolean;
  /** how old the account is (created that many hours ago); 0 by default */
  ageHours?: number;
}

/**
 * Adds a verified, approved account in the organisation of `colleagueOf` (same password)
 * straight in the database, and signs it in.
 */
export async function addAccount(t: TestApp, account: TestAccount): Promise<Session> {
  const dataSource = t.app.get<DataSource>(DATA_SOURCE);
  const inserted: unknown[] = await dataSource.query(
    `INSERT INTO user_account (email, display_name, password_hash, organisation_id, granted_roles,
        email_verified_at, membership_approved_at, referent, created_at)
     SELECT $1, $2, c.password_hash, c.organisation_id, '{}', now(), now(), $3::boolean,
            now() - make_interval(hours => $4::int)
     FROM user_account c WHERE c.email = $5
     RETURNING id`,
    [
      account.email,
      account.email.split('@')[0],
      account.referent ?? false,
      account.ageHours ?? 0,
      account.colleagueOf,
    ],
  );
  if (inserted.length !== 1) throw new Error(`no account ${account.colleagueOf} to copy`);
  return login(t, account.email);
}

export type { TestApp };
export { DEMO_POSTS, DEMO_TEMPLATES } from './seed/demo-content';
