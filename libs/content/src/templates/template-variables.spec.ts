import { BadUserInputError, FieldErrors } from '@resocc/core';
import { VariableType } from '../shared/enums';
import type { TemplateVariable } from './clause-template.entity';
import {
  BLANK,
  RENDER_LIMITS,
  placeholdersOf,
  renderTemplate,
  validateVariables,
} from './template-variables';

const v = (
  name: string,
  type: VariableType,
  required = true,
  options: string[] | null = null,
): TemplateVariable => ({
  name,
  label: name.replace(/_/g, ' '),
  type,
  required,
  options,
});

function fieldsOf(work: () => unknown): { path: string; message: string }[] {
  try {
    work();
  } catch (error) {
    if (error instanceof BadUserInputError) return error.fields;
    throw error;
  }
  throw new Error('expected BAD_USER_INPUT');
}

describe('template variables', () => {
  it('finds each placeholder once, in order', () => {
    expect(placeholdersOf('{{a}} puis {{ b }} puis {{a}}')).toEqual(['a', 'b']);
  });

  it('requires every placeholder declared and every variable used, naming each', () => {
    const errors = new FieldErrors();
    validateVariables(
      'Le titulaire réalise {{heures}} heures avant le {{date_limite}}.',
      [
        { name: 'heures', label: 'Heures', type: VariableType.NUMBER, required: true },
        { name: 'inutile', label: 'Inutile', type: VariableType.TEXT, required: false },
        { name: 'Mauvais-Nom', label: 'x', type: VariableType.TEXT, required: false },
        { name: 'choix', label: 'Choix', type: VariableType.CHOICE, required: true, options: ['seul'] },
        { name: 'heures', label: 'Encore', type: VariableType.NUMBER, required: true },
        { name: 'pct', label: 'Pct', type: VariableType.PERCENT, required: true, options: ['x'] },
      ],
      'input',
      errors,
    );
    expect(errors.list.map((e) => e.path)).toEqual([
      'input.variables.1.name',
      'input.variables.2.name',
      'input.variables.3.name',
      'input.variables.3.options',
      'input.variables.4.name',
      'input.variables.5.name',
      'input.variables.5.options',
      'input.body',
    ]);
    expect(errors.list[errors.list.length - 1].message).toContain('{{date_limite}}');
  });

  const variables = [
    v('heures', VariableType.NUMBER),
    v('taux', VariableType.PERCENT),
    v('date_debut', VariableType.DATE),
    v('public', VariableType.CHOICE, true, ['demandeurs d’emploi', 'jeunes']),
    v('precision', VariableType.TEXT, false),
  ];
  const body = '{{heures}} heures ({{taux}} %) dès le {{date_debut}} pour {{public}}. {{precision}}';

  it('renders plain text with the values inserted as they are', () => {
    const text = renderTemplate(body, variables, [
      { name: 'heures', value: '1500' },
      { name: 'taux', value: '7,5' },
      { name: 'date_debut', value: '2026-03-01' },
      { name: 'public', value: 'jeunes' },
      { name: 'precision', value: '{{heures}} <b>& $1</b>' },
    ]);
    expect(text).toBe('1500 heures (7,5 %) dès le 2026-03-01 pour jeunes. {{heures}} <b>& $1</b>');
  });

  it('leaves a blank for an optional variable without value', () => {
    const text = renderTemplate(body, variables, [
      { name: 'heures', value: '10' },
      { name: 'taux', value: '0' },
      { name: 'date_debut', value: '2026-01-31' },
      { name: 'public', value: 'jeunes' },
    ]);
    expect(text.endsWith(`jeunes. ${BLANK}`)).toBe(true);
  });

  it('names every missing, ill-typed or unknown value in one error', () => {
    const fields = fieldsOf(() =>
      renderTemplate(body, variables, [
        { name: 'heures', value: 'mille' },
        { name: 'taux', value: '120' },
        { name: 'date_debut', value: '2026-02-30' },
        { name: 'inconnue', value: 'x' },
      ]),
    );
    expect(fields.map((f) => f.path)).toEqual([
      'values.inconnue',
      'values.heures',
      'values.taux',
      'values.date_debut',
      'values.public',
    ]);
    expect(fields.find((f) => f.path === 'values.public')?.message).toContain('obligatoire');
  });

  it('accepts only the options of a CHOICE', () => {
    const fields = fieldsOf(() =>
      renderTemplate(
        '{{public}}',
        [v('public', VariableType.CHOICE, true, ['jeunes', 'seniors'])],
        [{ name: 'public', value: 'autres' }],
      ),
    );
    expect(fields).toEqual([{ path: 'values.public', message: expect.stringContaining('jeunes ; seniors') }]);
  });

  it('refuses a body with more placeholders than the bound, naming the body', () => {
    const errors = new FieldErrors();
    const body = '{{x}} '.repeat(RENDER_LIMITS.placeholders + 1);
    validateVariables(
      body,
      [{ name: 'x', label: 'X', type: VariableType.TEXT, required: true }],
      'input',
      errors,
    );
    expect(errors.list).toEqual([{ path: 'input.body', message: expect.stringContaining('200 au plus') }]);
    const fine = new FieldErrors();
    validateVariables(
      '{{x}} '.repeat(RENDER_LIMITS.placeholders),
      [{ name: 'x', label: 'X', type: VariableType.TEXT, required: true }],
      'input',
      fine,
    );
    expect(fine.isEmpty).toBe(true);
  });

  it('refuses to render past the length bound before building the text, and too many values', () => {
    // A template saved before the bound: 10,000 placeholders filled with 5,000 characters would be 50 MB.
    const body = '{{x}}'.repeat(10_000);
    expect(
      fieldsOf(() =>
        renderTemplate(body, [v('x', VariableType.TEXT)], [{ name: 'x', value: 'a'.repeat(5000) }]),
      ),
    ).toEqual([{ path: 'values', message: expect.stringContaining('100') }]);
    expect(
      renderTemplate(
        '{{x}}'.repeat(20),
        [v('x', VariableType.TEXT)],
        [{ name: 'x', value: 'a'.repeat(5000) }],
      ),
    ).toHaveLength(100_000);
    const many = Array.from({ length: RENDER_LIMITS.values + 1 }, (_, i) => ({ name: `n${i}`, value: '1' }));
    expect(fieldsOf(() => renderTemplate('{{x}}', [v('x', VariableType.TEXT)], many))).toEqual([
      { path: 'values', message: '100 valeurs au plus.' },
    ]);
  });
});
