import { type SearchDocument, cleanDocumentText } from '../search-engine';
import { codeTokens, normaliseCodes } from './codes';

/**
 * The searchable texts of a document beyond title, summary and body (indexed, never shown),
 * the same for both engines:
 * - `codes`: the document's identifiers and those its texts mention, in their normal form,
 *   so that `L2113-12` in a body matches the query `L. 2113-12`;
 * - `labels`: theme labels and the organisation's name;
 * - `context`: the kind's label, the département's name, CPV labels.
 */
export function extraTexts(d: SearchDocument): { codes: string; labels: string; context: string } {
  const mentioned = codeTokens([d.title, d.summary, d.body].join('\n'));
  return {
    codes: cleanDocumentText([normaliseCodes((d.codes ?? []).join(' ; ')), ...mentioned].join(' ')),
    labels: cleanDocumentText((d.labels ?? []).join(' ; ')),
    context: cleanDocumentText((d.context ?? []).join(' ; ')),
  };
}
