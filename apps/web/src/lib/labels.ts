// French words for the API's codes: a page never shows a code where a word exists.
import type {
  ClauseKind,
  Consideration,
  OrganisationKind,
  ProcedureType,
  SearchableType,
  VariableType,
} from '../gql/graphql';

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

export const DEPARTMENTS: Record<string, string> = {
  '01': 'Ain',
  '02': 'Aisne',
  '03': 'Allier',
  '04': 'Alpes-de-Haute-Provence',
  '05': 'Hautes-Alpes',
  '06': 'Alpes-Maritimes',
  '07': 'Ardèche',
  '08': 'Ardennes',
  '09': 'Ariège',
  '10': 'Aube',
  '11': 'Aude',
  '12': 'Aveyron',
  '13': 'Bouches-du-Rhône',
  '14': 'Calvados',
  '15': 'Cantal',
  '16': 'Charente',
  '17': 'Charente-Maritime',
  '18': 'Cher',
  '19': 'Corrèze',
  '2A': 'Corse-du-Sud',
  '2B': 'Haute-Corse',
  '21': "Côte-d'Or",
  '22': "Côtes-d'Armor",
  '23': 'Creuse',
  '24': 'Dordogne',
  '25': 'Doubs',
  '26': 'Drôme',
  '27': 'Eure',
  '28': 'Eure-et-Loir',
  '29': 'Finistère',
  '30': 'Gard',
  '31': 'Haute-Garonne',
  '32': 'Gers',
  '33': 'Gironde',
  '34': 'Hérault',
  '35': 'Ille-et-Vilaine',
  '36': 'Indre',
  '37': 'Indre-et-Loire',
  '38': 'Isère',
  '39': 'Jura',
  '40': 'Landes',
  '41': 'Loir-et-Cher',
  '42': 'Loire',
  '43': 'Haute-Loire',
  '44': 'Loire-Atlantique',
  '45': 'Loiret',
  '46': 'Lot',
  '47': 'Lot-et-Garonne',
  '48': 'Lozère',
  '49': 'Maine-et-Loire',
  '50': 'Manche',
  '51': 'Marne',
  '52': 'Haute-Marne',
  '53': 'Mayenne',
  '54': 'Meurthe-et-Moselle',
  '55': 'Meuse',
  '56': 'Morbihan',
  '57': 'Moselle',
  '58': 'Nièvre',
  '59': 'Nord',
  '60': 'Oise',
  '61': 'Orne',
  '62': 'Pas-de-Calais',
  '63': 'Puy-de-Dôme',
  '64': 'Pyrénées-Atlantiques',
  '65': 'Hautes-Pyrénées',
  '66': 'Pyrénées-Orientales',
  '67': 'Bas-Rhin',
  '68': 'Haut-Rhin',
  '69': 'Rhône',
  '70': 'Haute-Saône',
  '71': 'Saône-et-Loire',
  '72': 'Sarthe',
  '73': 'Savoie',
  '74': 'Haute-Savoie',
  '75': 'Paris',
  '76': 'Seine-Maritime',
  '77': 'Seine-et-Marne',
  '78': 'Yvelines',
  '79': 'Deux-Sèvres',
  '80': 'Somme',
  '81': 'Tarn',
  '82': 'Tarn-et-Garonne',
  '83': 'Var',
  '84': 'Vaucluse',
  '85': 'Vendée',
  '86': 'Vienne',
  '87': 'Haute-Vienne',
  '88': 'Vosges',
  '89': 'Yonne',
  '90': 'Territoire de Belfort',
  '91': 'Essonne',
  '92': 'Hauts-de-Seine',
  '93': 'Seine-Saint-Denis',
  '94': 'Val-de-Marne',
  '95': "Val-d'Oise",
  '971': 'Guadeloupe',
  '972': 'Martinique',
  '973': 'Guyane',
  '974': 'La Réunion',
  '976': 'Mayotte',
};

export function departmentLabel(code: string): string {
  const name = DEPARTMENTS[code];
  return name === undefined ? `Département ${code}` : `${name} (${code})`;
}

/** Labels of the CPV codes the network uses most (the common procurement vocabulary, in French). */
const CPV_LABELS: Record<string, string> = {
  '03142500': 'Œufs',
  '03221000': 'Légumes',
  '09310000': 'Électricité',
  '09330000': 'Énergie solaire',
  '15000000': 'Produits alimentaires, boissons, tabac et produits connexes',
  '15300000': 'Fruits, légumes et produits connexes',
  '15500000': 'Produits laitiers',
  '18100000': 'Vêtements professionnels, vêtements de travail spéciaux et accessoires',
  '18110000': 'Vêtements professionnels',
  '18130000': 'Vêtements de travail spéciaux',
  '22800000': 'Registres, classeurs, formulaires et autres articles imprimés de papeterie',
  '30192000': 'Fournitures de bureau',
  '30197630': "Papier d'impression",
  '30213000': 'Ordinateurs personnels',
  '30213100': 'Ordinateurs portables',
  '30213300': 'Ordinateurs de bureau',
  '30232110': 'Imprimantes laser',
  '32250000': 'Téléphones mobiles',
  '34110000': 'Voitures particulières',
  '34136000': 'Camionnettes',
  '34144900': 'Véhicules électriques',
  '34430000': 'Bicyclettes',
  '39130000': 'Mobilier de bureau',
  '39830000': 'Produits de nettoyage',
  '45111100': 'Travaux de démolition',
  '45214200': 'Travaux de construction de bâtiments scolaires',
  '45233140': 'Travaux routiers',
  '45261215': 'Travaux de couverture de toits en panneaux solaires',
  '45321000': "Travaux d'isolation thermique",
  '45442100': 'Travaux de peinture',
  '45453000': 'Travaux de réfection et de remise en état',
  '50312000': 'Entretien et réparation de matériel informatique',
  '50700000': "Services de réparation et d'entretien d'installations de bâtiments",
  '55520000': 'Services de traiteur',
  '55523100': 'Services de restauration scolaire',
  '55524000': 'Services de traiteur pour écoles',
  '60130000': 'Services spécialisés de transport routier de passagers',
  '71314000': "Services liés à l'énergie",
  '72000000':
    "Services de technologies de l'information, conseil, développement de logiciels, internet et appui",
  '72212000': "Services de programmation de logiciels d'application",
  '72413000': 'Services de conception de sites web',
  '72415000': "Services d'hébergement pour l'exploitation de sites web",
  '77310000': "Services de plantation et d'entretien des espaces verts",
  '77311000': "Services d'entretien des jardins et des parcs d'agrément",
  '79810000': "Services d'impression",
  '79999100': 'Services de numérisation',
  '85323000': 'Services de santé communautaires',
  '90500000': 'Services liés aux déchets et aux ordures',
  '90911200': 'Services de nettoyage de bâtiments',
  '90919200': 'Services de nettoyage de bureaux',
  '98310000': 'Services de blanchisserie et de nettoyage à sec',
};

export function cpvLabel(code: string): string {
  const digits = code.slice(0, 8);
  return CPV_LABELS[digits] ?? 'Libellé non disponible';
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
