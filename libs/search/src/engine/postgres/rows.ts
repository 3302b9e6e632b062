import { extraTexts } from '../text/fields';
import { type SearchDocument, cleanDocumentText } from '../search-engine';

/** Every facet value of a document as `facet:value`, counted in one pass by search(). */
function facetValues(d: SearchDocument): string[] {
  const values: string[] = [`type:${d.type}`];
  for (const theme of d.themes) values.push(`themes:${theme}`);
  for (const consideration of d.considerations) values.push(`considerations:${consideration}`);
  if (d.kind !== null) values.push(`kind:${d.kind}`);
  if (d.departmentCode !== null) values.push(`departmentCode:${d.departmentCode}`);
  if (d.procedureType !== null) values.push(`procedureType:${d.procedureType}`);
  return values;
}

export function rows(documents: readonly SearchDocument[]): string {
  return JSON.stringify(
    documents.map((d) => ({
      key: d.key,
      type: d.type,
      entityId: d.entityId,
      title: cleanDocumentText(d.title),
      summary: cleanDocumentText(d.summary),
      body: cleanDocumentText(d.body),
      themes: d.themes,
      considerations: d.considerations,
      kind: d.kind,
      departmentCode: d.departmentCode,
      procedureType: d.procedureType,
      visibility: d.visibility,
      updatedAt: d.updatedAt,
      ...extraTexts(d),
      facetValues: facetValues(d),
    })),
  );
}

export const COLUMNS = `key, type, entity_id, title, summary, body, themes, considerations, kind, department_code,
  procedure_type, visibility, updated_at, facet_values, codes, labels, context`;

/** INSERT ... SELECT of documents given as one JSON parameter ($1). */
export function insertSql(table: string): string {
  return `INSERT INTO ${table} (${COLUMNS})
    SELECT d.key, d.type, d."entityId"::uuid, d.title, d.summary, d.body,
           ARRAY(SELECT jsonb_array_elements_text(d.themes)), ARRAY(SELECT jsonb_array_elements_text(d.considerations)),
           d.kind, d."departmentCode", d."procedureType", d.visibility, d."updatedAt"::timestamptz,
           ARRAY(SELECT jsonb_array_elements_text(d."facetValues")), d.codes, d.labels, d.context
    FROM jsonb_to_recordset($1::jsonb) AS d(key text, type text, "entityId" text, title text, summary text, body text,
         themes jsonb, considerations jsonb, kind text, "departmentCode" text, "procedureType" text, visibility text,
         "updatedAt" text, "facetValues" jsonb, codes text, labels text, context text)`;
}

/** The upsert of documents given as one JSON parameter. */
export function upsertSql(table: string): string {
  return `${insertSql(table)}
    ON CONFLICT (key) DO UPDATE SET type = EXCLUDED.type, entity_id = EXCLUDED.entity_id, title = EXCLUDED.title,
      summary = EXCLUDED.summary, body = EXCLUDED.body, themes = EXCLUDED.themes, considerations = EXCLUDED.considerations,
      kind = EXCLUDED.kind, department_code = EXCLUDED.department_code, procedure_type = EXCLUDED.procedure_type,
      visibility = EXCLUDED.visibility, updated_at = EXCLUDED.updated_at, facet_values = EXCLUDED.facet_values,
      codes = EXCLUDED.codes, labels = EXCLUDED.labels, context = EXCLUDED.context`;
}
