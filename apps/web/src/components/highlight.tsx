/**
 * The API's highlights: matched terms in <mark></mark>, everything else already escaped.
 * Any other tag is dropped all the same, so a highlight can never carry markup of its own.
 */
export function Highlight({ html, as: Tag = 'span' }: { html: string; as?: 'span' | 'p' }) {
  const safe = html.replace(/<(?!\/?mark>)[^>]*>?/gi, '');
  return <Tag dangerouslySetInnerHTML={{ __html: safe }} />;
}
