// Word banks and sentence patterns of the synthetic French corpus (responsible public
// purchasing in Occitanie), and the 200 rotating search queries drawn from them.
import { Random } from './random';

/** Topics of each theme slug of the taxonomy (the Themes migration). */
export const THEME_TOPICS: Record<string, readonly string[]> = {
  'numerique-responsable': [
    'ordinateurs reconditionnés',
    'matériel informatique',
    'sobriété numérique',
    'écoconception des services numériques',
    'smartphones reconditionnés',
    'imprimantes partagées',
    'serveurs mutualisés',
    'logiciels libres',
    'réemploi des équipements',
    'déchets électroniques',
  ],
  alimentation: [
    'restauration collective',
    'produits biologiques',
    'circuits courts',
    'cantines scolaires',
    'repas végétariens',
    'producteurs locaux',
    'gaspillage alimentaire',
    'légumerie départementale',
    'denrées alimentaires',
    'produits sous signe de qualité',
  ],
  'batiment-travaux-publics': [
    'rénovation énergétique',
    'chantier de construction',
    'matériaux biosourcés',
    'réemploi des matériaux',
    'travaux de voirie',
    'isolation thermique',
    'déconstruction sélective',
    'béton bas carbone',
    'réhabilitation de logements',
    'charpente en bois local',
  ],
  energie: [
    'électricité renouvelable',
    'performance énergétique',
    'éclairage public',
    'chaufferie bois',
    'panneaux photovoltaïques',
    'réseau de chaleur',
    'économies d’énergie',
    'fourniture de gaz',
    'biomasse forestière',
    'sobriété énergétique',
  ],
  'mobilite-vehicules': [
    'véhicules électriques',
    'flotte automobile',
    'vélos à assistance électrique',
    'transport scolaire',
    'bornes de recharge',
    'autopartage',
    'poids lourds au biogaz',
    'mobilité douce',
    'location de véhicules',
    'covoiturage des agents',
  ],
  'proprete-entretien': [
    'nettoyage des locaux',
    'produits d’entretien écolabellisés',
    'entretien des espaces verts',
    'gestion des déchets',
    'collecte sélective',
    'désinfection des surfaces',
    'prestations de ménage',
    'nettoyage de la vitrerie',
    'tri des biodéchets',
    'propreté urbaine',
  ],
  'textiles-vetements': [
    'vêtements de travail',
    'équipements de protection individuelle',
    'uniformes des agents',
    'linge hospitalier',
    'coton biologique',
    'blanchisserie',
    'textiles recyclés',
    'chaussures de sécurité',
    'tenues professionnelles',
    'filière textile locale',
  ],
  'fournitures-bureau': [
    'fournitures de bureau',
    'papier recyclé',
    'mobilier de bureau',
    'cartouches d’encre remanufacturées',
    'mobilier reconditionné',
    'enveloppes',
    'consommables informatiques',
    'stylos rechargeables',
    'classeurs en carton',
    'impression et reprographie',
  ],
  'insertion-activite-economique': [
    'heures d’insertion',
    'structures d’insertion par l’activité économique',
    'clause sociale',
    'personnes éloignées de l’emploi',
    'chantier d’insertion',
    'entreprise d’insertion',
    'accompagnement socioprofessionnel',
    'facilitateur de clauses sociales',
    'retour à l’emploi',
    'demandeurs d’emploi de longue durée',
  ],
  handicap: [
    'travailleurs handicapés',
    'établissement et service d’aide par le travail',
    'entreprise adaptée',
    'marché réservé',
    'accessibilité des locaux',
    'sous-traitance au secteur protégé',
    'aménagement de poste',
    'inclusion professionnelle',
    'secteur du travail protégé et adapté',
    'reconnaissance de la qualité de travailleur handicapé',
  ],
  'achats-ess': [
    'économie sociale et solidaire',
    'coopératives',
    'sociétés coopératives et participatives',
    'associations intermédiaires',
    'commerce équitable',
    'recycleries',
    'entreprises solidaires d’utilité sociale',
    'utilité sociale',
    'circuit court solidaire',
    'société coopérative d’intérêt collectif',
  ],
};

const GENERIC_TOPICS = ['achat responsable', 'commande publique', 'développement durable', 'coût global'];

export function topicsOf(themes: readonly string[]): readonly string[] {
  const topics = themes.flatMap((slug) => THEME_TOPICS[slug] ?? []);
  return topics.length > 0 ? topics : GENERIC_TOPICS;
}

export const SOCIAL_THEMES = new Set(['insertion-activite-economique', 'handicap', 'achats-ess']);

const BUYERS = [
  'La métropole',
  'Le département',
  'La commune',
  'Le centre hospitalier',
  'L’université',
  'La région',
  'Le syndicat mixte',
  'La communauté de communes',
  'Le lycée',
  'L’office public de l’habitat',
  'La communauté d’agglomération',
  'Le service départemental d’incendie et de secours',
];

const PLACES = [
  'Montpellier',
  'Toulouse',
  'Nîmes',
  'Perpignan',
  'Béziers',
  'Carcassonne',
  'Albi',
  'Tarbes',
  'Sète',
  'Narbonne',
  'Montauban',
  'Rodez',
  'Castres',
  'Alès',
  'Auch',
  'Cahors',
  'Foix',
  'Mende',
  'Lunel',
  'Agde',
  'Millau',
  'Figeac',
  'Lourdes',
  'Pamiers',
  'Lodève',
];

const ACTIONS = [
  'a intégré',
  'a expérimenté',
  'a généralisé',
  'a renforcé',
  'a introduit',
  'a mis en place',
  'a structuré',
];

const MECHANISMS = [
  'une clause d’exécution',
  'un critère d’attribution',
  'un allotissement adapté',
  'un sourcing préalable',
  'une variante environnementale',
  'un marché réservé',
  'une spécification technique',
  'un critère de performance environnementale',
  'une condition d’exécution sociale',
  'un accord-cadre multi-attributaire',
];

const RESULTS = [
  'des économies durables',
  'une meilleure qualité de service',
  'des emplois pérennes',
  'une baisse des émissions de gaz à effet de serre',
  'davantage de candidatures locales',
  'une réduction des déchets',
  'un coût global maîtrisé',
  'une satisfaction accrue des usagers',
];

const SUPPLIERS = [
  'entreprises locales',
  'structures de l’économie sociale et solidaire',
  'structures d’insertion du territoire',
  'établissements du secteur protégé',
  'entreprises adaptées',
  'petites et moyennes entreprises',
  'producteurs agricoles',
  'artisans du bâtiment',
];

const ADVICE = [
  'rencontrer les fournisseurs en amont',
  'allotir finement le marché',
  'prévoir un suivi annuel des indicateurs',
  'associer le facilitateur de clauses dès la rédaction',
  'pondérer le critère environnemental à vingt pour cent',
  'demander un bilan carbone simplifié',
  'former les prescripteurs et les utilisateurs',
  'publier un avis de préinformation',
  'organiser une visite des ateliers',
  'mesurer le coût du cycle de vie',
];

const INDICATORS = [
  'heures de travail',
  'tonnes de déchets évitées',
  'repas servis',
  'postes équipés',
  'kilomètres parcourus',
  'mètres carrés rénovés',
  'personnes accompagnées',
  'kilowattheures économisés',
];

const TITLE_PATTERNS: readonly ((t: string, place: string, r: Random) => string)[] = [
  (t, place) => `${capitalise(t)} à ${place} : retour d’expérience`,
  (t, place, r) => `${capitalise(t)} : ${r.pick(RESULTS)} à ${place}`,
  (t, place) => `Comment ${place} a transformé ses achats de ${t}`,
  (t, _place, r) => `${capitalise(r.pick(MECHANISMS).replace(/^(un|une) /, ''))} pour ${t}`,
  (t, place, r) => `${r.pick(BUYERS)} de ${place} et ${t}`,
  (t, _place, r) => `Bilan de trois ans de ${t} avec les ${r.pick(SUPPLIERS)}`,
];

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function sentence(r: Random, topics: readonly string[], place: string): string {
  const topic = r.pick(topics);
  switch (r.int(0, 7)) {
    case 0:
      return `${r.pick(BUYERS)} de ${place} ${r.pick(ACTIONS)} ${r.pick(MECHANISMS)} pour ${topic}.`;
    case 1:
      return `Le marché portait sur ${topic} et ${r.pick(topics)}, avec ${r.pick(MECHANISMS)}.`;
    case 2:
      return `Le sourcing auprès des ${r.pick(SUPPLIERS)} a permis ${r.pick(RESULTS)}.`;
    case 3:
      return `Au total, ${r.int(120, 9000)} ${r.pick(INDICATORS)} ont été comptabilisées la première année.`;
    case 4:
      return `Nous recommandons de ${r.pick(ADVICE)} avant de lancer la consultation sur ${topic}.`;
    case 5:
      return `Les offres ont été analysées selon le prix, la valeur technique et ${r.pick(MECHANISMS)}.`;
    case 6:
      return `Le titulaire rend compte chaque trimestre de ${topic} et des ${r.pick(INDICATORS)}.`;
    default:
      return `Les ${r.pick(SUPPLIERS)} de ${place} ont répondu nombreux, ce qui a favorisé ${r.pick(RESULTS)}.`;
  }
}

function paragraph(r: Random, topics: readonly string[], place: string, sentences: number): string {
  return Array.from({ length: sentences }, () => sentence(r, topics, place)).join(' ');
}

export interface PostText {
  title: string;
  summary: string;
  body: string;
  bodyHtml: string;
  outcomes: string | null;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Title, summary, Markdown body (and a simple HTML rendering of it), outcomes. */
export function postText(r: Random, themes: readonly string[]): PostText {
  const topics = topicsOf(themes);
  const place = r.pick(PLACES);
  const title = r.pick(TITLE_PATTERNS)(r.pick(topics), place, r).slice(0, 200);
  const summary = paragraph(r, topics, place, r.int(1, 2)).slice(0, 1000);
  const paragraphs = Array.from({ length: r.int(2, 4) }, () => paragraph(r, topics, place, r.int(2, 4)));
  const bullets = r.chance(0.5) ? Array.from({ length: r.int(2, 4) }, () => r.pick(ADVICE)) : [];
  const body = [
    `## Contexte`,
    paragraphs[0],
    ...paragraphs.slice(1),
    ...(bullets.length > 0 ? ['## Conseils', bullets.map((b) => `- ${capitalise(b)}`).join('\n')] : []),
  ].join('\n\n');
  const bodyHtml = [
    '<h2>Contexte</h2>',
    ...paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    ...(bullets.length > 0
      ? [
          '<h2>Conseils</h2>',
          `<ul>${bullets.map((b) => `<li>${escapeHtml(capitalise(b))}</li>`).join('')}</ul>`,
        ]
      : []),
  ].join('\n');
  const outcomes = r.chance(0.6) ? sentence(r, topics, place) : null;
  return { title, summary, body, bodyHtml, outcomes };
}

export const CLAUSE_KINDS = [
  'TECHNICAL_SPECIFICATION',
  'SELECTION_CRITERION',
  'AWARD_CRITERION',
  'PERFORMANCE_CONDITION',
  'RESERVED_CONTRACT',
] as const;

const LEGAL_REFERENCES = [
  'Article L2112-2 du code de la commande publique',
  'Article L2113-12 du code de la commande publique',
  'Article L2113-13 du code de la commande publique',
  'Article R2152-7 du code de la commande publique',
  'Article R2111-10 du code de la commande publique',
  'Loi n° 2021-1104 du 22 août 2021 (Climat et résilience)',
  'Loi n° 2020-105 du 10 février 2020 (AGEC)',
  'Article L5213-13 du code du travail',
];

interface VariableSpec {
  name: string;
  label: string;
  type: 'TEXT' | 'NUMBER' | 'PERCENT' | 'DATE' | 'CHOICE';
  options: string[] | null;
}

const VARIABLES: readonly VariableSpec[] = [
  { name: 'heures', label: 'Nombre d’heures d’insertion', type: 'NUMBER', options: null },
  { name: 'pourcentage', label: 'Part minimale du montant', type: 'PERCENT', options: null },
  { name: 'date_debut', label: 'Date de début d’exécution', type: 'DATE', options: null },
  {
    name: 'niveau',
    label: 'Niveau d’exigence',
    type: 'CHOICE',
    options: ['standard', 'renforcé', 'exemplaire'],
  },
  { name: 'structure', label: 'Structure partenaire', type: 'TEXT', options: null },
];

export interface TemplateText {
  title: string;
  summary: string;
  body: string;
  legalReferences: string[];
  variables: { name: string; label: string; type: string; required: boolean; options: string[] | null }[];
}

export function templateText(r: Random, kind: string, themes: readonly string[]): TemplateText {
  const topics = topicsOf(themes);
  const topic = r.pick(topics);
  const social = themes.some((t) => SOCIAL_THEMES.has(t));
  const titles: Record<string, string> = {
    TECHNICAL_SPECIFICATION: `Spécification technique : ${topic}`,
    SELECTION_CRITERION: `Critère de sélection des candidatures — ${topic}`,
    AWARD_CRITERION: `Critère d’attribution ${social ? 'social' : 'environnemental'} pour ${topic}`,
    PERFORMANCE_CONDITION: `Condition d’exécution ${social ? 'sociale' : 'environnementale'} : ${topic}`,
    RESERVED_CONTRACT: `Marché réservé aux ${r.pick(SUPPLIERS)} : ${topic}`,
  };
  const variables = r.sample(VARIABLES, r.int(1, 3));
  const clauses = variables.map((v) => {
    switch (v.type) {
      case 'NUMBER':
        return `Le titulaire réalise au moins {{${v.name}}} heures de travail confiées à des personnes éloignées de l’emploi.`;
      case 'PERCENT':
        return `Au moins {{${v.name}}} du montant du marché porte sur ${r.pick(topics)}.`;
      case 'DATE':
        return `Les engagements relatifs à ${topic} s’appliquent à compter du {{${v.name}}}.`;
      case 'CHOICE':
        return `Le niveau d’exigence retenu pour ${r.pick(topics)} est {{${v.name}}}.`;
      default:
        return `Le titulaire travaille avec {{${v.name}}} pour ${r.pick(topics)}.`;
    }
  });
  const body = [
    `Le titulaire s’engage, pendant toute la durée du marché, sur ${topic}.`,
    ...clauses,
    `Il remet chaque année un bilan des ${r.pick(INDICATORS)} et des actions menées.`,
  ].join('\n\n');
  return {
    title: titles[kind] ?? `Clause type : ${topic}`,
    summary:
      `Clause prête à l’emploi pour ${topic}, à adapter au marché. ${sentence(r, topics, r.pick(PLACES))}`.slice(
        0,
        1000,
      ),
    body,
    legalReferences: r.sample(LEGAL_REFERENCES, r.int(1, 2)),
    variables: variables.map((v) => ({
      name: v.name,
      label: v.label,
      type: v.type,
      required: true,
      options: v.options,
    })),
  };
}

// ---------------------------------------------------------------------------------------
// Queries: whole words, prefixes (search as you type), one typo, accent variants.

export type QueryKind = 'words' | 'prefix' | 'typo' | 'accents';

export interface BenchQuery {
  kind: QueryKind;
  text: string;
}

const EXTRA_TERMS = [
  'insertion',
  'clause sociale',
  'marché réservé',
  'réemploi',
  'économie circulaire',
  'Montpellier',
  'Toulouse',
  'critère d’attribution',
  'performance environnementale',
  'heures insertion chantier',
  'coût global',
  'producteurs locaux cantine',
];

function stripAccents(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

function typo(r: Random, word: string): string {
  const letters = [...word];
  const i = r.int(1, letters.length - 2);
  switch (r.int(0, 2)) {
    case 0: // swap two neighbours
      [letters[i], letters[i + 1]] = [letters[i + 1], letters[i]];
      return letters.join('');
    case 1: // drop one letter
      letters.splice(i, 1);
      return letters.join('');
    default: // replace one letter
      letters[i] = letters[i] === 'e' ? 'a' : 'e';
      return letters.join('');
  }
}

/** The rotating queries: `count` (default 200), a quarter of each kind, deterministic. */
export function benchQueries(count = 200): BenchQuery[] {
  const r = new Random(20_260_105);
  const terms = [...Object.values(THEME_TOPICS).flat(), ...EXTRA_TERMS];
  const words = terms
    .flatMap((t) => t.split(/[\s’']+/))
    .filter((w) => w.length >= 6 && !w.includes('-') && /^[\p{L}]+$/u.test(w));
  const kinds: QueryKind[] = ['words', 'prefix', 'typo', 'accents'];
  const queries: BenchQuery[] = [];
  for (let i = 0; i < count; i++) {
    const kind = kinds[i % kinds.length];
    const term = r.pick(terms);
    let text: string;
    switch (kind) {
      case 'words': {
        // one to three whole words of a topic
        const parts = term.split(' ');
        text = parts.slice(0, r.int(1, Math.min(3, parts.length))).join(' ');
        break;
      }
      case 'prefix': {
        // search as you type: leading whole words, the last one cut after 3 to 7 letters
        const parts = term.split(' ').filter((p) => p.length > 0);
        const n = r.int(1, Math.min(2, parts.length));
        const last = parts[n - 1];
        const cut = last.slice(0, Math.max(3, Math.min(last.length - 1, r.int(3, 7))));
        text = [...parts.slice(0, n - 1), cut].join(' ');
        break;
      }
      case 'typo':
        text = typo(r, r.pick(words));
        if (r.chance(0.4)) text = `${r.pick(words)} ${text}`;
        break;
      default: {
        // accents removed, or upper case, or both
        const variant = r.int(0, 2);
        text =
          variant === 0
            ? stripAccents(term)
            : variant === 1
              ? term.toUpperCase()
              : stripAccents(term).toUpperCase();
        break;
      }
    }
    queries.push({ kind, text });
  }
  return queries;
}
