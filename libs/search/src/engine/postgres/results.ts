import {
  FACET_NAMES,
  type FacetCount,
  type FacetName,
  HIGHLIGHT_END,
  HIGHLIGHT_START,
  type SearchHitResult,
  type SearchResponse,
  byCountThenValue,
} from '../search-engine';
import { CONFIG } from './sql';

export const HEADLINE_TITLE = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_END}, HighlightAll=true`;
export const HEADLINE_SNIPPET = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_END}, MaxWords=30, MinWords=12, ShortWord=2, MaxFragments=1, FragmentDelimiter=" … "`;

/** The hit's fields as SQL over the row `d`, highlighted for the tsquery `q` (none when null). */
export function hitFieldsSql(q: string | null): { title: string; snippet: string } {
  if (q === null) return { title: 'd.title', snippet: 'left(d.summary, 240)' };
  return {
    title: `ts_headline('${CONFIG}', d.title, ${q}, '${HEADLINE_TITLE}')`,
    snippet: `ts_headline('${CONFIG}', d.summary || E'\\n' || d.body, ${q}, '${HEADLINE_SNIPPET}')`,
  };
}

export function emptyFacets(): Record<FacetName, FacetCount[]> {
  return Object.fromEntries(FACET_NAMES.map((name) => [name, [] as FacetCount[]])) as Record<
    FacetName,
    FacetCount[]
  >;
}

export function noHits(): SearchResponse {
  return { hits: [], totalHits: 0, totalHitsExact: true, facets: emptyFacets() };
}

export interface RawResult {
  /** Matches counted (at most the window + 1). */
  matched: number;
  hits: SearchHitResult[];
  facets: [string, number][];
}

/** The statement's JSON as the port's response. */
export function toResponse(result: RawResult, window: number): SearchResponse {
  const facets = emptyFacets();
  for (const [facetValue, count] of result.facets) {
    const colon = facetValue.indexOf(':');
    const name = facetValue.slice(0, colon) as FacetName;
    facets[name]?.push({ value: facetValue.slice(colon + 1), count: Number(count) });
  }
  for (const name of FACET_NAMES) facets[name].sort(byCountThenValue);
  const matched = Number(result.matched);
  const exact = matched <= window;
  return {
    hits: result.hits,
    totalHits: exact ? matched : window,
    totalHitsExact: exact,
    facets,
  };
}
