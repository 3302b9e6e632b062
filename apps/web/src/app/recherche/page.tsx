import type { Metadata } from 'next';
import { ThemeTags } from '../../components/lists';
import { Highlight } from '../../components/highlight';
import { NextPageLink } from '../../components/more-link';
import { SearchBox } from '../../components/search-box';
import type {
  ClauseKind,
  Consideration,
  ProcedureType,
  SearchInput,
  SearchableType,
} from '../../gql/graphql';
import { query, withCursor } from '../../lib/api';
import {
  CLAUSE_KIND_LABELS,
  CONSIDERATION_LABELS,
  PROCEDURE_LABELS,
  TYPE_LABELS,
  departmentLabel,
  frenchNumber,
  plural,
} from '../../lib/labels';
import { all, first } from '../../lib/loaders';
import { SearchQuery } from '../../lib/operations';
import {
  FACET_PARAMS,
  type FacetParam,
  type SearchParams,
  organisationUrl,
  postUrl,
  searchUrl,
  templateUrl,
  themeUrl,
} from '../../lib/urls';

type RawParams = Record<string, string | string[] | undefined>;

const oneOf = <T extends string>(labels: Record<T, string>, values: string[]): T[] =>
  values.filter((v): v is T => Object.prototype.hasOwnProperty.call(labels, v));

function readParams(raw: RawParams): SearchParams {
  return {
    q: (first(raw['q']) ?? '').slice(0, 200),
    type: oneOf(TYPE_LABELS, all(raw['type'])),
    theme: all(raw['theme']).filter((t) => /^[a-z0-9-]{1,80}$/.test(t)),
    consideration: oneOf(CONSIDERATION_LABELS, all(raw['consideration'])),
    kind: oneOf(CLAUSE_KIND_LABELS, all(raw['kind'])),
    departement: all(raw['departement']).filter((d) => /^(\d{2}|2[AB]|97\d)$/.test(d)),
    procedure: oneOf(PROCEDURE_LABELS, all(raw['procedure'])),
    after: first(raw['apres']),
  };
}

/** The API's facet names, the URL's parameter names and how a value reads. */
const FACETS: { api: string; param: FacetParam; legend: string }[] = [
  { api: 'type', param: 'type', legend: 'Type' },
  { api: 'themes', param: 'theme', legend: 'Thème' },
  { api: 'considerations', param: 'consideration', legend: 'Considération' },
  { api: 'kind', param: 'kind', legend: 'Nature de la clause' },
  { api: 'departmentCode', param: 'departement', legend: 'Département' },
  { api: 'procedureType', param: 'procedure', legend: 'Procédure' },
];

function toInput(p: SearchParams): SearchInput {
  return {
    query: p.q,
    first: 10,
    after: p.after,
    types: p.type.length > 0 ? (p.type as SearchableType[]) : undefined,
    themes: p.theme.length > 0 ? p.theme : undefined,
    considerations: p.consideration.length > 0 ? (p.consideration as Consideration[]) : undefined,
    kinds: p.kind.length > 0 ? (p.kind as ClauseKind[]) : undefined,
    departmentCodes: p.departement.length > 0 ? p.departement : undefined,
    procedureTypes: p.procedure.length > 0 ? (p.procedure as ProcedureType[]) : undefined,
  };
}

function toggled(p: SearchParams, param: FacetParam, value: string): string {
  const values = p[param].includes(value) ? p[param].filter((v) => v !== value) : [...p[param], value];
  return searchUrl({ ...p, [param]: values, after: undefined });
}

function valueLabel(param: FacetParam, value: string, themes: Map<string, string>): string {
  switch (param) {
    case 'type':
      return TYPE_LABELS[value as SearchableType] ?? value;
    case 'theme':
      return themes.get(value) ?? value;
    case 'consideration':
      return CONSIDERATION_LABELS[value as Consideration] ?? value;
    case 'kind':
      return CLAUSE_KIND_LABELS[value as ClauseKind] ?? value;
    case 'departement':
      return departmentLabel(value);
    case 'procedure':
      return PROCEDURE_LABELS[value as ProcedureType] ?? value;
  }
}

export async function generateMetadata({
  searchParams,
}: {
  searchParams: Promise<RawParams>;
}): Promise<Metadata> {
  const p = readParams(await searchParams);
  return {
    title: p.q === '' ? 'Rechercher' : `Recherche « ${p.q} »`,
    description: "Rechercher parmi les retours d'expérience et les modèles de clauses du réseau.",
    alternates: { canonical: searchUrl({ ...p, after: undefined }) },
    robots: { index: p.q === '' && p.after === undefined, follow: true },
  };
}

export default async function SearchPage({ searchParams }: { searchParams: Promise<RawParams> }) {
  const p = readParams(await searchParams);
  const data = await withCursor(p.after, (after) => query(SearchQuery, { input: toInput({ ...p, after }) }));
  const result = data.search;
  const themes = new Map(data.themes.map((t) => [t.slug, t.label]));
  const active = FACET_PARAMS.flatMap((param) => p[param].map((value) => ({ param, value })));
  const total = result.totalHitsExact
    ? plural(result.totalHits, 'résultat', 'résultats')
    : `plus de ${frenchNumber(result.totalHits)} résultats`;

  return (
    <>
      <h1 className="fr-mt-4w">{p.q === '' ? 'Rechercher' : `Recherche « ${p.q} »`}</h1>
      <SearchBox query={p.q} />
      {/* Filters travel with the query in the URL: a new search keeps them. */}
      <div className="fr-grid-row fr-grid-row--gutters fr-mt-4w">
        <div className="fr-col-12 fr-col-md-4">
          <nav className="resocc-facets" aria-labelledby="titre-filtres">
            <h2 id="titre-filtres" className="fr-h4">
              Filtres
            </h2>
            {FACETS.map(({ api, param, legend }) => {
              const facet = result.facets.find((f) => f.name === api);
              if (facet === undefined || facet.values.length === 0) return null;
              return (
                <div key={param} className="fr-mb-3w">
                  <h3 className="fr-h6 fr-mb-1w" id={`filtre-${param}`}>
                    {legend}
                  </h3>
                  <ul aria-labelledby={`filtre-${param}`}>
                    {facet.values.map(({ value, count }) => {
                      const selected = p[param].includes(value);
                      const label = valueLabel(param, value, themes);
                      return (
                        <li key={value}>
                          <a
                            className="fr-link"
                            href={toggled(p, param, value)}
                            aria-current={selected ? 'true' : undefined}
                          >
                            {selected ? `✓ ${label}` : label} ({frenchNumber(count)})
                            {selected ? (
                              <span className="fr-sr-only"> : filtre actif, le retirer</span>
                            ) : null}
                          </a>
                        </li>
                      );
                    })}
                  </ul>
                </div>
              );
            })}
          </nav>
        </div>
        <div className="fr-col-12 fr-col-md-8">
          <h2 className="fr-h4" id="titre-resultats">
            {total}
          </h2>
          {active.length > 0 ? (
            <div className="fr-mb-3w">
              <p className="fr-mb-1w">Filtres actifs :</p>
              <ul className="fr-tags-group">
                {active.map(({ param, value }) => (
                  <li key={`${param}-${value}`}>
                    <a className="fr-tag" href={toggled(p, param, value)}>
                      Retirer « {valueLabel(param, value, themes)} »
                    </a>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {result.hits.length === 0 ? (
            <NoResults params={p} themes={data.themes} />
          ) : (
            <ol className="fr-raw-list" aria-labelledby="titre-resultats">
              {result.hits.map((hit) => {
                const node = hit.node;
                const isPost = node.__typename === 'ExperiencePost';
                const href = isPost ? postUrl(node) : templateUrl(node);
                return (
                  <li key={node.id} className="fr-mb-4w">
                    <article>
                      <p className="fr-badge fr-badge--sm fr-mb-1w">
                        {isPost ? TYPE_LABELS.EXPERIENCE_POST : TYPE_LABELS.CLAUSE_TEMPLATE}
                      </p>
                      <h3 className="fr-h5 fr-mb-1w">
                        <a href={href}>
                          <Highlight html={hit.titleHighlight} />
                        </a>
                      </h3>
                      <Highlight as="p" html={hit.snippet} />
                      <p className="fr-text--sm fr-mb-1w">
                        <a href={organisationUrl(node.organisation)}>{node.organisation.name}</a>
                        {isPost && node.contractYear !== null && node.contractYear !== undefined
                          ? ` · marché de ${node.contractYear}`
                          : ''}
                        {isPost && node.departmentCode !== null && node.departmentCode !== undefined
                          ? ` · ${departmentLabel(node.departmentCode)}`
                          : ''}
                        {!isPost ? ` · ${CLAUSE_KIND_LABELS[node.kind]}` : ''}
                      </p>
                      {node.themes.length > 0 ? <ThemeTags themes={node.themes} small /> : null}
                    </article>
                  </li>
                );
              })}
            </ol>
          )}
          <NextPageLink
            href={
              result.pageInfo.hasNextPage && result.pageInfo.endCursor
                ? searchUrl({ ...p, after: result.pageInfo.endCursor })
                : undefined
            }
            label="Résultats suivants"
          />
          {p.after !== undefined ? (
            <p className="fr-mt-2w">
              <a className="fr-link" href={searchUrl({ ...p, after: undefined })}>
                Revenir aux premiers résultats
              </a>
            </p>
          ) : null}
        </div>
      </div>
    </>
  );
}

function NoResults({ params, themes }: { params: SearchParams; themes: { slug: string; label: string }[] }) {
  const filtered = FACET_PARAMS.some((param) => params[param].length > 0);
  return (
    <div>
      <p>Aucun résultat{params.q === '' ? '' : ` pour « ${params.q} »`}. Quelques pistes :</p>
      <ul>
        <li>
          vérifiez l&apos;orthographe ou essayez un mot plus général (par exemple « insertion », « repas
          »)&nbsp;;
        </li>
        {filtered ? (
          <li>
            <a href={searchUrl({ q: params.q })}>relancez la recherche sans les filtres</a>&nbsp;;
          </li>
        ) : null}
        <li>
          parcourez un thème :{' '}
          {themes.slice(0, 5).map((t, i) => (
            <span key={t.slug}>
              {i > 0 ? ', ' : ''}
              <a href={themeUrl(t.slug)}>{t.label}</a>
            </span>
          ))}
          .
        </li>
      </ul>
    </div>
  );
}
