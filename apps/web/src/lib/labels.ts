// French words for the API's codes: a page never shows a code where a word exists.
import type {
  ClauseKind,
  Consideration,
  OrganisationKind,
  ProcedureType,
  SearchableType,
  VariableType,
} from '../gql/graphql';
import { cpvLabels, departmentName } from '@resocc/shared';

export const PROCEDURE_LABELS: Record<ProcedureType, string> = {
  APPEL_OFFRES_OUVERT: "Appel d'offres ouvert",
  APPEL_OFFRES_RESTREINT: "Appel d'offres restreint",
  DIALOGUE_COMPETITIF: 'Dialogue compétitif',
  PROCEDURE_ADAPTEE: 'Procédure adaptée (MAPA)',
  PROCEDURE_AVEC_NEGOCIATION: 'Procédure avec négociation',
  SANS_PUBLICITE_NI_MISE_EN_CONCURRENCE: 'Marché sans publicité ni mise en concurrence',
};

export const CLAUSE_KIND_LABELS: Record<ClauseKind, string> = {
  AWARD_CRITERION: "Critère d'attribution",
  PERFORMANCE_CONDITION: "Condition d'exécution",
  RESERVED_CONTRACT: 'Marché réservé',
  SELECTION_CRITERION: 'Critère de sélection des candidatures',
  TECHNICAL_SPECIFICATION: 'Spécification technique',
};

export const CONSIDERATION_LABELS: Record<Consideration, string> = {
  ENVIRONMENTAL: 'Environnementale',
  SOCIAL: 'Sociale',
};

export const TYPE_LABELS: Record<SearchableType, string> = {
  EXPERIENCE_POST: "Retour d'expérience",
  CLAUSE_TEMPLATE: 'Modèle de clause',
};

export const ORGANISATION_KIND_LABELS: Record<OrganisationKind, string> = {
  ASSOCIATION_RESEAU: 'Association ou réseau',
  COLLECTIVITE_TERRITORIALE: 'Collectivité territoriale',
  ENTREPRISE: 'Entreprise',
  ENTREPRISE_ESS: "Entreprise de l'économie sociale et solidaire",
  ETABLISSEMENT_PUBLIC: 'Établissement public',
  ETABLISSEMENT_SANTE: 'Établissement de santé',
  SERVICE_ETAT: "Service de l'État",
  STRUCTURE_HANDICAP: 'Structure du handicap (EA, ESAT)',
  STRUCTURE_INSERTION: "Structure d'insertion par l'activité économique",
};

export const VARIABLE_TYPE_LABELS: Record<VariableType, string> = {
  CHOICE: 'Choix dans une liste',
  DATE: 'Date',
  NUMBER: 'Nombre',
  PERCENT: 'Pourcentage',
  TEXT: 'Texte',
};

export function departmentLabel(code: string): string {
  const name = departmentName(code);
  return name === null ? `Département ${code}` : `${name} (${code})`;
}

/** The code's own French label, else its division's. */
export function cpvLabel(code: string): string {
  return cpvLabels(code)[0] ?? 'Libellé non disponible';
}

const DATE = new Intl.DateTimeFormat('fr-FR', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/Paris',
});
const NUMBER = new Intl.NumberFormat('fr-FR');

/** "29 novembre 2026". */
export function frenchDate(iso: string): string {
  return DATE.format(new Date(iso));
}

export function frenchNumber(n: number): string {
  return NUMBER.format(n);
}

export function plural(n: number, one: string, many: string): string {
  return `${frenchNumber(n)} ${n > 1 ? many : one}`;
}
