// One contract for every search engine adapter. postgres.engine.spec.ts runs it always;
// meilisearch.engine.contract.spec.ts runs it when MEILI_URL is set.
import {
  type DocumentVisibility,
  type SearchDocument,
  type SearchEngine,
  type SearchRequest,
  type SearchResponse,
  documentKey,
  highlightToHtml,
} from './search-engine';

let sequence = 0;
/** A document for engine tests: unique key, one minute newer than the previous one. */
export function doc(fields: Partial<SearchDocument> & Pick<SearchDocument, 'title'>): SearchDocument {
  sequence++;
  const type = fields.type ?? 'EXPERIENCE_POST';
  const entityId = `00000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`;
  return {
    key: documentKey(type, entityId),
    type,
    entityId,
    summary: '',
    body: '',
    themes: [],
    considerations: [],
    kind: null,
    departmentCode: null,
    procedureType: null,
    visibility: 'PUBLIC',
    updatedAt: new Date(Date.UTC(2026, 0, 1) + sequence * 60_000).toISOString(),
    ...fields,
  };
}

export const CORPUS = {
  insertion: doc({
    title: "Clauses sociales d'insertion dans les marchés de propreté",
    summary: 'Des heures de travail réservées à des personnes éloignées de l’emploi.',
    body: 'Les entreprises titulaires ont recyclé les déchets et embauché des salariés en insertion.',
    themes: ['insertion-activite-economique', 'proprete-entretien'],
    considerations: ['SOCIAL'],
    departmentCode: '34',
    procedureType: 'APPEL_OFFRES_OUVERT',
  }),
  computers: doc({
    title: 'Ordinateurs reconditionnés pour les collèges',
    summary: 'Un parc de postes de travail de seconde main, garantis trois ans.',
    body: 'Le réemploi des équipements numériques réduit fortement leur empreinte.',
    themes: ['numerique-responsable'],
    considerations: ['ENVIRONMENTAL'],
    departmentCode: '31',
    procedureType: 'PROCEDURE_ADAPTEE',
    visibility: 'MEMBERS',
  }),
  repairability: doc({
    type: 'CLAUSE_TEMPLATE',
    title: "Critère d'attribution environnemental : réparabilité des équipements",
    summary: "Pondération de l'indice de réparabilité.",
    body: "L'offre est notée sur l'indice de réparabilité des matériels proposés.",
    themes: ['numerique-responsable'],
    considerations: ['ENVIRONMENTAL'],
    kind: 'AWARD_CRITERION',
  }),
  reserved: doc({
    type: 'CLAUSE_TEMPLATE',
    title: 'Marché réservé aux ESAT et entreprises adaptées',
    summary: 'Réservation du marché au secteur du travail protégé et adapté.',
    body: 'Le présent marché est réservé en application du code de la commande publique.',
    themes: ['handicap'],
    considerations: ['SOCIAL'],
    kind: 'RESERVED_CONTRACT',
    visibility: 'MEMBERS',
  }),
  canteen: doc({
    title: 'Restauration collective : cinquante pour cent de produits durables',
    summary: 'Des repas plus locaux dans les cantines scolaires.',
    body: 'Les approvisionnements en circuits courts ont progressé.',
    themes: ['alimentation'],
    considerations: ['ENVIRONMENTAL', 'SOCIAL'],
    departmentCode: '30',
    procedureType: 'APPEL_OFFRES_OUVERT',
  }),
  markup: doc({
    title: 'Achats <b>&</b> "responsables" à l\'école',
    summary: 'Un titre plein de caractères spéciaux.',
    body: 'Du texte <script>alert(1)</script> qui doit rester du texte.',
    themes: ['fournitures-bureau'],
    considerations: ['ENVIRONMENTAL'],
  }),
};

/** 25 documents sharing a word, for pagination. */
export const SERIES = Array.from({ length: 25 }, (_, i) =>
  doc({
    title: `Performance énergétique des bâtiments, lot ${i + 1}`,
    summary: 'Rénovation thermique et énergie renouvelable.',
    body: 'Chauffage, isolation et électricité verte.',
    themes: ['energie'],
    considerations: ['ENVIRONMENTAL'],
    type: i % 3 === 0 ? 'CLAUSE_TEMPLATE' : 'EXPERIENCE_POST',
    kind: i % 3 === 0 ? 'PERFORMANCE_CONDITION' : null,
    departmentCode: i % 3 === 0 ? null : '81',
  }),
);

const MEMBERS: DocumentVisibility[] = ['PUBLIC', 'MEMBERS'];
const ANONYMOUS: DocumentVisibility[] = ['PUBLIC'];

export interface EngineUnderTest {
  engine: SearchEngine;
  cleanup(): Promise<void>;
}

export function runSearchEngineContract(name: string, create: () => Promise<EngineUnderTest>): void {
  describe(`search engine contract: ${name}`, () => {
    let subject: EngineUnderTest;
    const search = (query: string, overrides: Partial<SearchRequest> = {}): Promise<SearchResponse> =>
      subject.engine.search({
        query,
        filters: {},
        visibilities: MEMBERS,
        offset: 0,
        limit: 20,
        ...overrides,
      });
    const keys = (response: SearchResponse): string[] => response.hits.map((h) => h.key);

    beforeAll(async () => {
      subject = await create();
      await subject.engine.ensureReady();
      await subject.engine.upsert([...Object.values(CORPUS), ...SERIES]);
    });
    afterAll(() => subject.cleanup());

    it('finds singular and plural forms of a word', async () => {
      expect(keys(await search('clause'))).toContain(CORPUS.insertion.key);
      expect(keys(await search('ordinateur'))).toContain(CORPUS.computers.key);
      expect(keys(await search('collège'))).toContain(CORPUS.computers.key);
    });

    it('finds verb forms', async () => {
      expect(keys(await search('recycler'))).toContain(CORPUS.insertion.key);
      expect(keys(await search('réservés'))).toContain(CORPUS.reserved.key);
    });

    it('ignores accents in queries and documents', async () => {
      expect(keys(await search('reemploi'))).toContain(CORPUS.computers.key);
      expect(keys(await search('reparabilite'))).toContain(CORPUS.repairability.key);
      expect(keys(await search('RÉPARABILITÉ'))).toContain(CORPUS.repairability.key);
    });

    it('tolerates one typo per word', async () => {
      expect(keys(await search('ordinatuers'))).toContain(CORPUS.computers.key);
      expect(keys(await search('restauraton collective'))).toContain(CORPUS.canteen.key);
    });

    it('matches the last word as a prefix (search as you type)', async () => {
      expect(keys(await search('reconditi'))).toContain(CORPUS.computers.key);
      expect(keys(await search('marché rése'))).toContain(CORPUS.reserved.key);
      // The typed letters go past the word's stem ("insertion" stems to "insert").
      expect(keys(await search('insertio'))).toContain(CORPUS.insertion.key);
    });

    it('never shows members-only documents to viewers who may not see them', async () => {
      for (const query of ['ordinateurs', 'marché réservé', '', 'reconditionnés']) {
        const response = await search(query, { visibilities: ANONYMOUS });
        expect(keys(response)).not.toContain(CORPUS.computers.key);
        expect(keys(response)).not.toContain(CORPUS.reserved.key);
      }
      expect(keys(await search('ordinateurs'))).toContain(CORPUS.computers.key);
    });

    it('applies every filter', async () => {
      const all = Object.values(CORPUS);
      const expectOnly = async (
        filters: SearchRequest['filters'],
        predicate: (d: SearchDocument) => boolean,
      ): Promise<void> => {
        const response = await search('', { filters, limit: 100 });
        const expected = [...all, ...SERIES]
          .filter(predicate)
          .map((d) => d.key)
          .sort();
        expect(keys(response).sort()).toEqual(expected);
        expect(response.totalHits).toBe(expected.length);
      };
      await expectOnly({ types: ['CLAUSE_TEMPLATE'] }, (d) => d.type === 'CLAUSE_TEMPLATE');
      await expectOnly({ themes: ['numerique-responsable', 'handicap'] }, (d) =>
        d.themes.some((t) => ['numerique-responsable', 'handicap'].includes(t)),
      );
      await expectOnly({ considerations: ['SOCIAL'] }, (d) => d.considerations.includes('SOCIAL'));
      await expectOnly({ kinds: ['AWARD_CRITERION'] }, (d) => d.kind === 'AWARD_CRITERION');
      await expectOnly(
        { departmentCodes: ['34', '30'] },
        (d) => d.departmentCode === '34' || d.departmentCode === '30',
      );
      await expectOnly(
        { procedureTypes: ['APPEL_OFFRES_OUVERT'] },
        (d) => d.procedureType === 'APPEL_OFFRES_OUVERT',
      );
      await expectOnly(
        { types: ['EXPERIENCE_POST'], themes: ['energie'], departmentCodes: ['81'] },
        (d) => d.type === 'EXPERIENCE_POST' && d.themes.includes('energie') && d.departmentCode === '81',
      );
    });

    it('counts facets over the whole result; the type facet adds up to totalHits', async () => {
      for (const query of ['', 'énergie', 'marché', 'environnemental']) {
        const response = await search(query);
        const typeTotal = response.facets.type.reduce((sum, f) => sum + f.count, 0);
        expect(typeTotal).toBe(response.totalHits);
        expect(response.totalHitsExact).toBe(true);
      }
      const energy = await search('énergie');
      expect(energy.facets.themes.find((f) => f.value === 'energie')?.count).toBe(SERIES.length);
      expect(energy.facets.type).toEqual([
        { value: 'EXPERIENCE_POST', count: SERIES.filter((d) => d.type === 'EXPERIENCE_POST').length },
        { value: 'CLAUSE_TEMPLATE', count: SERIES.filter((d) => d.type === 'CLAUSE_TEMPLATE').length },
      ]);
      expect(energy.facets.departmentCode).toEqual([
        { value: '81', count: SERIES.filter((d) => d.departmentCode === '81').length },
      ]);
    });

    it('pages through results without gaps or repeats', async () => {
      const seen: string[] = [];
      let total = -1;
      for (let offset = 0; offset < 100; offset += 10) {
        const response = await search('énergétique', { offset, limit: 10 });
        total = response.totalHits;
        seen.push(...keys(response));
        if (response.hits.length < 10) break;
      }
      expect(total).toBe(SERIES.length);
      expect(seen).toHaveLength(SERIES.length);
      expect(new Set(seen).size).toBe(SERIES.length);
    });

    it('highlights matches with <mark> only, everything else escaped', async () => {
      const response = await search('responsables');
      const hit = response.hits.find((h) => h.key === CORPUS.markup.key);
      expect(hit).toBeDefined();
      const title = highlightToHtml(hit?.titleHighlight ?? '');
      expect(title).toContain('<mark>responsables</mark>');
      expect(title).toContain('&lt;b&gt;&amp;&lt;/b&gt;');
      expect(title.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
      const body = await search('texte');
      const snippet = highlightToHtml(body.hits.find((h) => h.key === CORPUS.markup.key)?.snippet ?? '');
      expect(snippet).toContain('<mark>');
      expect(snippet.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
    });

    it('replaces a document on upsert and forgets it on delete', async () => {
      const changed = {
        ...CORPUS.canteen,
        title: 'Restauration collective : produits biologiques et locaux',
        updatedAt: new Date().toISOString(),
      };
      await subject.engine.upsert([changed]);
      const found = await search('biologiques');
      expect(keys(found)).toEqual([changed.key]);
      expect((await search('restauration')).hits.filter((h) => h.key === changed.key)).toHaveLength(1);
      await subject.engine.delete([changed.key, 'EXPERIENCE_POST:unknown']);
      expect(keys(await search('restauration'))).not.toContain(changed.key);
      const listed = await subject.engine.listKeys();
      expect(listed.map((l) => l.key)).not.toContain(changed.key);
      expect(listed).toContainEqual({ key: CORPUS.insertion.key, updatedAt: CORPUS.insertion.updatedAt });
      expect((await subject.engine.stats()).documents).toBe(Object.keys(CORPUS).length - 1 + SERIES.length);
      await subject.engine.upsert([CORPUS.canteen]);
    });
  });
}
