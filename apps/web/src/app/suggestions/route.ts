import { type NextRequest, NextResponse } from 'next/server';
import { query } from '../../lib/api';
import { TYPE_LABELS } from '../../lib/labels';
import { SuggestQuery } from '../../lib/operations';
import { postUrl, templateUrl } from '../../lib/urls';

/** Same-origin suggestions for the search box: a few titles from the API's search. */
export async function GET(request: NextRequest) {
  const text = (request.nextUrl.searchParams.get('q') ?? '').trim().slice(0, 100);
  if (text.length < 2) return NextResponse.json({ suggestions: [] });
  try {
    const data = await query(SuggestQuery, { input: { query: text, first: 5 } });
    const suggestions = data.search.hits.map(({ node }) =>
      node.__typename === 'ExperiencePost'
        ? { title: node.title, href: postUrl(node), type: TYPE_LABELS.EXPERIENCE_POST }
        : { title: node.title, href: templateUrl(node), type: TYPE_LABELS.CLAUSE_TEMPLATE },
    );
    return NextResponse.json({ suggestions }, { headers: { 'Cache-Control': 'public, max-age=30' } });
  } catch {
    return NextResponse.json({ suggestions: [] }, { status: 502 });
  }
}
