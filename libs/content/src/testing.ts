// Test helpers of the content module (not part of its public face).
import type { TestApp, TestAppOptions } from '@resocc/core/testing';
import { createMembersTestApp } from '@resocc/members/testing';
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

export type { TestApp };
