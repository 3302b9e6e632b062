import { BadUserInputError, FieldErrors } from '@resocc/core';
import { VariableType } from '../shared/enums';
import { LIMITS, cleanLine } from '../shared/validation';
import type { TemplateVariable } from './clause-template.entity';
import type { TemplateVariableInput, VariableValueInput } from './dto/clause-template.input';

export const VARIABLE_NAME = /^[a-z][a-z0-9_]*$/;
const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;
/** What an optional variable left empty becomes in the rendered text. */
export const BLANK = '________';

/**
 * Bounds of rendering, so that no template and no set of values amplifies a request into
 * megabytes: placeholders per body, values per call, and the length of the filled text.
 */
export const RENDER_LIMITS = { placeholders: 200, values: 100, renderedLength: 100_000 } as const;

function count(text: string, pattern: RegExp): number {
  let n = 0;
  for (const _match of text.matchAll(pattern)) n++;
  return n;
}

/** Distinct placeholder names of a body, in order of first use. */
export function placeholdersOf(body: string): string[] {
  return [...new Set([...body.matchAll(PLACEHOLDER)].map((m) => m[1]))];
}

/**
 * Checks a template's variables against its body: every placeholder declared, every
 * declared variable used, valid unique names, labels, CHOICE options.
 */
export function validateVariables(
  body: string,
  inputs: readonly TemplateVariableInput[],
  prefix: string,
  errors: FieldErrors,
): TemplateVariable[] {
  errors.check(
    inputs.length <= LIMITS.variables,
    `${prefix}.variables`,
    `${LIMITS.variables} variables au maximum.`,
  );
  const occurrences = count(body, PLACEHOLDER);
  errors.check(
    occurrences <= RENDER_LIMITS.placeholders,
    `${prefix}.body`,
    `Le texte compte ${occurrences} emplacements {{…}} : ${RENDER_LIMITS.placeholders} au plus.`,
  );
  const variables: TemplateVariable[] = [];
  const seen = new Set<string>();
  const used = new Set(placeholdersOf(body));
  inputs.forEach((input, i) => {
    const path = `${prefix}.variables.${i}`;
    const name = input.name.trim();
    if (
      errors.check(
        VARIABLE_NAME.test(name),
        `${path}.name`,
        `Nom de variable invalide « ${name.slice(0, 40)} » : lettres minuscules, chiffres et _ , en commençant par une lettre.`,
      )
    ) {
      if (errors.check(!seen.has(name), `${path}.name`, `La variable « ${name} » est déclarée deux fois.`)) {
        errors.check(
          used.has(name),
          `${path}.name`,
          `La variable « ${name} » n'est pas utilisée dans le texte ({{${name}}}).`,
        );
      }
    }
    seen.add(name);
    const label = cleanLine(input.label);
    errors.check(
      label.length > 0 && label.length <= LIMITS.variableLabel,
      `${path}.label`,
      `Le libellé de la variable « ${name} » est obligatoire (${LIMITS.variableLabel} caractères au plus).`,
    );
    let options: string[] | null = null;
    if (input.type === VariableType.CHOICE) {
      options = [...new Set((input.options ?? []).map(cleanLine).filter((o) => o !== ''))];
      errors.check(
        options.length >= 2,
        `${path}.options`,
        `La variable à choix « ${name} » doit proposer au moins deux options.`,
      );
      errors.check(
        options.length <= LIMITS.options && options.every((o) => o.length <= LIMITS.option),
        `${path}.options`,
        `${LIMITS.options} options au plus, de ${LIMITS.option} caractères au plus.`,
      );
    } else {
      errors.check(
        input.options == null || input.options.length === 0,
        `${path}.options`,
        `Seules les variables CHOICE ont des options (« ${name} » est ${input.type}).`,
      );
    }
    variables.push({ name, label, type: input.type, required: input.required, options });
  });
  for (const placeholder of used) {
    if (!VARIABLE_NAME.test(placeholder)) {
      errors.add(
        `${prefix}.body`,
        `Le texte contient {{${placeholder.slice(0, 40)}}}, qui n'est pas un nom de variable valide.`,
      );
    } else if (!seen.has(placeholder)) {
      errors.add(`${prefix}.body`, `La variable {{${placeholder}}} du texte n'est pas déclarée.`);
    }
  }
  return variables;
}

function checkValue(variable: TemplateVariable, value: string): string | null {
  switch (variable.type) {
    case VariableType.NUMBER:
      return /^-?\d+([.,]\d+)?$/.test(value) ? null : 'doit être un nombre (par exemple 1500 ou 12,5).';
    case VariableType.PERCENT: {
      if (!/^\d+([.,]\d+)?$/.test(value)) return 'doit être un pourcentage entre 0 et 100.';
      const n = Number(value.replace(',', '.'));
      return n >= 0 && n <= 100 ? null : 'doit être un pourcentage entre 0 et 100.';
    }
    case VariableType.DATE: {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
      const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
      const valid =
        date !== null &&
        m !== null &&
        date.getUTCMonth() === Number(m[2]) - 1 &&
        date.getUTCDate() === Number(m[3]);
      return valid ? null : 'doit être une date au format AAAA-MM-JJ.';
    }
    case VariableType.CHOICE:
      return (variable.options ?? []).includes(value)
        ? null
        : `doit être l'une des options : ${(variable.options ?? []).join(' ; ')}.`;
    case VariableType.TEXT:
      return value.length <= 5000 ? null : 'ne peut dépasser 5 000 caractères.';
  }
}

/**
 * Fills a template's placeholders in one pass: each value is inserted as it is and never
 * read as a placeholder. Every missing, unknown or ill-typed value is named in one error.
 */
export function renderTemplate(
  body: string,
  variables: readonly TemplateVariable[],
  values: readonly VariableValueInput[],
): string {
  const errors = new FieldErrors();
  if (values.length > RENDER_LIMITS.values) {
    throw BadUserInputError.field('values', `${RENDER_LIMITS.values} valeurs au plus.`);
  }
  const byName = new Map(variables.map((v) => [v.name, v]));
  const given = new Map<string, string>();
  for (const { name, value } of values) {
    if (!byName.has(name)) {
      errors.add(`values.${name.slice(0, 60)}`, `Ce modèle n'a pas de variable « ${name.slice(0, 60)} ».`);
      continue;
    }
    if (given.has(name)) {
      errors.add(`values.${name}`, 'Valeur donnée deux fois.');
      continue;
    }
    given.set(name, value.trim());
  }
  for (const variable of variables) {
    const value = given.get(variable.name);
    if (value === undefined || value === '') {
      if (variable.required) errors.add(`values.${variable.name}`, `« ${variable.label} » est obligatoire.`);
      continue;
    }
    const problem = checkValue(variable, value);
    if (problem) errors.add(`values.${variable.name}`, `« ${variable.label} » ${problem}`);
  }
  if (!errors.isEmpty) throw new BadUserInputError([...errors.list]);
  const fill = (name: string): string => {
    const value = given.get(name);
    return value === undefined || value === '' ? BLANK : value;
  };
  // The filled length, counted before anything is built (a template saved before the
  // placeholder bound may hold many more).
  let length = body.length;
  for (const match of body.matchAll(PLACEHOLDER)) {
    length += fill(match[1]).length - match[0].length;
    if (length > RENDER_LIMITS.renderedLength) {
      throw BadUserInputError.field(
        'values',
        `Le texte rempli dépasserait ${RENDER_LIMITS.renderedLength.toLocaleString('fr-FR')} caractères : raccourcissez les valeurs.`,
      );
    }
  }
  return body.replace(PLACEHOLDER, (_match, name: string) => fill(name));
}
