/**
 * Demo content for the RES'OCC-style responsible public-procurement platform:
 * reusable clause templates and experience reports (retours d'expérience).
 * Data only: every organisation and e-mail address is fictitious.
 */

export type DemoVisibility = 'PUBLIC' | 'MEMBERS';
export type DemoStatus = 'PUBLISHED' | 'DRAFT' | 'IN_REVIEW';
export type DemoConsideration = 'SOCIAL' | 'ENVIRONMENTAL';
export type DemoClauseKind =
  | 'TECHNICAL_SPECIFICATION'
  | 'SELECTION_CRITERION'
  | 'AWARD_CRITERION'
  | 'PERFORMANCE_CONDITION'
  | 'RESERVED_CONTRACT';
export type DemoProcedure =
  | 'PROCEDURE_ADAPTEE'
  | 'APPEL_OFFRES_OUVERT'
  | 'APPEL_OFFRES_RESTREINT'
  | 'PROCEDURE_AVEC_NEGOCIATION'
  | 'DIALOGUE_COMPETITIF'
  | 'SANS_PUBLICITE_NI_MISE_EN_CONCURRENCE';
export type DemoVariableType = 'TEXT' | 'NUMBER' | 'PERCENT' | 'DATE' | 'CHOICE';

export interface DemoVariable {
  name: string;
  label: string;
  type: DemoVariableType;
  required: boolean;
  options?: string[];
}

export interface DemoTemplate {
  key: string;
  author: string;
  title: string;
  summary: string;
  kind: DemoClauseKind;
  considerations: DemoConsideration[];
  themes: string[];
  legalReferences: string[];
  body: string;
  variables: DemoVariable[];
  visibility: DemoVisibility;
  status: DemoStatus;
}

export interface DemoPost {
  key: string;
  author: string;
  title: string;
  summary: string;
  body: string;
  themes: string[];
  considerations: DemoConsideration[];
  procedureType: DemoProcedure | null;
  cpvCodes: string[];
  contractYear: number;
  departmentCode: string;
  outcomes: string;
  templates: string[];
  visibility: DemoVisibility;
  status: DemoStatus;
}

export const DEMO_TEMPLATES: readonly DemoTemplate[] = [
  {
    key: 'insertion-heures',
    author: 'acheteur@toulouse.example',
    title: "Condition d'exécution : heures d'insertion réservées à des publics éloignés de l'emploi",
    summary:
      "Clause d'insertion classique des marchés de travaux et de services : le titulaire réalise un volume " +
      "d'heures de travail au profit de personnes en difficulté d'insertion, suivi par un facilitateur.",
    kind: 'PERFORMANCE_CONDITION',
    considerations: ['SOCIAL'],
    themes: ['insertion-activite-economique', 'batiment-travaux-publics'],
    legalReferences: ['CCP art. L2112-2'],
    body: `En application de l'article L2112-2 du code de la commande publique, le titulaire s'engage à réaliser une action d'insertion professionnelle au bénéfice de personnes rencontrant des difficultés sociales ou professionnelles particulières (demandeurs d'emploi de longue durée, bénéficiaires de minima sociaux, jeunes sans qualification, travailleurs handicapés, etc.).

Le volume d'heures d'insertion à réaliser est fixé à {{nombre_heures}} heures, soit environ {{pourcentage_heures}} % des heures de main-d'œuvre estimées pour l'exécution du marché.

Le titulaire peut satisfaire cet engagement par l'embauche directe, par la mise à disposition de salariés par une structure d'insertion par l'activité économique (SIAE) ou un groupement d'employeurs pour l'insertion et la qualification (GEIQ), ou par la sous-traitance à une SIAE.

L'éligibilité des publics et le suivi de l'action sont assurés par {{facilitateur}}. Le titulaire transmet chaque mois un état des heures réalisées. En cas d'inexécution non justifiée, une pénalité de {{penalite_heure}} euros HT par heure non réalisée est appliquée.`,
    variables: [
      { name: 'nombre_heures', label: "Nombre d'heures d'insertion", type: 'NUMBER', required: true },
      {
        name: 'pourcentage_heures',
        label: "Part des heures de main-d'œuvre estimées",
        type: 'PERCENT',
        required: true,
      },
      {
        name: 'facilitateur',
        label: 'Structure facilitatrice chargée du suivi',
        type: 'TEXT',
        required: true,
      },
      {
        name: 'penalite_heure',
        label: 'Pénalité par heure non réalisée (euros HT)',
        type: 'NUMBER',
        required: false,
      },
    ],
    visibility: 'PUBLIC',
    status: 'PUBLISHED',
  },
  {
    key: 'insertion-critere-attribution',
    author: 'acheteuse@montpellier.example',
    title: "Critère d'attribution : performance en matière d'insertion professionnelle",
    summary:
      "Critère pondéré qui note la qualité de l'accompagnement proposé aux personnes en insertion, en " +
      "complément d'une condition d'exécution fixant un volume minimal d'heures.",
    kind: 'AWARD_CRITERION',
    considerations: ['SOCIAL'],
    themes: ['insertion-activite-economique'],
    legalReferences: ['CCP art. L2152-7', 'CCP art. R2152-7'],
    body: `Le critère « performances en matière d'insertion professionnelle des publics en difficulté » est pondéré à {{ponderation}} % de la note globale.

Il est apprécié au vu d'une note méthodologique de quatre pages au plus, qui présente les moyens que le candidat mettra en œuvre au-delà du volume minimal de {{heures_minimales}} heures fixé par le cahier des clauses administratives particulières : tutorat, formation, diversité des postes proposés, perspectives d'emploi durable à l'issue du marché.

L'élément d'appréciation prépondérant est : {{element_principal}}.

Un engagement chiffré qui ne serait pas étayé par des moyens concrets ne rapporte aucun point.`,
    variables: [
      { name: 'ponderation', label: 'Pondération du critère', type: 'PERCENT', required: true },
      { name: 'heures_minimales', label: "Volume minimal d'heures exigé", type: 'NUMBER', required: true },
      {
        name: 'element_principal',
        label: "Élément d'appréciation prépondérant",
        type: 'CHOICE',
        required: true,
        options: [
          "la qualité de l'accompagnement socioprofessionnel",
          'les actions de formation qualifiante',
          "les perspectives d'embauche durable",
        ],
      },
    ],
    visibility: 'PUBLIC',
    status: 'PUBLISHED',
  },
  {
    key: 'marche-reserve-siae',
    author: 'achats@nimes.example',
    title: "Marché réservé aux structures d'insertion par l'activité économique (SIAE)",
    summary:
      "Réservation d'un marché ou d'un lot aux SIAE (EI, ETTI, AI, ACI) et structures équivalentes, " +
      "adaptée aux prestations d'entretien, de propreté ou d'espaces verts.",
    kind: 'RESERVED_CONTRACT',
    considerations: ['SOCIAL'],
    themes: ['insertion-activite-economique', 'proprete-entretien'],
    legalReferences: ['CCP art. L2113-13'],
    body: `En application de l'article L2113-13 du code de la commande publique, le lot n° {{numero_lot}}, qui porte sur {{objet_prestation}}, est réservé aux structures d'insertion par l'activité économique mentionnées à l'article L5132-4 du code du travail, ainsi qu'aux structures équivalentes, lorsqu'elles emploient une proportion minimale de 50 % de travailleurs défavorisés.

Le candidat joint à son offre la copie de son conventionnement en cours de validité ou tout document équivalent. En cas de groupement, chaque membre doit remplir cette condition.

Le marché est conclu pour une durée de {{duree_mois}} mois. Le titulaire présente chaque année un bilan des parcours d'insertion réalisés dans le cadre du marché (nombre de salariés, heures travaillées, sorties vers l'emploi ou la formation).`,
    variables: [
      { name: 'numero_lot', label: 'Numéro du lot réservé', type: 'NUMBER', required: true },
      { name: 'objet_prestation', label: 'Objet de la prestation réservée', type: 'TEXT', required: true },
      { name: 'duree_mois', label: 'Durée du marché (mois)', type: 'NUMBER', required: true },
    ],
    visibility: 'PUBLIC',
    status: 'PUBLISHED',
  },
  {
    key: 'marche-reserve-esat-ea',
    author: 'achats@herault.example',
    title: 'Marché réservé aux entreprises adaptées (EA) et aux ESAT',
    summary:
      "Réservation d'un lot aux structures du secteur du travail protégé et adapté, avec une visite des " +
      "lieux pour permettre aux structures d'adapter leur organisation.",
    kind: 'RESERVED_CONTRACT',
    considerations: ['SOCIAL'],
    themes: ['handicap'],
    legalReferences: ['CCP art. L2113-12'],
    body: `En application de l'article L2113-12 du code de la commande publique, le lot n° {{numero_lot}} ({{objet_lot}}) est réservé aux entreprises adaptées mentionnées à l'article L5213-13 du code du travail, aux établissements et services d'aide par le travail mentionnés à l'article L344-2 du code de l'action sociale et des familles, ainsi qu'aux structures équivalentes, lorsqu'ils emploient une proportion minimale de 50 % de travailleurs handicapés.

Le candidat justifie de son statut par tout moyen (agrément, autorisation, contrat pluriannuel d'objectifs et de moyens). Une visite des lieux, facultative, est organisée jusqu'au {{date_visite}} afin de permettre aux structures d'adapter les postes de travail.

Le titulaire décrit dans son mémoire technique l'encadrement prévu et les aménagements de poste mis en œuvre pour l'exécution des prestations.`,
    variables: [
      { name: 'numero_lot', label: 'Numéro du lot réservé', type: 'NUMBER', required: true },
      { name: 'objet_lot', label: 'Objet du lot', type: 'TEXT', required: true },
      { name: 'date_visite', label: 'Date limite de visite des lieux', type: 'DATE', required: false },
    ],
    visibility: 'PUBLIC',
    status: 'PUBLISHED',
  },
  {
    key: 'marche-reserve-ess',
    author: 'admin@reseau.example',
    title:
      "Marché réservé aux entreprises de l'économie sociale et solidaire (services de santé, sociaux, culturels)",
    summary:
      "Réservation prévue pour certains services de santé, sociaux ou culturels aux entreprises de l'ESS, " +
      'pour une durée de trois ans au plus.',
    kind: 'RESERVED_CONTRACT',
    considerations: ['SOCIAL'],
    themes: ['achats-ess'],
    legalReferences: ['CCP art. L2113-15'],
    body: `En application de l'article L2113-15 du code de la commande publique, le présent marché, qui porte sur des services {{categorie_services}} figurant dans la liste publiée par avis au Journal officiel, est réservé aux entreprises de l'économie sociale et solidaire au sens de l'article 1er de la loi n° 2014-856 du 31 juillet 2014, ainsi qu'aux structures équivalentes, qui remplissent les conditions prévues par le code : mission de service public liée à la prestation, réinvestissement des bénéfices, gouvernance associant les salariés ou les usagers.

Le marché est conclu pour une durée de {{duree_mois}} mois. Cette durée ne peut excéder trois ans.

Le candidat joint à son offre ses statuts et tout document établissant qu'il remplit ces conditions.`,
    variables: [
      {
        name: 'categorie_services',
        label: 'Catégorie de services',
        type: 'CHOICE',
        required: true,
        options: ['de santé', 'sociaux', 'culturels'],
      },
      { name: 'duree_mois', label: 'Durée du marché en mois (36 au plus)', type: 'NUMBER', required: true },
    ],
    visibility: 'MEMBERS',
    status: 'PUBLISHED',
  },
  {
    key: 'informatique-reconditionne-lot',
    author: 'acheteuse@montpellier.example',
    title: 'Spécification technique : part de matériel informatique reconditionné',
    summary:
      "Exige une part minimale d'ordinateurs reconditionnés, avec un grade esthétique, une capacité de " +
      "batterie et une garantie définis, pour contribuer à l'objectif réglementaire de réemploi.",
    kind: 'TECHNICAL_SPECIFICATION',
    considerations: ['ENVIRONMENTAL'],
    themes: ['numerique-responsable'],
    legalReferences: ['CCP art. L2111-1', 'CCP art. R2111-4', 'Loi n° 2021-1104 du 22 août 2021, art. 35'],
    body: `Au moins {{part_reconditionne}} % des ordinateurs livrés au titre du marché sont des équipements reconditionnés, issus du réemploi, conformément aux objectifs fixés par le décret n° 2021-254 du 9 mars 2021.

Chaque équipement reconditionné respecte les exigences suivantes :
- état esthétique minimal : {{grade_minimal}} ;
- batterie présentant au moins {{capacite_batterie}} % de sa capacité d'origine, ou remplacée ;
- effacement certifié des données du précédent utilisateur et système d'exploitation réinstallé ;
- garantie de {{garantie_mois}} mois, pièces et main-d'œuvre, identique à celle du matériel neuf.

Le titulaire fournit, pour chaque lot livré, la fiche de reconditionnement (tests réalisés, pièces remplacées) et l'attestation d'effacement des données.`,
    variables: [
      {
        name: 'part_reconditionne',
        label: 'Part minimale de matériel reconditionné',
        type: 'PERCENT',
        required: true,
      },
      {
        name: 'grade_minimal',
        label: 'Grade esthétique minimal',
        type: 'CHOICE',
        required: true,
        options: [
          'grade A (quasi neuf)',
          "grade B (légères traces d'usage)",
          "grade C (traces d'usage visibles)",
        ],
      },
      {
        name: 'capacite_batterie',
        label: 'Capacité minimale de batterie résiduelle',
        type: 'PERCENT',
        required: true,
      },
      { name: 'garantie_mois', label: 'Durée de garantie (mois)', type: 'NUMBER', required: true },
    ],
    visibility: 'PUBLIC',
    status: 'PUBLISHED',
  },
  {
    key: 'indice-reparabilite',
    author: 'achats@universite.example',
    title: "Critère d'attribution : réparabilité et disponibilité des pièces détachées",
    summary:
      "Critère environnemental fondé sur l'indice de réparabilité affiché et la durée de disponibilité " +
      'des pièces détachées, applicable aux ordinateurs, smartphones et imprimantes.',
    kind: 'AWARD_CRITERION',
    considerations: ['ENVIRONMENTAL'],
    themes: ['numerique-responsable'],
    legalReferences: ['CCP art. L2152-7', 'CCP art. R2152-7'],
    body: `Le critère « performances en matière de protection de l'environnement : réparabilité des équipements » est pondéré à {{ponderation}} % de la note globale.

Il est noté comme suit :
- la moitié des points selon l'indice de réparabilité (ou de durabilité lorsqu'il s'applique) des modèles proposés ; un indice inférieur à {{indice_minimal}} sur 10 ne rapporte aucun point ;
- l'autre moitié selon la durée pendant laquelle le fabricant s'engage à fournir les pièces détachées, au-delà de {{duree_pieces_ans}} ans à compter de la livraison.

Le candidat joint la fiche de calcul de l'indice de chaque modèle et l'engagement écrit du fabricant.`,
    variables: [
      { name: 'ponderation', label: 'Pondération du critère', type: 'PERCENT', required: true },
      {
        name: 'indice_minimal',
        label: 'Indice minimal donnant des points (sur 10)',
        type: 'NUMBER',
        required: true,
      },
      {
        name: 'duree_pieces_ans',
        label: 'Durée de référence des pièces détachées (ans)',
        type: 'NUMBER',
        required: true,
      },
    ],
    visibility: 'PUBLIC',
    status: 'PUBLISHED',
  },
  {
    key: 'extension-garantie-pieces',
    author: 'achats@universite.example',
    title: "Condition d'exécution : garantie étendue et réparation sur site",
    summary:
      "Allonge la durée d'usage du matériel informatique par une garantie étendue, un délai de réparation " +
      'et une obligation de privilégier la réparation au remplacement.',
    kind: 'PERFORMANCE_CONDITION',
    considerations: ['ENVIRONMENTAL'],
    themes: ['numerique-responsable'],
    legalReferences: ['CCP art. L2112-2'],
    body: `Le titulaire garantit les équipements livrés pendant {{duree_garantie_ans}} ans, pièces, main-d'œuvre et déplacement compris.

Pendant toute la durée de la garantie, il intervient dans un délai de {{delai_intervention}} après signalement et privilégie la réparation au remplacement de l'équipement. Le remplacement n'est admis que si la réparation est techniquement impossible ; il est alors justifié par un rapport d'intervention.

Le titulaire s'engage à tenir à disposition de l'acheteur les pièces détachées nécessaires pendant {{duree_pieces_ans}} ans après la dernière livraison.`,
    variables: [
      { name: 'duree_garantie_ans', label: 'Durée de la garantie (ans)', type: 'NUMBER', required: true },
      {
        name: 'delai_intervention',
        label: "Délai d'intervention",
        type: 'CHOICE',
        required: true,
        options: ['un jour ouvré', 'trois jours ouvrés', 'cinq jours ouvrés'],
      },
      {
        name: 'duree_pieces_ans',
        label: 'Disponibilité des pièces détachées (ans)',
        type: 'NUMBER',
        required: true,
      },
    ],
    visibility: 'MEMBERS',
    status: 'PUBLISHED',
  },
  {
    key: 'reprise-deee-fin-de-vie',
    author: 'achats@region.example',
    title: "Condition d'exécution : reprise des équipements en fin de vie et priorité au réemploi",
    summary:
      "Organise l'enlèvement des équipements électriques et électroniques usagés, leur reconditionnement " +
      'en priorité et la traçabilité de leur devenir, avec un objectif chiffré de réemploi.',
    kind: 'PERFORMANCE_CONDITION',
    considerations: ['ENVIRONMENTAL', 'SOCIAL'],
    themes: ['numerique-responsable', 'insertion-activite-economique'],
    legalReferences: ['CCP art. L2112-2', 'Loi n° 2021-1104 du 22 août 2021, art. 35'],
    body: `Le titulaire assure l'enlèvement des équipements informatiques et téléphoniques réformés selon une fréquence {{frequence_enlevement}}.

Il respecte la hiérarchie des modes de traitement des déchets : au moins {{taux_reemploi}} % des équipements enlevés, en nombre, sont reconditionnés en vue d'un réemploi ; les autres sont confiés à une filière agréée de traitement des déchets d'équipements électriques et électroniques (DEEE).

Le titulaire délivre un certificat d'effacement des données pour chaque support de stockage et remet, au plus tard le {{date_premier_bilan}}, puis chaque année, un bilan indiquant le devenir des équipements (réemploi, recyclage, élimination) et, le cas échéant, les heures de travail réalisées par des salariés en insertion.`,
    variables: [
      {
        name: 'frequence_enlevement',
        label: "Fréquence d'enlèvement",
        type: 'CHOICE',
        required: true,
        options: ['mensuelle', 'trimestrielle', 'à la demande'],
      },
      { name: 'taux_reemploi', label: 'Taux minimal de réemploi', type: 'PERCENT', required: true },
      { name: 'date_premier_bilan', label: 'Date de remise du premier bilan', type: 'DATE', required: true },
    ],
    visibility: 'PUBLIC',
    status: 'PUBLISHED',
  },
  {
    key: 'ecoconception-logiciel',
    author: 'achats@universite.example',
    title: "Spécification technique : écoconception d'un service numérique",
    summary:
      "Exigences de sobriété pour un site web ou une application : référentiel d'écoconception, poids " +
      'des pages, nombre de requêtes et compatibilité avec des terminaux anciens.',
    kind: 'TECHNICAL_SPECIFICATION',
    considerations: ['ENVIRONMENTAL'],
    themes: ['numerique-responsable'],
    legalReferences: ['CCP art. L2111-1', 'CCP art. R2111-4'],
    body: `Le service numérique est conçu et développé conformément au {{referentiel}}. Le titulaire remet, à chaque livraison, la déclaration d'écoconception tenue à jour.

Les exigences minimales suivantes s'appliquent aux parcours principaux :
- poids de chaque page inférieur à {{poids_page_max}} Ko au premier chargement ;
- nombre de requêtes inférieur à {{nombre_requetes_max}} par page ;
- fonctionnement complet sur des terminaux et navigateurs de {{anciennete_terminaux}} ans d'âge ;
- absence de lecture automatique de vidéos et de traceurs publicitaires.

Ces valeurs sont mesurées par un outil libre désigné d'un commun accord, lors de la vérification d'aptitude.`,
    variables: [
      {
        name: 'referentiel',
        label: "Référentiel d'écoconception",
        type: 'CHOICE',
        required: true,
        options: [
          "référentiel général d'écoconception de services numériques (RGESN)",
          "guide de bonnes pratiques de l'Institut du numérique responsable",
        ],
      },
      { name: 'poids_page_max', label: "Poids maximal d'une page (Ko)", type: 'NUMBER', required: true },
      {
        name: 'nombre_requetes_max',
        label: 'Nombre maximal de requêtes par page',
        type: 'NUMBER',
        required: true,
      },
      {
        name: 'anciennete_terminaux',
        label: 'Âge des terminaux à supporter (ans)',
        type: 'NUMBER',
        required: true,
      },
    ],
    visibility: 'PUBLIC',
    status: 'PUBLISHED',
  },
  {
    key: 'egalim-produits-durables',
    author: 'achats@region.example',
    title: 'Spécification technique : produits durables et de qualité en restauration collective (EGalim)',
    summary:
      'Traduit les objectifs EGalim dans le cahier des charges : part de produits durables et de qualité, ' +
      'dont bio, part de viandes et poissons durables, et bilan périodique des achats.',
    kind: 'TECHNICAL_SPECIFICATION',
    considerations: ['ENVIRONMENTAL'],
    themes: ['alimentation'],
    legalReferences: ['CCP art. L2111-1', 'CCP art. R2111-4', 'Loi EGalim (n° 2018-938)'],
    body: `Les denrées fournies comprennent, en valeur d'achat hors taxes sur l'année, au moins {{part_durable}} % de produits durables et de qualité au sens de l'article L230-5-1 du code rural et de la pêche maritime (produits sous signe officiel de qualité ou mention valorisante, issus d'exploitations certifiées de haute valeur environnementale, etc.), dont au moins {{part_bio}} % de produits issus de l'agriculture biologique ou en conversion.

Pour les viandes et poissons, la part de produits durables et de qualité est d'au moins {{part_viandes_poissons}} %.

Le titulaire transmet un bilan {{periodicite_bilan}} des achats par famille de produits, établi selon les catégories de la plateforme nationale de suivi, et joint les justificatifs de certification sur simple demande.`,
    variables: [
      {
        name: 'part_durable',
        label: 'Part de produits durables et de qualité',
        type: 'PERCENT',
        required: true,
      },
      { name: 'part_bio', label: 'Part de produits biologiques', type: 'PERCENT', required: true },
      {
        name: 'part_viandes_poissons',
        label: 'Part de viandes et poissons durables',
        type: 'PERCENT',
        required: true,
      },
      {
        name: 'periodicite_bilan',
        label: 'Périodicité du bilan',
        type: 'CHOICE',
        required: true,
        options: ['trimestriel', 'semestriel', 'annuel'],
      },
    ],
    visibility: 'PUBLIC',
    status: 'PUBLISHED',
  },
  {
    key: 'circuits-courts-fraicheur',
    author: 'achats@nimes.example',
    title: "Critère d'attribution : approvisionnements directs de produits de l'agriculture",
    summary:
      'Critère légal pour valoriser les circuits courts sans critère géographique : nombre ' +
      "d'intermédiaires et délai entre récolte et livraison.",
    kind: 'AWARD_CRITERION',
    considerations: ['ENVIRONMENTAL'],
    themes: ['alimentation'],
    legalReferences: ['CCP art. L2152-7', 'CCP art. R2152-7'],
    body: `Le critère « performances en matière de développement des approvisionnements directs de produits de l'agriculture » est pondéré à {{ponderation}} % de la note globale.

Il est apprécié selon :
- le nombre d'intermédiaires entre le producteur et l'acheteur, qui ne peut dépasser {{nombre_intermediaires}} pour obtenir des points ;
- le délai entre la récolte et la livraison des fruits et légumes frais, au plus {{delai_recolte_heures}} heures.

Aucune préférence fondée sur l'implantation géographique du candidat ou du producteur n'est appliquée.`,
    variables: [
      { name: 'ponderation', label: 'Pondération du critère', type: 'PERCENT', required: true },
      {
        name: 'nombre_intermediaires',
        label: "Nombre maximal d'intermédiaires",
        type: 'NUMBER',
        required: true,
      },
      {
        name: 'delai_recolte_heures',
        label: 'Délai maximal récolte-livraison (heures)',
        type: 'NUMBER',
        required: true,
      },
    ],
    visibility: 'PUBLIC',
    status: 'PUBLISHED',
  },
  {
    key: 'lutte-gaspillage-alimentaire',
    author: 'achats@gard.example',
    title: "Condition d'exécution : lutte contre le gaspillage alimentaire et don des excédents",
    summary:
      'Le prestataire de restauration réalise un diagnostic, des pesées régulières, vise une réduction ' +
      'chiffrée du gaspillage et organise le don des denrées consommables non servies.',
    kind: 'PERFORMANCE_CONDITION',
    considerations: ['ENVIRONMENTAL'],
    themes: ['alimentation'],
    legalReferences: ['CCP art. L2112-2', 'Loi EGalim (n° 2018-938)'],
    body: `Le titulaire réalise, au plus tard le {{date_diagnostic}}, un diagnostic du gaspillage alimentaire dans chaque restaurant, fondé sur une campagne de pesée des restes pendant au moins cinq jours consécutifs.

Il met en œuvre un plan d'action (grammages adaptés, choix de portions, information des convives) visant une réduction d'au moins {{objectif_reduction}} % du gaspillage mesuré, à vérifier par une nouvelle campagne de pesée chaque année.

Les denrées non servies et encore consommables sont données, dans le respect des règles d'hygiène, à {{structure_don}}, dans le cadre d'une convention de don.`,
    variables: [
      { name: 'date_diagnostic', label: 'Date limite du diagnostic initial', type: 'DATE', required: true },
      {
        name: 'objectif_reduction',
        label: 'Objectif de réduction du gaspillage',
        type: 'PERCENT',
        required: true,
      },
      { name: 'structure_don', label: 'Association bénéficiaire des dons', type: 'TEXT', required: false },
    ],
    visibility: 'MEMBERS',
    status: 'PUBLISHED',
  },
  {
    key: 'reemploi-materiaux-chantier',
    author: 'achats@herault.example',
    title: "Condition d'exécution : réemploi des matériaux et valorisation des déchets de chantier",
    summary:
      "S'appuie sur le diagnostic PEMD pour imposer la dépose soignée d'éléments réemployables, leur " +
      'orientation vers une filière de réemploi et un taux minimal de valorisation des déchets.',
    kind: 'PERFORMANCE_CONDITION',
    considerations: ['ENVIRONMENTAL'],
    themes: ['batiment-travaux-publics'],
    legalReferences: ['CCP art. L2112-2', 'Loi n° 2021-1104 du 22 août 2021, art. 35'],
    body: `Sur la base du diagnostic relatif aux produits, équipements, matériaux et déchets (PEMD) réalisé le {{date_diagnostic}} et annexé au dossier de consultation, le titulaire procède à la dépose soignée des éléments suivants en vue de leur réemploi : {{elements_reemployables}}.

Ces éléments sont soit réemployés sur le chantier, soit remis à {{plateforme_reemploi}}. Le titulaire tient un registre des éléments déposés (nature, quantité, destination).

Les déchets non réemployés sont triés à la source et au moins {{taux_valorisation}} % d'entre eux, en masse, hors terres excavées, font l'objet d'une valorisation matière. Les bordereaux de suivi et les justificatifs de valorisation sont remis avec le décompte général.`,
    variables: [
      { name: 'date_diagnostic', label: 'Date du diagnostic PEMD', type: 'DATE', required: true },
      {
        name: 'elements_reemployables',
        label: 'Éléments à déposer pour réemploi',
        type: 'TEXT',
        required: true,
      },
      {
        name: 'plateforme_reemploi',
        label: 'Plateforme ou structure de réemploi',
        type: 'TEXT',
        required: true,
      },
      {
        name: 'taux_valorisation',
        label: 'Taux minimal de valorisation matière',
        type: 'PERCENT',
        required: true,
      },
    ],
    visibility: 'PUBLIC',
    status: 'PUBLISHED',
  },
  {
    key: 'materiaux-biosources',
    author: 'achats@herault.example',
    title: "Spécification technique : matériaux biosourcés pour l'isolation et l'aménagement",
    summary:
      "Fixe un taux minimal d'incorporation de matière biosourcée, le type d'isolant attendu et une part " +
      'de bois issu de forêts gérées durablement.',
    kind: 'TECHNICAL_SPECIFICATION',
    considerations: ['ENVIRONMENTAL'],
    themes: ['batiment-travaux-publics'],
    legalReferences: ['CCP art. L2111-1', 'CCP art. R2111-4'],
    body: `L'ouvrage incorpore au moins {{taux_biosource_kg}} kg de matière biosourcée par mètre carré de surface de plancher, calculés selon la méthode du label « bâtiment biosourcé » ou toute méthode équivalente.

L'isolation thermique des parois opaques est réalisée en {{isolant}}, sous avis technique ou document équivalent.

Au moins {{part_bois_certifie}} % du bois mis en œuvre, en volume, provient de forêts gérées durablement (certification FSC, PEFC ou preuve équivalente). Le titulaire remet les fiches de déclaration environnementale et sanitaire des produits utilisés.`,
    variables: [
      {
        name: 'taux_biosource_kg',
        label: 'Taux minimal de matière biosourcée (kg/m²)',
        type: 'NUMBER',
        required: true,
      },
      {
        name: 'isolant',
        label: "Type d'isolant",
        type: 'CHOICE',
        required: true,
        options: ['fibre de bois', 'ouate de cellulose', 'laine de chanvre', 'bottes de paille'],
      },
      {
        name: 'part_bois_certifie',
        label: 'Part minimale de bois certifié',
        type: 'PERCENT',
        required: true,
      },
    ],
    visibility: 'PUBLIC',
    status: 'PUBLISHED',
  },
  {
    key: 'gestion-dechets-chantier-critere',
    author: 'acheteur@toulouse.example',
    title: "Critère d'attribution : gestion environnementale du chantier",
    summary:
      'Note la méthode de gestion des déchets, la réduction des nuisances et le nombre de flux triés ' +
      'à la source sur un chantier de travaux.',
    kind: 'AWARD_CRITERION',
    considerations: ['ENVIRONMENTAL'],
    themes: ['batiment-travaux-publics'],
    legalReferences: ['CCP art. L2152-7', 'CCP art. R2152-7'],
    body: `Le critère « performances en matière de protection de l'environnement » est pondéré à {{ponderation}} % de la note globale.

Il est apprécié au vu du schéma d'organisation et de gestion des déchets remis par le candidat, au regard :
- du nombre de flux triés sur le chantier (au moins {{nombre_flux}} pour obtenir des points) ;
- des filières de réemploi et de valorisation proposées, justifiées par des engagements des exutoires ;
- des mesures de réduction des nuisances (bruit, poussières, circulation des engins) ;
- de la sensibilisation des compagnons et des sous-traitants.`,
    variables: [
      { name: 'ponderation', label: 'Pondération du critère', type: 'PERCENT', required: true },
      { name: 'nombre_flux', label: 'Nombre minimal de flux triés', type: 'NUMBER', required: true },
    ],
    visibility: 'MEMBERS',
    status: 'PUBLISHED',
  },
  {
    key: 'electricite-renouvelable',
    author: 'acheteuse@montpellier.example',
    title: "Spécification technique : fourniture d'électricité d'origine renouvelable",
    summary:
      "Exige une part d'électricité renouvelable, avec un niveau de traçabilité choisi par l'acheteur " +
      "(garanties d'origine, achat direct), à compter d'une date de début de fourniture.",
    kind: 'TECHNICAL_SPECIFICATION',
    considerations: ['ENVIRONMENTAL'],
    themes: ['energie'],
    legalReferences: ['CCP art. L2111-1', 'CCP art. R2111-4'],
    body: `À compter du {{date_debut_fourniture}}, au moins {{part_renouvelable}} % de l'électricité fournie pour les points de livraison du marché est d'origine renouvelable.

Le caractère renouvelable est justifié par {{tracabilite}}. Le titulaire annule les garanties d'origine correspondantes dans le registre national au nom de l'acheteur et en transmet la preuve chaque année, avec l'identification des installations de production (technologie, puissance, localisation, date de mise en service).`,
    variables: [
      { name: 'date_debut_fourniture', label: 'Date de début de fourniture', type: 'DATE', required: true },
      {
        name: 'part_renouvelable',
        label: "Part d'électricité renouvelable",
        type: 'PERCENT',
        required: true,
      },
      {
        name: 'tracabilite',
        label: 'Mode de justification',
        type: 'CHOICE',
        required: true,
        options: [
          "des garanties d'origine émises pour des installations situées en France",
          "des garanties d'origine liées à un même site de production que l'énergie fournie",
          "un contrat d'achat direct d'électricité renouvelable",
        ],
      },
    ],
    visibility: 'PUBLIC',
    status: 'PUBLISHED',
  },
  {
    key: 'performance-energetique-exploitation',
    author: 'achats@chu.example',
    title: "Condition d'exécution : engagement de performance énergétique en exploitation",
    summary:
      "Engagement chiffré de réduction des consommations d'énergie par rapport à une situation de " +
      'référence, avec mesure annuelle et pénalité par mégawattheure consommé au-delà.',
    kind: 'PERFORMANCE_CONDITION',
    considerations: ['ENVIRONMENTAL'],
    themes: ['energie'],
    legalReferences: ['CCP art. L2112-2'],
    body: `Le titulaire s'engage à réduire la consommation d'énergie finale des installations de chauffage, de ventilation et de production d'eau chaude d'au moins {{objectif_economie}} % par rapport à la situation de référence arrêtée au {{date_reference}}, corrigée des variations climatiques.

La performance est mesurée chaque année selon le plan de mesure et de vérification annexé au marché. Chaque mégawattheure consommé au-delà de l'engagement donne lieu à une pénalité de {{penalite_mwh}} euros HT ; les économies supplémentaires sont partagées à parts égales.`,
    variables: [
      { name: 'objectif_economie', label: "Objectif d'économie d'énergie", type: 'PERCENT', required: true },
      { name: 'date_reference', label: 'Date de la situation de référence', type: 'DATE', required: true },
      {
        name: 'penalite_mwh',
        label: 'Pénalité par MWh excédentaire (euros HT)',
        type: 'NUMBER',
        required: true,
      },
    ],
    visibility: 'MEMBERS',
    status: 'PUBLISHED',
  },
  {
    key: 'vehicules-faibles-emissions',
    author: 'achats@prefecture.example',
    title: 'Spécification technique : véhicules à faibles émissions',
    summary:
      'Impose une part de véhicules à faibles émissions dans une commande de véhicules légers, avec la ' +
      "motorisation, l'autonomie et le plafond d'émissions de CO2 attendus.",
    kind: 'TECHNICAL_SPECIFICATION',
    considerations: ['ENVIRONMENTAL'],
    themes: ['mobilite-vehicules', 'energie'],
    legalReferences: ['CCP art. L2111-1', 'CCP art. R2111-4'],
    body: `Au moins {{part_vehicules}} % des véhicules livrés au titre du marché sont des véhicules à faibles émissions, émettant au plus {{seuil_co2}} g de CO2 par kilomètre selon le cycle WLTP.

La motorisation attendue pour ces véhicules est la suivante : {{motorisation}}. L'autonomie en mode électrique est d'au moins {{autonomie_km}} km selon le même cycle.

Le titulaire fournit la fiche technique de chaque modèle, la durée de garantie de la batterie de traction et les modalités de reprise de celle-ci en fin de vie.`,
    variables: [
      {
        name: 'part_vehicules',
        label: 'Part de véhicules à faibles émissions',
        type: 'PERCENT',
        required: true,
      },
      { name: 'seuil_co2', label: 'Émissions maximales (g CO2/km)', type: 'NUMBER', required: true },
      {
        name: 'motorisation',
        label: 'Motorisation',
        type: 'CHOICE',
        required: true,
        options: ['électrique à batterie', 'électrique à hydrogène', 'hybride rechargeable'],
      },
      { name: 'autonomie_km', label: 'Autonomie électrique minimale (km)', type: 'NUMBER', required: true },
    ],
    visibility: 'PUBLIC',
    status: 'PUBLISHED',
  },
  {
    key: 'nettoyage-ecolabel',
    author: 'achats@gard.example',
    title: 'Spécification technique : produits et méthodes de nettoyage écolabellisés',
    summary:
      "Exige des produits d'entretien écolabellisés, des systèmes de dosage et des méthodes sans " +
      'produit dans les locaux sensibles (crèches, écoles).',
    kind: 'TECHNICAL_SPECIFICATION',
    considerations: ['ENVIRONMENTAL'],
    themes: ['proprete-entretien'],
    legalReferences: ['CCP art. L2111-1', 'CCP art. R2111-4'],
    body: `Au moins {{part_produits}} % des produits de nettoyage utilisés, en volume, sont titulaires du label {{label}} ou satisfont à des critères équivalents, justifiés par tout moyen approprié.

Les produits concentrés sont dilués au moyen de systèmes de dosage automatique. Les aérosols, les produits parfumés et les désinfectants à usage systématique sont proscrits.

Dans les locaux suivants, le nettoyage est réalisé sans produit chimique (microfibre et eau, vapeur) : {{locaux_sans_produit}}.

Le titulaire tient à jour la liste des produits employés et les fiches de données de sécurité.`,
    variables: [
      {
        name: 'part_produits',
        label: 'Part minimale de produits écolabellisés',
        type: 'PERCENT',
        required: true,
      },
      {
        name: 'label',
        label: 'Label de référence',
        type: 'CHOICE',
        required: true,
        options: ['Écolabel européen', 'Cygne nordique (Nordic Swan)', 'Ange bleu (Blauer Engel)'],
      },
      {
        name: 'locaux_sans_produit',
        label: 'Locaux nettoyés sans produit chimique',
        type: 'TEXT',
        required: false,
      },
    ],
    visibility: 'PUBLIC',
    status: 'PUBLISHED',
  },
  {
    key: 'nettoyage-horaires-jour',
    author: 'achats@prefecture.example',
    title: "Condition d'exécution : nettoyage en journée et temps de travail des agents",
    summary:
      'Favorise le travail en journée et des contrats à temps de travail suffisant pour les agents de ' +
      'propreté, afin de limiter les horaires fractionnés et décalés.',
    kind: 'PERFORMANCE_CONDITION',
    considerations: ['SOCIAL'],
    themes: ['proprete-entretien'],
    legalReferences: ['CCP art. L2112-2'],
    body: `Au moins {{part_heures_jour}} % des heures de nettoyage sont réalisées en journée, pendant la plage horaire suivante : {{plage_horaire}}, en présence des occupants.

Les agents affectés au marché bénéficient de contrats d'une durée hebdomadaire d'au moins {{duree_hebdo_min}} heures, sauf demande écrite du salarié. Le titulaire transmet chaque semestre un état des effectifs affectés, des horaires pratiqués et des durées contractuelles.`,
    variables: [
      {
        name: 'part_heures_jour',
        label: 'Part minimale des heures en journée',
        type: 'PERCENT',
        required: true,
      },
      { name: 'plage_horaire', label: 'Plage horaire de travail en journée', type: 'TEXT', required: true },
      {
        name: 'duree_hebdo_min',
        label: 'Durée hebdomadaire minimale des contrats (heures)',
        type: 'NUMBER',
        required: true,
      },
    ],
    visibility: 'MEMBERS',
    status: 'PUBLISHED',
  },
  {
    key: 'textile-fibres-recyclees',
    author: 'achats@chu.example',
    title: 'Spécification technique : vêtements de travail en fibres recyclées et durables',
    summary:
      'Part minimale de fibres recyclées, tenue aux lavages industriels et label social ou ' +
      'environnemental pour les tenues professionnelles.',
    kind: 'TECHNICAL_SPECIFICATION',
    considerations: ['ENVIRONMENTAL', 'SOCIAL'],
    themes: ['textiles-vetements'],
    legalReferences: ['CCP art. L2111-1', 'CCP art. R2111-4'],
    body: `Les tissus des vêtements de travail comportent au moins {{part_fibres_recyclees}} % de fibres recyclées, en masse. Les vêtements conservent leurs caractéristiques (couleur, dimensions, résistance des coutures) après {{nombre_lavages}} cycles de lavage industriel, attestés par un rapport d'essai.

Les articles sont conformes au référentiel {{label}} ou à un référentiel équivalent, justifié par tout moyen approprié.

Les boutons, fermetures et écussons sont remplaçables ; le titulaire propose un service de réparation et de reprise des vêtements usagés en vue de leur réemploi ou de leur recyclage.`,
    variables: [
      {
        name: 'part_fibres_recyclees',
        label: 'Part minimale de fibres recyclées',
        type: 'PERCENT',
        required: true,
      },
      {
        name: 'nombre_lavages',
        label: 'Nombre de cycles de lavage industriel',
        type: 'NUMBER',
        required: true,
      },
      {
        name: 'label',
        label: 'Référentiel attendu',
        type: 'CHOICE',
        required: true,
        options: [
          'Global Recycled Standard (GRS)',
          'OEKO-TEX Standard 100',
          'Fairtrade Textile Standard',
          'GOTS',
        ],
      },
    ],
    visibility: 'PUBLIC',
    status: 'PUBLISHED',
  },
  {
    key: 'textile-tracabilite-critere',
    author: 'acheteuse@montpellier.example',
    title: "Critère d'attribution : conditions de travail dans la chaîne d'approvisionnement textile",
    summary:
      'Note la transparence du candidat sur ses fournisseurs et sous-traitants et les mesures prises ' +
      'pour garantir des conditions de travail décentes dans la filière.',
    kind: 'AWARD_CRITERION',
    considerations: ['SOCIAL'],
    themes: ['textiles-vetements'],
    legalReferences: ['CCP art. L2152-7', 'CCP art. R2152-7'],
    body: `Le critère « conditions de production et de travail dans la chaîne d'approvisionnement » est pondéré à {{ponderation}} % de la note globale.

Il est apprécié au vu :
- de la liste des sites de confection et de tissage des articles proposés, jusqu'au rang {{rang_fournisseurs}} de sous-traitance ;
- des audits sociaux indépendants réalisés sur ces sites au cours des trois dernières années et des plans d'action correctifs ;
- des engagements relatifs à la rémunération et à la liberté syndicale des travailleurs.`,
    variables: [
      { name: 'ponderation', label: 'Pondération du critère', type: 'PERCENT', required: true },
      {
        name: 'rang_fournisseurs',
        label: 'Rang de sous-traitance à déclarer',
        type: 'NUMBER',
        required: true,
      },
    ],
    visibility: 'MEMBERS',
    status: 'IN_REVIEW',
  },
  {
    key: 'fournitures-bureau-ecolabel',
    author: 'achats@region.example',
    title: 'Spécification technique : papier et fournitures de bureau écolabellisés',
    summary:
      'Papier recyclé écolabellisé et part minimale de références écolabellisées dans le catalogue de ' +
      "fournitures de bureau, avec mise en avant dans l'outil de commande.",
    kind: 'TECHNICAL_SPECIFICATION',
    considerations: ['ENVIRONMENTAL'],
    themes: ['fournitures-bureau'],
    legalReferences: ['CCP art. L2111-1', 'CCP art. R2111-4'],
    body: `Le papier de reprographie est composé d'au moins {{part_recycle}} % de fibres recyclées et satisfait aux critères du label {{label_papier}} ou de tout label équivalent.

Au moins {{part_references_ecolabel}} % des références du catalogue de fournitures de bureau sont titulaires d'un écolabel de type I ou fabriquées à partir de matières recyclées. Ces références sont signalées dans l'outil de commande et proposées en premier.

Les livraisons sont regroupées, au plus une fois par semaine et par site, dans des emballages recyclables ou réutilisables.`,
    variables: [
      { name: 'part_recycle', label: 'Part minimale de fibres recyclées', type: 'PERCENT', required: true },
      {
        name: 'label_papier',
        label: 'Label du papier',
        type: 'CHOICE',
        required: true,
        options: ['Écolabel européen', 'Ange bleu (Blauer Engel)', 'FSC Recyclé'],
      },
      {
        name: 'part_references_ecolabel',
        label: 'Part minimale de références écolabellisées',
        type: 'PERCENT',
        required: true,
      },
    ],
    visibility: 'PUBLIC',
    status: 'PUBLISHED',
  },
  {
    key: 'capacite-management-environnemental',
    author: 'achats@herault.example',
    title: 'Critère de sélection : capacités en matière de management environnemental',
    summary:
      'Condition de participation proportionnée : le candidat justifie de mesures de gestion ' +
      'environnementale et de références récentes comparables.',
    kind: 'SELECTION_CRITERION',
    considerations: ['ENVIRONMENTAL'],
    themes: ['batiment-travaux-publics', 'proprete-entretien'],
    legalReferences: ['CCP art. R2142-1'],
    body: `Au titre de ses capacités techniques et professionnelles, le candidat justifie des mesures de gestion environnementale qu'il pourra appliquer lors de l'exécution du marché, par la certification {{systeme_management}} ou par tout autre moyen de preuve équivalent (procédures écrites, plan de formation, bilans).

Il présente en outre au moins {{nombre_references}} références de prestations comparables réalisées au cours des {{periode_annees}} dernières années, précisant les mesures environnementales mises en œuvre.

Les candidats qui ne remplissent pas ces conditions minimales ne sont pas admis.`,
    variables: [
      {
        name: 'systeme_management',
        label: 'Système de management de référence',
        type: 'CHOICE',
        required: true,
        options: ['ISO 14001', 'EMAS', 'label environnemental sectoriel équivalent'],
      },
      { name: 'nombre_references', label: 'Nombre minimal de références', type: 'NUMBER', required: true },
      { name: 'periode_annees', label: 'Période de référence (années)', type: 'NUMBER', required: true },
    ],
    visibility: 'PUBLIC',
    status: 'PUBLISHED',
  },
  {
    key: 'handicap-cotraitance-esat-ea',
    author: 'achats@chu.example',
    title: "Condition d'exécution : recours à une entreprise adaptée ou un ESAT",
    summary:
      "Le titulaire confie une part des prestations ou un volume d'heures à une entreprise adaptée ou à " +
      'un ESAT, en sous-traitance, cotraitance ou mise à disposition.',
    kind: 'PERFORMANCE_CONDITION',
    considerations: ['SOCIAL'],
    themes: ['handicap'],
    legalReferences: ['CCP art. L2112-2'],
    body: `Le titulaire confie l'exécution d'au moins {{part_prestations}} % du montant des prestations, ou d'au moins {{nombre_heures}} heures de travail, à une ou plusieurs entreprises adaptées ou établissements et services d'aide par le travail, en cotraitance, en sous-traitance ou par mise à disposition de personnel.

Les prestations concernées sont les suivantes : {{nature_prestations}}.

Le titulaire transmet, avec chaque demande de paiement, les factures ou conventions correspondantes. L'acheteur peut mettre le titulaire en relation avec les structures du secteur recensées par le réseau.`,
    variables: [
      {
        name: 'part_prestations',
        label: 'Part minimale du montant des prestations',
        type: 'PERCENT',
        required: true,
      },
      { name: 'nombre_heures', label: "Volume d'heures alternatif", type: 'NUMBER', required: false },
      { name: 'nature_prestations', label: 'Prestations concernées', type: 'TEXT', required: true },
    ],
    visibility: 'PUBLIC',
    status: 'PUBLISHED',
  },
  {
    key: 'mobilier-reemploi',
    author: 'achats@universite.example',
    title: 'Spécification technique : mobilier de bureau issu du réemploi',
    summary:
      'Part de mobilier de réemploi ou rénové dans une commande de mobilier, avec garantie, délai de ' +
      'livraison et reprise du mobilier existant.',
    kind: 'TECHNICAL_SPECIFICATION',
    considerations: ['ENVIRONMENTAL', 'SOCIAL'],
    themes: ['fournitures-bureau', 'achats-ess'],
    legalReferences: ['CCP art. L2111-1', 'CCP art. R2111-4'],
    body: `Au moins {{part_reemploi}} % des articles de mobilier livrés, en nombre, sont issus du réemploi ou de la réutilisation, rénovés si nécessaire (nettoyage, remplacement des pièces d'usure, remise en peinture).

Le mobilier issu du réemploi est garanti {{garantie_mois}} mois et livré dans un délai de {{delai_livraison_jours}} jours à compter de la commande.

Le titulaire reprend le mobilier existant désigné par l'acheteur et l'oriente en priorité vers le réemploi ; il remet un état de son devenir.`,
    variables: [
      {
        name: 'part_reemploi',
        label: 'Part minimale de mobilier de réemploi',
        type: 'PERCENT',
        required: true,
      },
      {
        name: 'garantie_mois',
        label: 'Garantie du mobilier de réemploi (mois)',
        type: 'NUMBER',
        required: true,
      },
      { name: 'delai_livraison_jours', label: 'Délai de livraison (jours)', type: 'NUMBER', required: true },
    ],
    visibility: 'MEMBERS',
    status: 'PUBLISHED',
  },
  {
    key: 'selection-references-insertion',
    author: 'moderation@reseau.example',
    title: "Critère de sélection : références en accompagnement vers l'emploi (marché d'insertion)",
    summary:
      "Pour un marché dont l'objet même est l'insertion professionnelle : références et moyens " +
      "d'accompagnement exigés des candidats.",
    kind: 'SELECTION_CRITERION',
    considerations: ['SOCIAL'],
    themes: ['insertion-activite-economique'],
    legalReferences: ['CCP art. R2142-1'],
    body: `Le présent marché a pour objet l'insertion et la qualification professionnelles de personnes éloignées de l'emploi, le support d'activité n'en constituant que le moyen.

Le candidat présente au moins {{nombre_references}} références d'actions d'accompagnement socioprofessionnel menées au cours des {{periode_annees}} dernières années, ainsi que les moyens humains d'encadrement technique et d'accompagnement qu'il affectera au marché.

Les dossiers sont remis au plus tard le {{date_limite}}.`,
    variables: [
      { name: 'nombre_references', label: 'Nombre minimal de références', type: 'NUMBER', required: true },
      { name: 'periode_annees', label: 'Période de référence (années)', type: 'NUMBER', required: true },
      { name: 'date_limite', label: 'Date limite de remise des candidatures', type: 'DATE', required: true },
    ],
    visibility: 'MEMBERS',
    status: 'DRAFT',
  },
  {
    key: 'velos-flotte-service',
    author: 'acheteur@toulouse.example',
    title: 'Spécification technique : flotte de vélos de service',
    summary:
      "Caractéristiques d'une flotte de vélos de service pour les déplacements professionnels des agents, " +
      'avec maintenance et pièces standard.',
    kind: 'TECHNICAL_SPECIFICATION',
    considerations: ['ENVIRONMENTAL'],
    themes: ['mobilite-vehicules'],
    legalReferences: ['CCP art. L2111-1', 'CCP art. R2111-4'],
    body: `Le titulaire livre {{nombre_velos}} vélos de service à {{assistance}}, équipés d'un antivol, d'un éclairage permanent et de garde-boue.

Les composants d'usure (pneumatiques, plaquettes, chaînes) sont des pièces standard du marché, remplaçables par un atelier tiers. Lorsque les vélos sont à assistance électrique, la batterie est réparable et garantie {{garantie_batterie_mois}} mois.`,
    variables: [
      { name: 'nombre_velos', label: 'Nombre de vélos', type: 'NUMBER', required: true },
      {
        name: 'assistance',
        label: 'Type de vélo',
        type: 'CHOICE',
        required: true,
        options: ['assistance électrique', 'propulsion musculaire'],
      },
      {
        name: 'garantie_batterie_mois',
        label: 'Garantie de la batterie (mois)',
        type: 'NUMBER',
        required: false,
      },
    ],
    visibility: 'PUBLIC',
    status: 'DRAFT',
  },
  {
    key: 'menu-vegetarien',
    author: 'achats@nimes.example',
    title: 'Spécification technique : menus végétariens et protéines végétales',
    summary:
      'Fréquence des menus végétariens et part de légumineuses dans les plats protidiques servis en ' +
      'restauration scolaire.',
    kind: 'TECHNICAL_SPECIFICATION',
    considerations: ['ENVIRONMENTAL'],
    themes: ['alimentation'],
    legalReferences: ['CCP art. L2111-1', 'CCP art. R2111-4', 'Loi EGalim (n° 2018-938)'],
    body: `Le titulaire propose {{frequence_menu}}, équilibré sur le plan nutritionnel et élaboré à partir de produits bruts.

Les plats protidiques végétariens comprennent au moins {{part_legumineuses}} % de légumineuses (lentilles, pois chiches, haricots secs), associées à des céréales.`,
    variables: [
      {
        name: 'frequence_menu',
        label: 'Fréquence du menu végétarien',
        type: 'CHOICE',
        required: true,
        options: [
          'un menu végétarien par semaine',
          'deux menus végétariens par semaine',
          'une option végétarienne quotidienne',
        ],
      },
      { name: 'part_legumineuses', label: 'Part minimale de légumineuses', type: 'PERCENT', required: true },
    ],
    visibility: 'PUBLIC',
    status: 'DRAFT',
  },
  {
    key: 'sous-traitance-ess-critere',
    author: 'admin@reseau.example',
    title: "Critère d'attribution : recours aux structures de l'économie sociale et solidaire",
    summary:
      "Valorise la part des prestations confiée à des structures de l'ESS, lorsque cette part est liée " +
      "à l'objet du marché.",
    kind: 'AWARD_CRITERION',
    considerations: ['SOCIAL'],
    themes: ['achats-ess'],
    legalReferences: ['CCP art. L2152-7', 'CCP art. R2152-7'],
    body: `Le critère « performances en matière d'insertion professionnelle et de coopération avec l'économie sociale et solidaire » est pondéré à {{ponderation}} % de la note globale.

Il est apprécié selon la part du montant des prestations que le candidat s'engage à confier à des entreprises de l'économie sociale et solidaire, au-delà de {{part_montant}} %, et selon la qualité de l'organisation proposée pour cette coopération.`,
    variables: [
      { name: 'ponderation', label: 'Pondération du critère', type: 'PERCENT', required: true },
      {
        name: 'part_montant',
        label: 'Part du montant à partir de laquelle des points sont attribués',
        type: 'PERCENT',
        required: true,
      },
    ],
    visibility: 'MEMBERS',
    status: 'IN_REVIEW',
  },
];

export const DEMO_POSTS: readonly DemoPost[] = [
  {
    key: 'montpellier-ordinateurs-reconditionnes',
    author: 'acheteuse@montpellier.example',
    title: 'Un tiers de postes de travail reconditionnés dans le marché informatique de la métropole',
    summary:
      'Dans son accord-cadre de postes de travail, la métropole a réservé un lot au matériel reconditionné ' +
      "et exigé une garantie identique au neuf. Retour sur deux ans d'exécution.",
    body: `## Contexte

Le renouvellement des postes de travail représente environ 1 800 ordinateurs par an pour la métropole et ses communes associées. Le SPASER adopté en 2022 fixe l'objectif de 100 % de marchés comportant une considération environnementale d'ici 2025, et le décret de 2021 impose une part d'équipements issus du réemploi.

## Ce que nous avons fait

Nous avons découpé l'accord-cadre en deux lots :

- un lot de matériel neuf, avec un critère de réparabilité ;
- un lot de portables et d'unités centrales reconditionnés, ouvert aux reconditionneurs de toute taille.

Un sourcing de trois mois a permis de rencontrer six reconditionneurs, dont deux structures de l'économie sociale et solidaire. Ces échanges nous ont convaincus de demander un grade B plutôt qu'un grade A, beaucoup plus rare en volume.

## Rédaction de la clause

La spécification technique fixe une part minimale de reconditionné, une capacité de batterie de 80 % et une garantie de 24 mois, identique à celle du neuf. L'effacement certifié des données était une exigence forte de la direction des systèmes d'information.

## Difficultés

- Les volumes disponibles d'un même modèle sont limités : nous avons accepté trois modèles équivalents par gamme.
- Les images système ont dû être adaptées à chaque modèle.

## Conseils

Associez tôt la DSI et le support de proximité : ce sont eux qui rassureront les utilisateurs. Et communiquez sur le sujet, les agents sont souvent fiers d'être équipés en reconditionné.`,
    themes: ['numerique-responsable'],
    considerations: ['ENVIRONMENTAL'],
    procedureType: 'APPEL_OFFRES_OUVERT',
    cpvCodes: ['30213100-6', '30213300-8'],
    contractYear: 2023,
    departmentCode: '34',
    outcomes:
      '1 240 ordinateurs reconditionnés livrés en deux ans, soit 34 % des postes renouvelés. Coût unitaire ' +
      'inférieur de 38 % à celui du neuf, soit environ 310 000 euros économisés. Environ 190 tonnes ' +
      "équivalent CO2 évitées selon la méthode de l'ADEME. Taux de panne la première année : 2,1 %, " +
      'comparable au matériel neuf.',
    templates: ['informatique-reconditionne-lot'],
    visibility: 'PUBLIC',
    status: 'PUBLISHED',
  },
  {
    key: 'toulouse-smartphones-reconditionnes',
    author: 'acheteur@toulouse.example',
    title: 'Smartphones reconditionnés et reprise des anciens appareils pour la flotte mobile',
    summary:
      'Toulouse Métropole a remplacé la moitié de sa flotte de smartphones par des appareils reconditionnés ' +
      'et confié la reprise des anciens terminaux à un prestataire qui emploie des salariés en insertion.',
    body: `## Contexte

La flotte mobile compte près de 4 000 smartphones. Jusqu'en 2021, les appareils étaient renouvelés tous les trois ans, et les anciens s'accumulaient dans les armoires des services.

## Ce que nous avons fait

Nous avons lancé une procédure adaptée en deux lots :

1. la fourniture de smartphones reconditionnés de grade A, avec une garantie de 24 mois ;
2. la collecte, l'effacement et le reconditionnement des appareils réformés.

Le second lot a été attribué à un prestataire qui travaille avec une entreprise d'insertion pour le tri et les tests.

## Rédaction de la clause

Pour le lot 1, nous avons repris la spécification sur le matériel reconditionné, en ajoutant une capacité de batterie de 85 %. Pour le lot 2, la condition d'exécution impose un taux de réemploi de 60 % et un certificat d'effacement par appareil. Le bilan annuel distingue le réemploi, le recyclage et les heures d'insertion.

## Difficultés

- Les utilisateurs craignaient des appareils « d'occasion » : une démonstration auprès des chefs de service a levé les réticences.
- Les appareils les plus anciens n'étaient plus mis à jour et sont partis au recyclage.

## Conseils

Inventoriez vos stocks d'appareils dormants avant de lancer la consultation : nous en avions plus de 1 100. Prévoyez aussi un point d'étape à six mois pour ajuster les grades demandés.`,
    themes: ['numerique-responsable', 'insertion-activite-economique'],
    considerations: ['ENVIRONMENTAL', 'SOCIAL'],
    procedureType: 'PROCEDURE_ADAPTEE',
    cpvCodes: ['32250000-0'],
    contractYear: 2022,
    departmentCode: '31',
    outcomes:
      '1 950 smartphones reconditionnés achetés en deux ans (49 % de la flotte). 1 140 appareils dormants ' +
      'collectés, dont 62 % reconditionnés et revendus, 38 % recyclés en filière DEEE. 2 300 heures de ' +
      "travail réalisées par des salariés en insertion. Économie d'environ 260 000 euros sur le budget " +
      'de la téléphonie.',
    templates: ['informatique-reconditionne-lot', 'reprise-deee-fin-de-vie'],
    visibility: 'PUBLIC',
    status: 'PUBLISHED',
  },
  {
    key: 'region-lycees-restauration-egalim',
    author: 'achats@region.example',
    title: 'Groupement de commandes des lycées : atteindre 50 % de produits durables dont 20 % bio',
    summary:
      "Le groupement d'achat de denrées des lycées publics a intégré les objectifs EGalim dans ses " +
      'spécifications et un critère sur les approvisionnements directs.',
    body: `## Contexte

La Région coordonne un groupement de commandes de denrées alimentaires pour 140 lycées publics, soit plus de 90 000 repas par jour. Les gestionnaires devaient atteindre les objectifs EGalim sans exploser le coût matière.

## Ce que nous avons fait

Nous avons découpé le marché en 38 lots par famille de produits et par bassin de production, afin que les producteurs et leurs groupements puissent répondre. Les lots de fruits et légumes frais ont été allotis par saison.

## Rédaction des clauses

- La spécification technique impose 50 % de produits durables et de qualité, dont 20 % de produits biologiques, en valeur d'achat.
- Le critère d'attribution sur les approvisionnements directs, pondéré à 15 %, note le nombre d'intermédiaires et le délai entre récolte et livraison, sans aucune référence à la localisation, ce qui serait irrégulier.
- Les titulaires transmettent un bilan trimestriel compatible avec la plateforme nationale de suivi.

## Difficultés

- Certains lots de produits bio n'ont reçu aucune offre la première année : nous les avons relancés en procédure adaptée.
- Les cuisiniers ont dû revoir les grammages et les recettes pour absorber le surcoût.

## Conseils

Travaillez avec les chambres d'agriculture et les plateformes de producteurs dès le sourcing. Formez les équipes de cuisine : sans elles, les produits achetés ne se retrouvent pas dans l'assiette. La plateforme [ma cantine](https://ma-cantine.agriculture.gouv.fr/) aide à suivre les achats.`,
    themes: ['alimentation'],
    considerations: ['ENVIRONMENTAL'],
    procedureType: 'APPEL_OFFRES_OUVERT',
    cpvCodes: ['15000000-8', '03221000-6', '15500000-3'],
    contractYear: 2023,
    departmentCode: '31',
    outcomes:
      'Part de produits durables et de qualité passée de 27 % à 46 % en deux ans, dont 21 % de produits ' +
      "biologiques. 54 producteurs ou groupements de producteurs titulaires d'au moins un lot, contre 12 " +
      'auparavant. Coût matière par repas en hausse de 0,18 euro, compensé en partie par la baisse du ' +
      'gaspillage.',
    templates: ['egalim-produits-durables', 'circuits-courts-fraicheur'],
    visibility: 'PUBLIC',
    status: 'PUBLISHED',
  },
  {
    key: 'herault-college-reemploi-chantier',
    author: 'achats@herault.example',
    title: "Réhabilitation d'un collège : 60 tonnes de matériaux réemployés et 6 000 heures d'insertion",
    summary:
      "La réhabilitation lourde d'un collège a combiné un diagnostic PEMD, une clause de réemploi des " +
      "matériaux et une clause d'insertion sur tous les lots de gros œuvre et de second œuvre.",
    body: `## Contexte

Le Département a engagé la réhabilitation d'un collège de 650 élèves construit dans les années 1970. Le chantier, en site occupé, a duré dix-huit mois et comptait quatorze lots.

## Ce que nous avons fait

Le diagnostic relatif aux produits, équipements, matériaux et déchets (PEMD) a identifié les éléments réemployables : cloisons amovibles, portes intérieures, luminaires, sanitaires, dalles de faux plafond et garde-corps.

Deux clauses ont été intégrées au cahier des clauses administratives particulières :

- une condition d'exécution de réemploi et de valorisation des déchets, avec un taux de valorisation matière de 80 % ;
- une clause d'insertion représentant 7 % des heures de main-d'œuvre, suivie par le facilitateur du plan local pour l'insertion et l'emploi.

## Rédaction des clauses

La liste des éléments à déposer figure dans chaque lot concerné. Les éléments non réemployés sur place ont été confiés à une ressourcerie du BTP partenaire.

## Difficultés

- La dépose soignée prend plus de temps : il faut l'intégrer au planning dès la conception.
- Le stockage temporaire sur un site occupé a demandé une zone dédiée et sécurisée.

## Conseils

Faites réaliser le diagnostic PEMD avant l'avant-projet définitif et associez la maîtrise d'œuvre. Organisez une réunion de lancement spécifique aux clauses avec tous les titulaires et le facilitateur.`,
    themes: ['batiment-travaux-publics', 'insertion-activite-economique'],
    considerations: ['ENVIRONMENTAL', 'SOCIAL'],
    procedureType: 'APPEL_OFFRES_OUVERT',
    cpvCodes: ['45214200-2', '45111100-9'],
    contractYear: 2022,
    departmentCode: '34',
    outcomes:
      '62 tonnes de matériaux et équipements réemployés, dont 28 tonnes sur le chantier même. 87 % des ' +
      "déchets non dangereux valorisés. 6 150 heures d'insertion réalisées pour 5 800 prévues, au " +
      'bénéfice de 23 personnes, dont 9 en emploi durable six mois après la fin du chantier.',
    templates: ['insertion-heures'],
    visibility: 'PUBLIC',
    status: 'PUBLISHED',
  },
  {
    key: 'gard-nettoyage-ecolabel',
    author: 'achats@gard.example',
    title: 'Nettoyage des bâtiments départementaux : produits écolabellisés et méthodes sans chimie',
    summary:
      'Le Département du Gard a fait évoluer son marché de nettoyage vers des produits écolabellisés, ' +
      'le dosage automatique et le nettoyage à la vapeur dans les crèches et les centres de PMI.',
    body: `## Contexte

Le marché de nettoyage couvre 95 bâtiments, dont des centres de protection maternelle et infantile et des locaux accueillant du public fragile. Les agents d'entretien se plaignaient d'irritations liées à certains produits.

## Ce que nous avons fait

Nous avons rédigé la spécification technique avec le service de prévention des risques professionnels et le médecin de PMI. Le marché a été relancé en appel d'offres ouvert, en trois lots géographiques.

## Rédaction de la clause

- 90 % des produits de nettoyage, en volume, doivent être titulaires de l'Écolabel européen ou répondre à des critères équivalents.
- Les aérosols et les désinfectants à usage systématique sont interdits.
- Les centres de PMI et les espaces d'accueil des jeunes enfants sont nettoyés à la microfibre et à la vapeur.

Un critère d'attribution, pondéré à 10 %, notait la méthode de formation des agents à ces techniques.

## Difficultés

- Les titulaires ont dû investir dans des centrales de dilution et des nettoyeurs vapeur.
- Les contrôles de qualité ont été renforcés la première année pour rassurer les occupants sur l'efficacité des méthodes.

## Conseils

Demandez la liste des produits et les fiches de données de sécurité dès l'offre, et faites vérifier quelques fiches par un préventeur. Un passage régulier sur site vaut mieux que des rapports écrits.`,
    themes: ['proprete-entretien'],
    considerations: ['ENVIRONMENTAL'],
    procedureType: 'APPEL_OFFRES_OUVERT',
    cpvCodes: ['90911200-8', '39830000-9'],
    contractYear: 2021,
    departmentCode: '30',
    outcomes:
      'Part de produits écolabellisés passée de 35 % à 93 % en volume. Consommation de produits ' +
      'divisée par 2,4 grâce au dosage automatique (de 7 100 à 2 950 litres par an). Aucun signalement ' +
      "d'irritation en 2022 contre onze en 2020. Coût du marché stable à 1,2 % près.",
    templates: ['nettoyage-ecolabel'],
    visibility: 'PUBLIC',
    status: 'PUBLISHED',
  },
  {
    key: 'chu-vetements-travail-recycles',
    author: 'achats@chu.example',
    title: 'Tenues professionnelles hospitalières en polyester recyclé',
    summary:
      'Le CHU a introduit des fibres recyclées et une exigence de tenue aux lavages industriels dans son ' +
      'marché de tenues de soignants, en lien avec sa blanchisserie.',
    body: `## Contexte

Le CHU achète chaque année environ 45 000 tenues pour les soignants, les agents techniques et les services logistiques. Ces tenues sont lavées par la blanchisserie interne, à 80 °C, plusieurs fois par semaine.

## Ce que nous avons fait

Nous avons testé pendant quatre mois des tenues en polycoton contenant du polyester recyclé, dans trois services volontaires. La blanchisserie a mesuré le retrait, la tenue des couleurs et l'usure des coutures.

## Rédaction de la clause

La spécification technique fixe :

- 50 % de fibres recyclées en masse, justifiées par le référentiel Global Recycled Standard ou équivalent ;
- une tenue de 100 cycles de lavage industriel, attestée par un rapport d'essai ;
- des boutons-pression remplaçables et un service de réparation.

## Difficultés

- Le coton recyclé n'offrait pas une résistance suffisante aux lavages à haute température : nous avons limité l'exigence au polyester.
- Les délais de fabrication se sont allongés de trois semaines la première année.

## Conseils

Impliquez la blanchisserie et les utilisateurs dans les essais : le confort et la durabilité au lavage comptent autant que le label. Prévoyez des lots de taille raisonnable pour ne pas exclure les confectionneurs européens de taille moyenne.`,
    themes: ['textiles-vetements'],
    considerations: ['ENVIRONMENTAL'],
    procedureType: 'APPEL_OFFRES_OUVERT',
    cpvCodes: ['18110000-3', '18130000-9'],
    contractYear: 2024,
    departmentCode: '34',
    outcomes:
      '44 000 tenues livrées la première année avec 52 % de fibres recyclées en moyenne, soit environ ' +
      '9,5 tonnes de polyester vierge évitées. Durée de vie moyenne allongée de 14 mois à 20 mois selon ' +
      'le suivi de la blanchisserie. Surcoût unitaire de 4 %, compensé par un renouvellement moins fréquent.',
    templates: ['textile-fibres-recyclees'],
    visibility: 'MEMBERS',
    status: 'PUBLISHED',
  },
  {
    key: 'universite-site-ecoconcu',
    author: 'achats@universite.example',
    title: "Refonte du portail étudiant selon le référentiel d'écoconception (RGESN)",
    summary:
      "L'université a imposé le RGESN et des plafonds de poids de page dans le marché de refonte de son " +
      'portail étudiant, consulté sur des téléphones parfois anciens.',
    body: `## Contexte

Le portail étudiant reçoit plus de 2 millions de visites par an, à 70 % depuis un téléphone. Une enquête de la vie étudiante avait montré qu'une partie des étudiants utilisait des appareils de plus de cinq ans et des forfaits de données limités.

## Ce que nous avons fait

Nous avons passé une procédure adaptée pour la conception et la maintenance du portail. La sobriété a été traitée comme une exigence fonctionnelle, au même titre que l'accessibilité (RGAA).

## Rédaction de la clause

La spécification technique s'appuie sur le [référentiel général d'écoconception de services numériques](https://ecoresponsable.numerique.gouv.fr/publications/referentiel-general-ecoconception/) :

- poids de page inférieur à 1 000 Ko au premier chargement ;
- moins de 40 requêtes par page ;
- fonctionnement sur des terminaux de six ans ;
- pas de vidéo en lecture automatique ni de traceurs publicitaires.

Les valeurs sont mesurées avec un outil libre lors de la vérification d'aptitude.

## Difficultés

- Les composants de cartographie et de messagerie instantanée dépassaient à eux seuls le budget de poids : ils ne sont chargés qu'à la demande.
- Il a fallu arbitrer avec le service communication sur les images en pleine largeur.

## Conseils

Fixez des valeurs mesurables plutôt que des intentions, et prévoyez qui mesure. Écoconception et accessibilité vont souvent dans le même sens : traitez-les ensemble.`,
    themes: ['numerique-responsable'],
    considerations: ['ENVIRONMENTAL'],
    procedureType: 'PROCEDURE_ADAPTEE',
    cpvCodes: ['72212000-4', '72413000-8'],
    contractYear: 2024,
    departmentCode: '31',
    outcomes:
      'Poids moyen des pages divisé par 4 (de 3,1 Mo à 0,76 Mo). Temps de chargement médian sur mobile ' +
      'passé de 5,8 à 1,9 seconde. Trafic sortant des serveurs réduit de 68 %. Taux de conformité RGAA ' +
      'passé de 54 % à 91 %.',
    templates: ['ecoconception-logiciel'],
    visibility: 'PUBLIC',
    status: 'PUBLISHED',
  },
  {
    key: 'prefecture-vehicules-electriques',
    author: 'achats@prefecture.example',
    title: "Verdissement du parc automobile des services de l'État en région",
    summary:
      'La plateforme régionale des achats a porté à 70 % la part de véhicules électriques dans les ' +
      "commandes de véhicules légers, en préparant l'installation des bornes en amont.",
    body: `## Contexte

Les services de l'État en région gèrent un parc d'environ 1 300 véhicules légers. Les obligations de renouvellement par des véhicules à faibles émissions se sont renforcées, et la durée moyenne des trajets, inférieure à 60 km, se prêtait à l'électrique.

## Ce que nous avons fait

Avant le marché, nous avons analysé les carnets de bord de 300 véhicules pour identifier les usages compatibles. Les services ont ensuite programmé l'installation de bornes sur leurs parkings.

## Rédaction de la clause

La spécification technique exige que 70 % des véhicules livrés soient électriques à batterie, avec une autonomie WLTP d'au moins 300 km et des émissions au plus de 50 g de CO2 par kilomètre. Le titulaire précise la garantie de la batterie et les modalités de sa reprise.

## Difficultés

- Les délais de livraison ont atteint neuf mois pour certains modèles.
- Les bornes n'étaient pas toujours prêtes à l'arrivée des véhicules : il faut caler les deux calendriers.
- Les agents ont eu besoin d'une courte formation à l'écoconduite et à la recharge.

## Conseils

Partez des usages réels, pas des catégories de véhicules. Mutualisez les véhicules entre services pour acheter moins, et gardez des véhicules thermiques récents pour les rares missions longues en zone de montagne.`,
    themes: ['mobilite-vehicules', 'energie'],
    considerations: ['ENVIRONMENTAL'],
    procedureType: 'APPEL_OFFRES_OUVERT',
    cpvCodes: ['34144900-7', '34110000-1'],
    contractYear: 2023,
    departmentCode: '31',
    outcomes:
      '186 véhicules électriques livrés sur 265 commandés (70 %). Part des véhicules à faibles émissions ' +
      'dans le parc passée de 12 % à 31 %. Environ 410 tonnes équivalent CO2 évitées par an. Coût complet ' +
      'de possession inférieur de 9 % à celui des véhicules thermiques sur sept ans.',
    templates: ['vehicules-faibles-emissions'],
    visibility: 'PUBLIC',
    status: 'PUBLISHED',
  },
  {
    key: 'nimes-espaces-verts-reserve-siae',
    author: 'achats@nimes.example',
    title: "Entretien des espaces verts de quartier réservé aux structures d'insertion",
    summary:
      "La Ville de Nîmes a réservé deux lots d'entretien d'espaces verts aux SIAE, en les dimensionnant " +
      "pour des chantiers d'insertion et des entreprises d'insertion locales.",
    body: `## Contexte

L'entretien des espaces verts de quartier était confié à une seule entreprise. Les structures d'insertion du territoire, qui encadrent des salariés sur ce support d'activité, ne pouvaient pas répondre à un marché de cette taille.

## Ce que nous avons fait

Nous avons découpé le marché en cinq lots géographiques. Deux lots, correspondant à des quartiers prioritaires de la politique de la ville, ont été réservés aux structures d'insertion par l'activité économique.

Une réunion d'information a été organisée avec les SIAE du territoire et la direction départementale chargée de l'emploi avant la publication.

## Rédaction de la clause

La clause de réservation vise l'article L2113-13 du code de la commande publique. Le titulaire présente chaque année un bilan des parcours : nombre de salariés, heures travaillées, sorties vers l'emploi ou la formation.

## Difficultés

- Les SIAE ont des capacités de matériel limitées : nous avons retiré du périmètre réservé l'élagage en hauteur.
- Il a fallu adapter le rythme des interventions aux horaires des salariés en parcours.

## Conseils

Rencontrez les structures avant de dimensionner les lots. Un lot réservé trop gros n'obtient aucune offre, un lot trop petit ne finance pas l'encadrement.`,
    themes: ['insertion-activite-economique'],
    considerations: ['SOCIAL'],
    procedureType: 'PROCEDURE_ADAPTEE',
    cpvCodes: ['77310000-6'],
    contractYear: 2022,
    departmentCode: '30',
    outcomes:
      "2 lots réservés attribués, l'un à un atelier et chantier d'insertion, l'autre à une entreprise " +
      "d'insertion. 14 500 heures de travail réalisées en trois ans par 41 salariés en parcours. 48 % de " +
      'sorties dynamiques (emploi, formation qualifiante). Qualité des prestations jugée équivalente à ' +
      'celle des autres lots par les services techniques.',
    templates: ['marche-reserve-siae'],
    visibility: 'PUBLIC',
    status: 'PUBLISHED',
  },
  {
    key: 'montpellier-electricite-renouvelable',
    author: 'acheteuse@montpellier.example',
    title: 'Électricité 100 % renouvelable pour les bâtiments métropolitains',
    summary:
      "Le groupement d'achat d'électricité de la métropole et de ses communes impose une électricité " +
      "renouvelable tracée par des garanties d'origine françaises.",
    body: `## Contexte

Le groupement de commandes d'électricité réunit la métropole et 27 communes, pour environ 2 600 points de livraison et 95 GWh par an. L'objectif du plan climat imposait de sortir d'une offre standard.

## Ce que nous avons fait

Nous avons comparé trois niveaux d'exigence avec le conseil en énergie partagé du territoire : garanties d'origine sans condition, garanties d'origine françaises, et contrat d'achat direct auprès de producteurs. Le surcoût et la disponibilité des offres ont guidé le choix.

## Rédaction de la clause

La spécification technique exige 100 % d'électricité renouvelable pour les bâtiments, justifiée par des garanties d'origine émises pour des installations situées en France. Le titulaire annule les garanties au nom des membres et transmet chaque année l'identification des installations de production.

L'éclairage public a fait l'objet d'un lot distinct, avec une part de 50 %.

## Difficultés

- La crise des prix de 2022 a compliqué la comparaison des offres ; nous avons ajouté une clause de révision fondée sur des index publics.
- Les petites communes craignaient le surcoût : il est resté inférieur à 1 euro par mégawattheure.

## Conseils

Demandez les informations sur les installations de production : sans elles, le caractère renouvelable reste une promesse abstraite. Pensez aussi à réduire les consommations, qui reste le premier levier.`,
    themes: ['energie'],
    considerations: ['ENVIRONMENTAL'],
    procedureType: 'APPEL_OFFRES_OUVERT',
    cpvCodes: ['09310000-5'],
    contractYear: 2024,
    departmentCode: '34',
    outcomes:
      "95 GWh par an couverts par des garanties d'origine françaises, dont 41 % d'origine hydraulique, " +
      '38 % éolienne et 21 % photovoltaïque. Surcoût de 0,8 euro par MWh, soit environ 76 000 euros par ' +
      'an pour le groupement. 27 communes ont rejoint la démarche.',
    templates: ['electricite-renouvelable'],
    visibility: 'PUBLIC',
    status: 'PUBLISHED',
  },
  {
    key: 'toulouse-voirie-clause-insertion',
    author: 'acheteur@toulouse.example',
    title: "Clause d'insertion dans l'accord-cadre de travaux de voirie : 5 000 heures par an",
    summary:
      "Toulouse Métropole associe une condition d'exécution en heures et un critère d'attribution sur la " +
      "qualité de l'accompagnement dans ses marchés de voirie.",
    body: `## Contexte

Les travaux de voirie représentent le premier poste de dépenses de travaux de la métropole. Les clauses d'insertion y existent depuis longtemps, mais les heures réalisées concernaient souvent les mêmes personnes, sur des missions courtes.

## Ce que nous avons fait

Avec la maison de l'emploi et le facilitateur des clauses sociales, nous avons revu la clause pour favoriser des parcours plus longs et qualifiants. L'accord-cadre, en quatre lots géographiques, a été attribué en appel d'offres ouvert.

## Rédaction des clauses

- Condition d'exécution : 7 % des heures de main-d'œuvre, soit environ 5 000 heures par an et par lot, avec une pénalité par heure non réalisée.
- Critère d'attribution pondéré à 10 % : qualité de l'accompagnement, formation qualifiante et perspectives d'embauche.

Le facilitateur valide l'éligibilité des personnes et centralise les états mensuels.

## Difficultés

- L'activité varie fortement selon les saisons : nous avons apprécié la clause sur l'année et non au mois.
- Certains sous-traitants découvraient la clause en cours d'exécution.

## Conseils

Exigez que la clause soit rappelée dans les contrats de sous-traitance. Le critère d'attribution change vraiment les réponses : les candidats proposent des formations au permis poids lourd ou au titre professionnel de constructeur de routes.`,
    themes: ['insertion-activite-economique', 'batiment-travaux-publics'],
    considerations: ['SOCIAL'],
    procedureType: 'APPEL_OFFRES_OUVERT',
    cpvCodes: ['45233140-2'],
    contractYear: 2021,
    departmentCode: '31',
    outcomes:
      "21 300 heures d'insertion réalisées sur quatre lots en un an, pour 20 000 prévues. 68 personnes " +
      'concernées, durée moyenne de parcours de 310 heures contre 140 auparavant. 17 formations ' +
      "qualifiantes financées et 24 contrats durables signés à l'issue.",
    templates: ['insertion-heures', 'insertion-critere-attribution'],
    visibility: 'PUBLIC',
    status: 'PUBLISHED',
  },
  {
    key: 'region-fournitures-bureau-ecolabel',
    author: 'achats@region.example',
    title: 'Papier recyclé et catalogue de fournitures écolabellisées pour les services régionaux',
    summary:
      'Le marché de fournitures de bureau de la Région impose le papier recyclé et met en avant les ' +
      "références écolabellisées dans l'outil de commande en ligne.",
    body: `## Contexte

Les services régionaux, répartis sur deux hôtels de région et quinze maisons de la Région, commandaient leurs fournitures sur un catalogue de 4 000 références. Les produits écolabellisés existaient, mais étaient rarement choisis.

## Ce que nous avons fait

Nous avons réduit le catalogue à 900 références, en supprimant les doublons, et fixé des exigences environnementales dans la spécification technique.

## Rédaction de la clause

- Papier de reprographie composé à 100 % de fibres recyclées, titulaire de l'Écolabel européen ou équivalent.
- Au moins 60 % des références du catalogue écolabellisées ou en matières recyclées, signalées et proposées en premier dans l'outil de commande.
- Livraisons regroupées une fois par semaine et par site, dans des emballages recyclables.

## Difficultés

- Certains services tenaient à des références de marque : l'outil de commande propose désormais une alternative écolabellisée à chaque recherche.
- Le suivi des commandes par catégorie a demandé un travail avec le titulaire sur les données.

## Conseils

Réduire le catalogue est le levier le plus efficace. Demandez un tableau de bord trimestriel et partagez-le avec les services : la comparaison entre sites crée une saine émulation.`,
    themes: ['fournitures-bureau'],
    considerations: ['ENVIRONMENTAL'],
    procedureType: 'APPEL_OFFRES_OUVERT',
    cpvCodes: ['30192000-1', '30197630-1'],
    contractYear: 2022,
    departmentCode: '31',
    outcomes:
      'Part des achats de fournitures écolabellisées ou recyclées passée de 18 % à 71 % en valeur. ' +
      '100 % de papier recyclé, soit 38 tonnes par an. Nombre de livraisons divisé par trois. Consommation ' +
      "de papier en baisse de 22 % grâce à l'impression recto verso par défaut.",
    templates: ['fournitures-bureau-ecolabel'],
    visibility: 'PUBLIC',
    status: 'PUBLISHED',
  },
  {
    key: 'herault-blanchisserie-esat',
    author: 'achats@herault.example',
    title: 'Entretien du linge des établissements départementaux réservé aux ESAT et entreprises adaptées',
    summary:
      "Le Département a réservé le lot de blanchisserie de ses foyers de l'enfance à des structures du " +
      'secteur protégé et adapté, après un sourcing mené avec le réseau.',
    body: `## Contexte

Le linge des foyers départementaux de l'enfance et de deux établissements d'accueil était traité par un prestataire national. Plusieurs ESAT du département disposaient d'une blanchisserie et cherchaient des volumes réguliers.

## Ce que nous avons fait

Le réseau nous a mis en relation avec cinq structures. Des visites de leurs ateliers ont permis de vérifier leurs capacités en volume et en hygiène (méthode de maîtrise du risque infectieux pour le linge).

Le marché a été divisé en deux lots, dont un réservé aux entreprises adaptées et aux ESAT.

## Rédaction de la clause

La clause de réservation renvoie à l'article L2113-12 du code de la commande publique. Une visite des lieux facultative permettait aux structures de mesurer les contraintes de collecte et de livraison.

## Difficultés

- Les tournées de collecte étaient un point faible : le titulaire s'est associé à une entreprise adaptée de transport.
- Les pics d'activité estivaux ont nécessité un planning concerté.

## Conseils

Visitez les ateliers : c'est la meilleure façon de lever les préjugés sur la qualité. Et prévoyez une montée en charge progressive sur trois mois.`,
    themes: ['handicap'],
    considerations: ['SOCIAL'],
    procedureType: 'PROCEDURE_ADAPTEE',
    cpvCodes: ['98310000-9'],
    contractYear: 2023,
    departmentCode: '34',
    outcomes:
      "62 tonnes de linge traitées par an par un ESAT, soit l'équivalent de 14 postes de travailleurs " +
      'handicapés à temps plein. Taux de conformité des livraisons de 98,5 %. Coût au kilogramme ' +
      'inférieur de 3 % au marché précédent.',
    templates: ['marche-reserve-esat-ea'],
    visibility: 'PUBLIC',
    status: 'PUBLISHED',
  },
  {
    key: 'gard-colleges-gaspillage-alimentaire',
    author: 'achats@gard.example',
    title: 'Restauration des collèges : réduire le gaspillage de 30 % avec le prestataire',
    summary:
      'Dans le marché de restauration de douze collèges en gestion concédée, le Département a combiné ' +
      "les objectifs EGalim et une condition d'exécution de lutte contre le gaspillage.",
    body: `## Contexte

Douze collèges du département confient leur restauration à un prestataire. Des pesées réalisées par les gestionnaires montraient un gaspillage moyen de 120 grammes par repas.

## Ce que nous avons fait

Le nouveau marché a été passé en procédure adaptée, car il relève des services de restauration soumis au régime des services sociaux et spécifiques. Il combine :

- la spécification EGalim : 50 % de produits durables et de qualité, dont 20 % bio ;
- une condition d'exécution de lutte contre le gaspillage, avec diagnostic initial, pesées annuelles et don des excédents.

## Rédaction de la clause

Le diagnostic repose sur cinq jours de pesée consécutifs par établissement. L'objectif de réduction a été fixé à 30 % en trois ans. Les excédents consommables sont donnés à une association d'aide alimentaire, dans le cadre d'une convention.

## Difficultés

- Le choix des portions a d'abord été mal compris des élèves : des ateliers avec les délégués de classe ont aidé.
- Le don est limité par les règles d'hygiène de la liaison chaude.

## Conseils

Mesurez avant d'écrire l'objectif : sans diagnostic, l'engagement n'est pas contrôlable. Associez le personnel de service, qui voit ce qui reste dans les assiettes.`,
    themes: ['alimentation'],
    considerations: ['ENVIRONMENTAL'],
    procedureType: 'PROCEDURE_ADAPTEE',
    cpvCodes: ['55523100-3'],
    contractYear: 2024,
    departmentCode: '30',
    outcomes:
      'Gaspillage moyen passé de 120 g à 86 g par repas en un an (-28 %), soit environ 21 tonnes de ' +
      'nourriture évitées. 48 % de produits durables et de qualité, dont 22 % bio. 3 100 repas ' +
      "donnés à une association d'aide alimentaire.",
    templates: ['egalim-produits-durables'],
    visibility: 'MEMBERS',
    status: 'PUBLISHED',
  },
  {
    key: 'chu-performance-energetique',
    author: 'achats@chu.example',
    title: "Marché global de performance pour l'exploitation des chaufferies du CHU",
    summary:
      "Le CHU a confié l'exploitation et la rénovation de ses installations thermiques à un titulaire " +
      'unique, avec un engagement de réduction des consommations de 25 %.',
    body: `## Contexte

Les installations de chauffage et de production d'eau chaude du CHU datent pour partie des années 1990. Les consommations augmentaient malgré des travaux ponctuels, et l'établissement est soumis aux obligations de réduction du dispositif éco énergie tertiaire.

## Ce que nous avons fait

Nous avons retenu un marché global de performance associant conception, travaux et exploitation sur huit ans. La complexité technique a justifié un dialogue compétitif avec trois candidats.

## Rédaction de la clause

La condition d'exécution fixe une réduction de 25 % de la consommation d'énergie finale par rapport à une situation de référence, corrigée du climat. Un plan de mesure et de vérification annexé au marché décrit les compteurs et les calculs. Les écarts donnent lieu à des pénalités ou à un partage des économies.

## Difficultés

- Établir la situation de référence a pris six mois : le sous-comptage était incomplet.
- Les activités de soin évoluent ; il a fallu prévoir des ajustements de la référence en cas de création de service.

## Conseils

Investissez dans le comptage avant la consultation. Faites-vous accompagner par un assistant à maîtrise d'ouvrage spécialisé, et impliquez les services techniques dans le dialogue.`,
    themes: ['energie'],
    considerations: ['ENVIRONMENTAL'],
    procedureType: 'DIALOGUE_COMPETITIF',
    cpvCodes: ['71314000-2', '50700000-2'],
    contractYear: 2021,
    departmentCode: '34',
    outcomes:
      "Consommation d'énergie finale réduite de 27 % après trois années d'exploitation, soit 11,4 GWh " +
      "économisés par an. Émissions réduites d'environ 2 300 tonnes équivalent CO2 par an grâce au " +
      'raccordement partiel à un réseau de chaleur. Économies partagées : 180 000 euros reversés au CHU ' +
      'en 2024.',
    templates: [],
    visibility: 'MEMBERS',
    status: 'PUBLISHED',
  },
  {
    key: 'universite-prevention-sante-ess',
    author: 'achats@universite.example',
    title: "Ateliers de prévention santé pour les étudiants : un marché réservé à l'ESS",
    summary:
      "L'université a utilisé pour la première fois la réservation aux entreprises de l'économie sociale " +
      'et solidaire pour des actions de prévention et de santé auprès des étudiants.',
    body: `## Contexte

Le service de santé étudiante organisait des ateliers de prévention (addictions, santé mentale, nutrition) avec des associations, sur la base de subventions annuelles. La direction juridique souhaitait sécuriser ces relations par un marché, sans perdre les partenaires associatifs.

## Ce que nous avons fait

Nous avons vérifié que ces prestations relevaient bien des services de santé et des services sociaux figurant dans la liste publiée par avis. Le marché a été réservé aux entreprises de l'économie sociale et solidaire, en application de l'article L2113-15 du code de la commande publique, pour une durée de trois ans.

## Rédaction de la clause

- La clause rappelle les conditions exigées des candidats : mission de service public liée à la prestation, réinvestissement des bénéfices, gouvernance participative.
- Les candidats joignent leurs statuts à l'offre.
- La durée est de 36 mois, sans reconduction possible au-delà.

## Difficultés

- Plusieurs associations connaissaient mal la commande publique : le réseau a organisé une demi-journée d'information.
- La limite de trois ans oblige à anticiper la relance.

## Conseils

Vérifiez la liste des services éligibles avant de vous engager. La réservation ESS est peu utilisée, mais elle est adaptée aux services à forte utilité sociale portés par des associations.`,
    themes: ['achats-ess'],
    considerations: ['SOCIAL'],
    procedureType: 'PROCEDURE_ADAPTEE',
    cpvCodes: ['85323000'],
    contractYear: 2022,
    departmentCode: '31',
    outcomes:
      '3 associations titulaires sur 4 lots. 186 ateliers réalisés en deux ans auprès de 5 400 étudiants. ' +
      'Taux de satisfaction de 92 %. Coût maîtrisé à 148 000 euros HT sur la durée du marché.',
    templates: ['marche-reserve-ess'],
    visibility: 'MEMBERS',
    status: 'PUBLISHED',
  },
  {
    key: 'prefecture-nettoyage-reserve-siae',
    author: 'achats@prefecture.example',
    title: "Nettoyage de sites de l'État réservé à une entreprise d'insertion",
    summary:
      'Pour trois sites administratifs de taille moyenne, la plateforme régionale des achats a réservé le ' +
      'lot de nettoyage aux SIAE et imposé des produits écolabellisés.',
    body: `## Contexte

Le plan national pour des achats durables fixe à 30 % la part des marchés comprenant une considération sociale. Les marchés de nettoyage des services de l'État étaient jusque-là attribués à de grandes entreprises, sans clause sociale.

## Ce que nous avons fait

Nous avons isolé un lot de trois sites administratifs d'environ 6 000 m² au total, adapté à la taille des entreprises d'insertion du secteur de la propreté. Ce lot a été réservé aux structures d'insertion par l'activité économique.

## Rédaction des clauses

- Clause de réservation selon l'article L2113-13 du code de la commande publique.
- Spécification technique sur les produits : 80 % de produits écolabellisés, dosage automatique.
- Les agents travaillent en journée, en présence des occupants.

## Difficultés

- Les sites étant soumis à des règles de sécurité, les habilitations des salariés en parcours ont demandé des délais.
- Deux offres seulement ont été reçues : il faut informer les structures en amont.

## Conseils

Le réseau et l'inter-réseau régional des SIAE sont de bons relais pour annoncer la consultation. Gardez un dialogue régulier avec l'encadrant technique de la structure : c'est lui qui garantit la qualité au quotidien.`,
    themes: ['proprete-entretien', 'insertion-activite-economique'],
    considerations: ['SOCIAL', 'ENVIRONMENTAL'],
    procedureType: 'PROCEDURE_ADAPTEE',
    cpvCodes: ['90919200-4'],
    contractYear: 2023,
    departmentCode: '31',
    outcomes:
      "9 200 heures de travail par an confiées à une entreprise d'insertion, soit 6 équivalents temps " +
      'plein en parcours. 5 salariés sortis vers un emploi durable en 18 mois. 84 % de produits ' +
      'écolabellisés en volume. Aucune non-conformité majeure relevée lors des contrôles.',
    templates: ['marche-reserve-siae', 'nettoyage-ecolabel'],
    visibility: 'PUBLIC',
    status: 'PUBLISHED',
  },
  {
    key: 'nimes-cantines-bio-circuits-courts',
    author: 'achats@nimes.example',
    title: "Cantines scolaires : 32 % de bio grâce à l'allotissement par produit",
    summary:
      'La Ville de Nîmes a dépassé les objectifs EGalim dans sa cuisine centrale en allotissant finement ' +
      'ses achats et en valorisant les approvisionnements directs.',
    body: `## Contexte

La cuisine centrale produit 9 000 repas par jour pour les écoles et les crèches de la ville. En 2019, la part de produits biologiques était de 8 %.

## Ce que nous avons fait

Nous avons rencontré les producteurs et les plateformes de distribution de produits agricoles avant la consultation. Le marché de denrées a été découpé en 31 lots, dont des lots de petite taille pour les légumes de saison, les œufs et les produits laitiers.

## Rédaction des clauses

- Spécification EGalim : 55 % de produits durables et de qualité, dont 30 % de produits biologiques.
- Critère sur les approvisionnements directs de produits de l'agriculture, pondéré à 20 %, qui note le nombre d'intermédiaires et le délai entre récolte et livraison.

Nous avons été vigilants à ne faire figurer aucun critère de proximité géographique, qui est interdit.

## Difficultés

- Les petits producteurs ont besoin de délais de paiement courts : nous avons réduit le délai à 20 jours.
- Les légumes bruts demandent plus de main-d'œuvre en légumerie : deux postes ont été créés.

## Conseils

Le menu végétarien hebdomadaire libère du budget pour la qualité. Travaillez avec les cuisiniers sur les recettes de saison, et communiquez auprès des familles sur l'origine des produits.`,
    themes: ['alimentation'],
    considerations: ['ENVIRONMENTAL'],
    procedureType: 'APPEL_OFFRES_OUVERT',
    cpvCodes: ['55524000-9', '15300000-1', '03142500-3'],
    contractYear: 2022,
    departmentCode: '30',
    outcomes:
      'Part de produits biologiques passée de 8 % à 32 % en valeur, produits durables et de qualité à ' +
      '58 %. 23 producteurs titulaires de lots. 70 % des fruits et légumes livrés moins de 48 heures ' +
      'après la récolte. Coût matière par repas en hausse de 0,21 euro.',
    templates: ['egalim-produits-durables', 'circuits-courts-fraicheur'],
    visibility: 'PUBLIC',
    status: 'PUBLISHED',
  },
  {
    key: 'montpellier-vetements-agents',
    author: 'acheteuse@montpellier.example',
    title: 'Vêtements de travail des agents de terrain : coton biologique et fibres recyclées',
    summary:
      'La métropole a renouvelé les tenues de ses agents de la propreté et des espaces verts avec des ' +
      'exigences sur les fibres et un dialogue avec les titulaires sur les conditions de fabrication.',
    body: `## Contexte

Environ 1 500 agents de terrain reçoivent chaque année une dotation de vêtements de travail : pantalons, vestes, polos et vêtements de pluie. Les représentants du personnel demandaient des tenues plus confortables et plus durables.

## Ce que nous avons fait

Un groupe de travail avec des agents volontaires a testé des prototypes pendant deux mois. Le marché a été passé en appel d'offres ouvert, en quatre lots par type d'article.

## Rédaction de la clause

La spécification technique exige :

- 30 % de fibres recyclées pour les pantalons et vestes, 100 % de coton biologique pour les polos ;
- une tenue de 50 lavages industriels ;
- un label de référence (GRS ou GOTS) ou une preuve équivalente.

Nous avons aussi demandé la liste des sites de confection, sans en faire un critère, afin d'ouvrir un dialogue avec les titulaires.

## Difficultés

- Les vêtements haute visibilité en fibres recyclées restent rares.
- La liste des sites de confection n'était pas toujours complète pour les rangs de sous-traitance.

## Conseils

Les essais par les agents sont indispensables. Pour aller plus loin sur les conditions de travail, un critère dédié est à l'étude au sein du réseau.`,
    themes: ['textiles-vetements'],
    considerations: ['ENVIRONMENTAL', 'SOCIAL'],
    procedureType: 'APPEL_OFFRES_OUVERT',
    cpvCodes: ['18100000-0', '18130000-9'],
    contractYear: 2022,
    departmentCode: '34',
    outcomes:
      '8 600 articles livrés par an, dont 71 % comportant des fibres recyclées ou biologiques. Taux de ' +
      "retour pour défaut de 1,4 %. Satisfaction des agents de 82 % lors de l'enquête à un an. Surcoût " +
      'limité à 6 % sur la dotation annuelle.',
    templates: ['textile-fibres-recyclees'],
    visibility: 'PUBLIC',
    status: 'PUBLISHED',
  },
  {
    key: 'toulouse-utilitaires-electriques',
    author: 'acheteur@toulouse.example',
    title: 'Utilitaires électriques pour les équipes techniques de la métropole',
    summary:
      'Les services techniques de Toulouse Métropole ont remplacé 120 fourgonnettes diesel par des ' +
      'utilitaires électriques, après une analyse fine des tournées.',
    body: `## Contexte

Les équipes techniques (voirie, éclairage, bâtiments) utilisent des fourgonnettes pour des tournées courtes, en zone à faibles émissions. Le parc diesel vieillissant devait être renouvelé.

## Ce que nous avons fait

Un diagnostic des tournées, à partir des données de géolocalisation, a montré que 85 % des trajets quotidiens faisaient moins de 80 km. Nous avons consulté en appel d'offres ouvert, en deux lots : fourgonnettes et petits utilitaires.

## Rédaction de la clause

La spécification technique impose 90 % de véhicules électriques à batterie, avec une autonomie d'au moins 200 km, et demande la garantie de la batterie et sa reprise en fin de vie. Un critère d'attribution, pondéré à 15 %, notait le coût complet sur huit ans, incluant l'énergie et l'entretien.

## Difficultés

- La charge utile des modèles électriques est inférieure : certains aménagements intérieurs ont été allégés.
- L'installation de 60 bornes dans les centres techniques a été un chantier à part entière.

## Conseils

Raisonnez en coût complet, pas en prix d'achat. Prévoyez la formation des équipes de maintenance internes aux véhicules électriques.`,
    themes: ['mobilite-vehicules', 'energie'],
    considerations: ['ENVIRONMENTAL'],
    procedureType: 'APPEL_OFFRES_OUVERT',
    cpvCodes: ['34144900-7', '34136000-9'],
    contractYear: 2024,
    departmentCode: '31',
    outcomes:
      '118 utilitaires électriques livrés en 18 mois. Consommation de gazole réduite de 160 000 litres ' +
      'par an, soit environ 420 tonnes équivalent CO2 évitées. Coût complet sur huit ans inférieur de ' +
      '12 % à celui du diesel. Disponibilité du parc de 96 %.',
    templates: ['vehicules-faibles-emissions'],
    visibility: 'MEMBERS',
    status: 'PUBLISHED',
  },
  {
    key: 'region-lycees-deee-reemploi',
    author: 'achats@region.example',
    title: 'Reprise des ordinateurs des lycées : priorité au réemploi solidaire',
    summary:
      'La Région a confié la collecte et le reconditionnement des équipements informatiques réformés des ' +
      "lycées à un prestataire tenu à un taux de réemploi, avec des heures d'insertion.",
    body: `## Contexte

Les lycées réforment chaque année plusieurs milliers d'ordinateurs et d'écrans. Ils étaient jusqu'ici collectés par une filière de recyclage, sans réemploi, alors qu'une bonne partie restait fonctionnelle.

## Ce que nous avons fait

Nous avons passé un marché en procédure adaptée pour la collecte, l'effacement des données et le reconditionnement. Les équipements reconditionnés sont vendus à bas prix à des associations et des familles, ou donnés à des structures d'accompagnement.

## Rédaction de la clause

La condition d'exécution impose :

- une collecte trimestrielle dans chaque lycée ;
- un taux de réemploi d'au moins 50 % en nombre ;
- un certificat d'effacement pour chaque disque ;
- un bilan annuel distinguant réemploi, recyclage et heures d'insertion.

## Difficultés

- La collecte dans des établissements dispersés, parfois en zone rurale, a un coût : les tournées ont été optimisées par bassin.
- Les équipes des lycées devaient trier les équipements en amont ; une fiche pratique leur a été fournie.

## Conseils

Vérifiez les règles de sortie d'inventaire avec vos services financiers avant de lancer la consultation. La traçabilité du devenir de chaque équipement rassure les gestionnaires.`,
    themes: ['numerique-responsable', 'insertion-activite-economique'],
    considerations: ['ENVIRONMENTAL', 'SOCIAL'],
    procedureType: 'PROCEDURE_ADAPTEE',
    cpvCodes: ['90500000-2', '50312000-5'],
    contractYear: 2021,
    departmentCode: '31',
    outcomes:
      '7 800 équipements collectés en trois ans, dont 56 % reconditionnés et réemployés. 2 900 ordinateurs ' +
      'remis à des familles et des associations. 4 700 heures de travail pour des salariés en insertion. ' +
      '100 % des supports de stockage effacés avec certificat.',
    templates: ['reprise-deee-fin-de-vie'],
    visibility: 'MEMBERS',
    status: 'PUBLISHED',
  },
  {
    key: 'herault-msd-biosource',
    author: 'achats@herault.example',
    title: "Rénovation d'une maison départementale des solidarités en matériaux biosourcés",
    summary:
      'Isolation en fibre de bois, menuiseries bois certifiées et cloisons en terre crue : retour sur une ' +
      "rénovation énergétique exemplaire d'un bâtiment de 1 200 m².",
    body: `## Contexte

La maison départementale des solidarités, construite en 1982, était très consommatrice d'énergie et inconfortable l'été. Le programme visait une rénovation énergétique performante avec des matériaux à faible impact.

## Ce que nous avons fait

La maîtrise d'œuvre, sélectionnée sur concours restreint, a conçu le projet autour des matériaux biosourcés. Les travaux ont été passés en appel d'offres ouvert, en neuf lots.

## Rédaction de la clause

La spécification technique fixe un taux d'au moins 24 kg de matière biosourcée par mètre carré de surface de plancher, une isolation en fibre de bois sous avis technique et 100 % de bois certifié FSC ou PEFC. Les fiches de déclaration environnementale et sanitaire étaient exigées à l'offre.

Un critère environnemental de 15 % notait aussi la gestion du chantier et le tri des déchets.

## Difficultés

- Peu d'entreprises locales maîtrisaient la pose d'isolants biosourcés : une formation a été proposée avec la fédération du bâtiment.
- La protection des isolants contre l'humidité pendant le chantier a demandé une vigilance particulière.

## Conseils

Consultez les filières régionales de matériaux biosourcés en phase de conception. Prévoyez des visites de chantier pour les autres maîtres d'ouvrage : l'exemple convainc plus qu'une note.`,
    themes: ['batiment-travaux-publics', 'energie'],
    considerations: ['ENVIRONMENTAL'],
    procedureType: 'APPEL_OFFRES_OUVERT',
    cpvCodes: ['45453000-7', '45321000-3'],
    contractYear: 2023,
    departmentCode: '34',
    outcomes:
      "Consommation d'énergie réduite de 58 % après un an d'exploitation. 31 kg de matière biosourcée " +
      'par m² de surface de plancher. Environ 145 tonnes équivalent CO2 stockées dans les matériaux. ' +
      'Température intérieure maximale en été abaissée de 4 °C.',
    templates: [],
    visibility: 'PUBLIC',
    status: 'PUBLISHED',
  },
  {
    key: 'gard-routes-insertion',
    author: 'achats@gard.example',
    title: "Entretien des routes départementales : clause d'insertion dans un territoire rural",
    summary:
      "Le Département du Gard a étendu la clause d'insertion à ses marchés d'entretien routier dans les " +
      'Cévennes, avec un facilitateur itinérant.',
    body: `## Contexte

Dans les Cévennes, les chantiers sont dispersés et les publics éloignés de l'emploi manquent souvent de moyens de transport. Les clauses d'insertion étaient jusque-là réservées aux marchés urbains.

## Ce que nous avons fait

Nous avons créé un poste de facilitateur itinérant, partagé avec deux communautés de communes. L'accord-cadre d'entretien routier, en trois lots, intègre une clause d'insertion de 5 % des heures.

## Rédaction de la clause

La condition d'exécution fixe un volume de 3 000 heures par lot et par an. Le titulaire peut recourir à une entreprise de travail temporaire d'insertion ou à un groupement d'employeurs pour l'insertion et la qualification. Le facilitateur valide l'éligibilité et organise des sessions de recrutement au plus près des chantiers.

## Difficultés

- La mobilité : un partenariat avec une association de location de scooters à prix solidaire a été indispensable.
- Les pics d'activité estivaux rendent le suivi mensuel difficile ; l'appréciation se fait sur l'année.

## Conseils

En territoire rural, la clause n'existe que si le facilitateur est présent sur le terrain. Mutualisez ce poste entre collectivités.`,
    themes: ['insertion-activite-economique', 'batiment-travaux-publics'],
    considerations: ['SOCIAL'],
    procedureType: 'APPEL_OFFRES_OUVERT',
    cpvCodes: ['45233140-2'],
    contractYear: 2023,
    departmentCode: '30',
    outcomes:
      "8 400 heures d'insertion réalisées la première année pour 9 000 prévues (93 %). 26 personnes " +
      'accompagnées, dont 11 bénéficiaires du RSA. 7 embauches en contrat à durée indéterminée chez les ' +
      'titulaires.',
    templates: ['insertion-heures'],
    visibility: 'MEMBERS',
    status: 'PUBLISHED',
  },
  {
    key: 'chu-restauration-patients-egalim',
    author: 'achats@chu.example',
    title: 'Repas des patients : appliquer EGalim dans un groupement hospitalier',
    summary:
      'Le CHU et les hôpitaux de son groupement ont revu leurs marchés de denrées pour atteindre les ' +
      'objectifs EGalim, en tenant compte des contraintes nutritionnelles des patients.',
    body: `## Contexte

La cuisine centrale du CHU prépare 8 500 repas par jour pour les patients et le personnel des établissements du groupement hospitalier de territoire. Les régimes médicaux et les textures modifiées compliquent les changements de produits.

## Ce que nous avons fait

Nous avons travaillé avec les diététiciens pour identifier les familles de produits où la montée en qualité était possible sans risque : produits laitiers, fruits, légumes, viandes de bœuf et de volaille.

## Rédaction de la clause

La spécification technique reprend les objectifs EGalim : 50 % de produits durables et de qualité, dont 20 % bio, et 60 % pour les viandes et poissons. Le bilan est semestriel, par famille de produits.

## Difficultés

- Les produits biologiques en textures modifiées sont rares.
- Le budget alimentaire par patient est contraint : les économies sur le gaspillage ont financé une partie du surcoût.

## Conseils

Partez des familles de produits, pas d'un objectif global. Les diététiciens sont des alliés : associez-les dès le sourcing. Et présentez les résultats aux instances de l'établissement : les représentants des usagers y sont très attentifs.`,
    themes: ['alimentation'],
    considerations: ['ENVIRONMENTAL'],
    procedureType: 'APPEL_OFFRES_OUVERT',
    cpvCodes: ['15000000-8', '15500000-3'],
    contractYear: 2024,
    departmentCode: '34',
    outcomes:
      'Part de produits durables et de qualité passée de 19 % à 41 %, dont 14 % bio, en un an. 100 % des ' +
      "produits laitiers sous signe de qualité. Gaspillage réduit de 18 % grâce à l'ajustement des " +
      'grammages. Surcoût de 0,09 euro par repas.',
    templates: ['egalim-produits-durables'],
    visibility: 'PUBLIC',
    status: 'PUBLISHED',
  },
  {
    key: 'universite-imprimantes-reparabilite',
    author: 'achats@universite.example',
    title: 'Imprimantes et ordinateurs : un critère de réparabilité pondéré à 15 %',
    summary:
      "L'université a introduit un critère de réparabilité et de disponibilité des pièces dans son " +
      "marché de matériel informatique et d'impression.",
    body: `## Contexte

L'université gère 14 000 postes informatiques et environ 900 imprimantes multifonctions. Les pannes hors garantie conduisaient souvent au remplacement, faute de pièces.

## Ce que nous avons fait

Nous avons introduit un critère environnemental dans l'accord-cadre de matériel, attribué en procédure formalisée, en complément d'une garantie de cinq ans.

## Rédaction de la clause

Le critère, pondéré à 15 %, note pour moitié l'indice de réparabilité des modèles proposés (aucun point en dessous de 7 sur 10) et pour moitié la durée de disponibilité des pièces au-delà de sept ans. Les candidats joignent la fiche de calcul de l'indice et l'engagement écrit du fabricant.

## Difficultés

- Les imprimantes ne disposent pas d'indice réglementaire : nous avons demandé une grille déclarative inspirée de l'indice, vérifiée par échantillon.
- L'engagement sur les pièces est souvent celui du fabricant, pas du revendeur : il faut le faire signer.

## Conseils

Combinez critère et condition d'exécution : le critère fait jouer la concurrence, la condition protège l'usage réel. Suivez les taux de réparation avec le support informatique.`,
    themes: ['numerique-responsable', 'fournitures-bureau'],
    considerations: ['ENVIRONMENTAL'],
    procedureType: 'APPEL_OFFRES_OUVERT',
    cpvCodes: ['30232110-8', '30213100-6'],
    contractYear: 2023,
    departmentCode: '31',
    outcomes:
      'Indice de réparabilité moyen des portables retenus : 8,1 sur 10 contre 6,4 auparavant. 410 ' +
      'réparations réalisées la première année au lieu de remplacements. Durée de vie cible des postes ' +
      'portée de 5 à 7 ans.',
    templates: [],
    visibility: 'PUBLIC',
    status: 'PUBLISHED',
  },
  {
    key: 'prefecture-archives-esat',
    author: 'achats@prefecture.example',
    title: "Numérisation et conditionnement d'archives confiés à un ESAT",
    summary:
      'Un lot réservé aux ESAT et entreprises adaptées pour la numérisation de dossiers administratifs, ' +
      'avec des exigences fortes de confidentialité.',
    body: `## Contexte

Les services de l'État devaient numériser des dossiers administratifs anciens avant leur versement aux archives départementales. Le volume était estimé à 1,2 million de pages.

## Ce que nous avons fait

Le sourcing a montré que plusieurs ESAT et entreprises adaptées de la région disposaient d'ateliers de numérisation. Un lot a été réservé à ces structures, en application de l'article L2113-12 du code de la commande publique.

## Rédaction de la clause

La clause de réservation est complétée par des exigences de sécurité : traitement dans des locaux fermés, personnel nommément désigné, engagement de confidentialité et destruction des copies de travail.

## Difficultés

- Les exigences de confidentialité ont imposé la mise en place d'une salle sécurisée chez le titulaire.
- Le rythme de production a été adapté aux capacités de l'atelier, avec une montée en charge progressive.

## Conseils

Le secteur protégé et adapté sait traiter des prestations de qualité dans des domaines variés. Un cahier des charges clair et un interlocuteur unique facilitent la réussite. Prévoyez aussi un lot pilote de quelques milliers de pages pour valider ensemble le format des fichiers et l'indexation.`,
    themes: ['handicap'],
    considerations: ['SOCIAL'],
    procedureType: 'PROCEDURE_ADAPTEE',
    cpvCodes: ['79999100'],
    contractYear: 2022,
    departmentCode: '31',
    outcomes:
      '1,26 million de pages numérisées et indexées en 14 mois. 18 travailleurs handicapés mobilisés sur ' +
      "le marché. Taux d'erreur d'indexation inférieur à 0,3 %. Aucun incident de confidentialité.",
    templates: ['marche-reserve-esat-ea'],
    visibility: 'MEMBERS',
    status: 'PUBLISHED',
  },
  {
    key: 'nimes-velos-service',
    author: 'achats@nimes.example',
    title: 'Une flotte de vélos à assistance électrique pour les agents municipaux',
    summary:
      'La Ville de Nîmes a acquis 80 vélos de service et confié leur entretien à un atelier solidaire, ' +
      "pour réduire l'usage de la voiture sur les trajets courts.",
    body: `## Contexte

Une enquête auprès des agents a montré que 40 % des déplacements professionnels en voiture faisaient moins de 5 km. Les rues du centre historique se prêtent mal à la voiture.

## Ce que nous avons fait

Nous avons acheté 80 vélos à assistance électrique en procédure adaptée et passé un marché d'entretien distinct avec un atelier de réparation solidaire.

## Rédaction du cahier des charges

La clause de spécification, en cours de mutualisation dans le réseau, demandait des pièces d'usure standard, une batterie réparable et un équipement complet (antivol, éclairage, garde-boue, sacoches).

## Difficultés

- Le stationnement sécurisé dans les bâtiments anciens a demandé des aménagements.
- Certains agents avaient besoin d'une remise en selle : une association a animé des sessions.

## Conseils

Associez la prévention des risques professionnels et proposez un essai de deux semaines aux agents avant la commande.

Séparez l'achat des vélos et leur entretien : un marché d'entretien de petite taille est accessible aux ateliers solidaires du territoire, qui assurent aussi la formation des agents aux petites réparations. Suivez enfin les kilomètres parcourus pour ajuster la taille de la flotte.`,
    themes: ['mobilite-vehicules'],
    considerations: ['ENVIRONMENTAL'],
    procedureType: 'PROCEDURE_ADAPTEE',
    cpvCodes: ['34430000-0'],
    contractYear: 2025,
    departmentCode: '30',
    outcomes:
      '80 vélos en service, 46 000 km parcourus la première année. 23 véhicules du parc automobile ' +
      'supprimés. Environ 6 tonnes équivalent CO2 évitées par an. 350 heures de travail par an pour ' +
      "l'atelier solidaire.",
    templates: [],
    visibility: 'PUBLIC',
    status: 'PUBLISHED',
  },
  {
    key: 'reseau-bilan-clauses-2024',
    author: 'admin@reseau.example',
    title: 'Bilan 2024 du réseau : où en sont les clauses sociales et environnementales en Occitanie ?',
    summary:
      "Synthèse des retours de 52 acheteurs membres sur l'année 2024 : progression des clauses " +
      'environnementales, stagnation des clauses sociales et pistes pour 2026.',
    body: `## Contexte

Chaque année, le réseau interroge ses membres acheteurs sur les marchés notifiés. En 2024, 52 acheteurs ont répondu, représentant environ 4 100 marchés.

## Ce que montrent les chiffres

- 41 % des marchés comportent au moins une considération environnementale, contre 29 % au niveau national en 2022.
- 24 % comportent une considération sociale, proche de la moyenne nationale.
- Les marchés réservés aux SIAE, EA et ESAT restent marginaux : moins de 2 % des marchés.

## Ce qui fonctionne

- Les clauses d'insertion dans les travaux, portées par des facilitateurs.
- Le reconditionnement informatique, grâce aux modèles de clauses partagés.
- Les objectifs EGalim, désormais intégrés par la plupart des acheteurs de restauration.

## Ce qui bloque

1. Le manque de temps pour le sourcing.
2. La difficulté à contrôler l'exécution des clauses.
3. La crainte de recevoir moins d'offres.

## Pistes pour 2026

L'échéance d'août 2026, fixée par la loi Climat et résilience, impose une condition d'exécution environnementale dans tous les marchés. Le réseau proposera des modèles de clauses simples par famille d'achat et des ateliers de contrôle de l'exécution.

Les données détaillées sont réservées aux membres. La méthode s'inspire des indicateurs du [plan national pour des achats durables](https://www.ecologie.gouv.fr/).`,
    themes: ['insertion-activite-economique', 'handicap', 'achats-ess'],
    considerations: ['SOCIAL', 'ENVIRONMENTAL'],
    procedureType: null,
    cpvCodes: [],
    contractYear: 2024,
    departmentCode: '34',
    outcomes:
      '52 acheteurs répondants, environ 4 100 marchés analysés. 41 % avec une considération ' +
      'environnementale, 24 % avec une considération sociale. 1,8 % de marchés réservés. Près de 410 000 ' +
      "heures d'insertion déclarées sur l'année.",
    templates: [],
    visibility: 'PUBLIC',
    status: 'PUBLISHED',
  },
  {
    key: 'reseau-journee-achats-ess',
    author: 'moderation@reseau.example',
    title: "Journée d'échange acheteurs et ESS : ce qu'il faut retenir",
    summary:
      "Compte rendu de la rencontre entre acheteurs publics et structures de l'ESS organisée par le " +
      'réseau : freins, bonnes pratiques et outils disponibles.',
    body: `## Contexte

Le réseau a réuni 70 acheteurs publics et 45 structures de l'économie sociale et solidaire (SIAE, ESAT, EA, coopératives et associations) pendant une journée à Montpellier.

## Ce qui a été dit

Les structures ont exprimé trois attentes :

- des lots dimensionnés à leur capacité ;
- une information précoce sur les consultations à venir ;
- des délais de paiement courts.

Les acheteurs ont témoigné des outils qu'ils utilisent : réservation de lots, clauses d'insertion, réservation aux entreprises de l'ESS pour les services de santé, sociaux et culturels.

## Les ateliers

1. Rédiger un marché réservé sans erreur juridique.
2. Répondre en groupement ou en cotraitance avec une entreprise classique.
3. Suivre et valoriser les résultats d'un marché.

## Conseils retenus

- Publier une programmation annuelle des achats.
- Organiser des rencontres de sourcing ouvertes, annoncées largement.
- Utiliser les modèles de clauses du réseau et les adapter.

Les supports de la journée sont disponibles dans l'espace membres.

## Et ensuite ?

Le réseau organisera en 2026 deux ateliers départementaux, dans le Gard et dans le Tarn, pour aider les acheteurs des communes de taille moyenne à préparer leur premier lot réservé.`,
    themes: ['achats-ess', 'insertion-activite-economique', 'handicap'],
    considerations: ['SOCIAL'],
    procedureType: null,
    cpvCodes: [],
    contractYear: 2025,
    departmentCode: '34',
    outcomes:
      '115 participants, dont 70 acheteurs publics. 38 rendez-vous individuels de sourcing organisés. ' +
      'Dans les six mois suivants, 9 consultations ont été publiées avec un lot réservé ou une clause ' +
      'nouvelle issue des ateliers.',
    templates: ['marche-reserve-ess', 'marche-reserve-siae'],
    visibility: 'MEMBERS',
    status: 'PUBLISHED',
  },
  {
    key: 'siae-repondre-clause-insertion',
    author: 'contact@siae.example',
    title: "Entreprise d'insertion : comment nous répondons aux clauses d'insertion des marchés de travaux",
    summary:
      'Tremplin Insertion Hérault partage son expérience de cotraitant et de sous-traitant des ' +
      "entreprises du BTP soumises à une clause d'insertion.",
    body: `## Contexte

Notre entreprise d'insertion emploie 35 salariés en parcours dans le second œuvre (peinture, plâtrerie, petite maçonnerie). Une grande partie de notre activité vient de marchés publics comportant une clause d'insertion.

## Ce que nous faisons

Nous intervenons de trois façons :

- en sous-traitance d'un lot ou d'une partie de lot ;
- en cotraitance avec une entreprise du BTP ;
- par mise à disposition de salariés via une entreprise de travail temporaire d'insertion partenaire.

## Comment nous lisons la clause

Nous regardons d'abord le nombre d'heures et la durée du chantier, puis la présence d'un facilitateur. Une clause de 5 000 heures sur dix-huit mois permet de construire de vrais parcours ; 300 heures sur trois semaines ne permettent que des missions courtes.

## Difficultés

- Nous sommes souvent sollicités à la dernière minute, après l'attribution.
- Les retards de paiement des entreprises principales fragilisent notre trésorerie.

## Nos conseils aux acheteurs

- Publiez le nom du facilitateur dans le dossier de consultation.
- Encouragez les candidats à présenter leurs partenaires d'insertion dès l'offre.
- Vérifiez le paiement direct des sous-traitants.`,
    themes: ['insertion-activite-economique', 'batiment-travaux-publics'],
    considerations: ['SOCIAL'],
    procedureType: 'APPEL_OFFRES_OUVERT',
    cpvCodes: ['45442100'],
    contractYear: 2023,
    departmentCode: '34',
    outcomes:
      "42 000 heures de travail réalisées en 2023 dans le cadre de clauses d'insertion, sur 17 marchés. " +
      "58 % de sorties dynamiques de nos salariés. Chiffre d'affaires issu de marchés publics : 1,1 " +
      "million d'euros.",
    templates: ['insertion-heures'],
    visibility: 'PUBLIC',
    status: 'PUBLISHED',
  },
  {
    key: 'aci-maraichage-restauration-collective',
    author: 'contact@aci.example',
    title: "Un chantier d'insertion maraîcher fournisseur des cantines : notre expérience",
    summary:
      'Les Jardins du Lauragais livrent des légumes biologiques à des cantines scolaires et à un collège. ' +
      'Retour sur ce que nous avons appris en répondant aux marchés publics.',
    body: `## Contexte

Notre atelier et chantier d'insertion cultive six hectares de légumes biologiques et emploie 24 salariés en parcours. Nous vendions surtout en paniers ; la restauration collective nous offrait des volumes réguliers.

## Ce que nous avons fait

Nous avons répondu à des procédures adaptées de trois communes et d'un collège, sur des lots de légumes de saison. Le critère sur les approvisionnements directs nous a permis de valoriser la vente sans intermédiaire et la récolte la veille de la livraison.

## Ce qui a compté dans les consultations

- Des lots de petite taille, par famille de légumes.
- Des bons de commande prévisionnels transmis un mois à l'avance.
- L'acceptation des calibres hétérogènes, fréquents en agriculture biologique.

## Difficultés

- La légumerie des cuisines n'était pas toujours équipée pour des légumes bruts : nous avons proposé une offre de légumes lavés, préparée par nos salariés.
- Le dossier de candidature reste lourd pour une petite structure ; le réseau nous a aidés la première fois.

## Nos conseils aux acheteurs

Rencontrez les producteurs en hiver, quand les plans de culture se décident. Un engagement de volume minimal, même modeste, change tout pour nous.`,
    themes: ['alimentation', 'insertion-activite-economique'],
    considerations: ['SOCIAL', 'ENVIRONMENTAL'],
    procedureType: 'PROCEDURE_ADAPTEE',
    cpvCodes: ['03221000-6'],
    contractYear: 2022,
    departmentCode: '11',
    outcomes:
      '18 tonnes de légumes biologiques livrés par an à 5 restaurants scolaires. Part du chiffre ' +
      "d'affaires issue de la restauration collective passée de 5 % à 34 %. 4 000 heures de travail " +
      'supplémentaires pour des salariés en parcours, dont 2 postes en légumerie.',
    templates: ['circuits-courts-fraicheur'],
    visibility: 'PUBLIC',
    status: 'PUBLISHED',
  },
  {
    key: 'esat-repondre-marche-reserve',
    author: 'contact@esat.example',
    title: "ESAT : répondre à un marché réservé d'entretien d'espaces verts",
    summary:
      "L'ESAT Les Ateliers du Tarn a remporté un lot réservé d'entretien d'espaces verts. Ce qui nous a " +
      'aidés, et ce que les acheteurs peuvent améliorer.',
    body: `## Contexte

Notre ESAT accompagne 85 travailleurs handicapés dans plusieurs ateliers, dont une équipe d'espaces verts de 22 personnes. Nous travaillions surtout pour des clients privés.

## Ce que nous avons fait

Une communauté d'agglomération a réservé aux ESAT et entreprises adaptées un lot d'entretien de ses parcs et de ses bâtiments. Nous avons répondu seuls, après une visite des sites proposée dans le dossier de consultation.

## Comment nous avons construit l'offre

- Un planning adapté au rythme des équipes, avec des interventions en binôme.
- Des moniteurs d'atelier présents à chaque intervention.
- Du matériel électrique et à batterie, moins bruyant et moins fatigant pour les travailleurs.

## Difficultés

- Le mémoire technique demandait des éléments standards qui ne reflétaient pas notre organisation ; nous avons ajouté une page sur l'accompagnement.
- La tonte en période de forte pousse a imposé de renforcer l'équipe au printemps.

## Nos conseils

Aux acheteurs : la visite des lieux est précieuse, et des délais de réponse de cinq semaines nous permettent de bien préparer l'offre. Aux autres ESAT : n'hésitez pas à vous regrouper avec une entreprise adaptée pour répondre à des lots plus importants.`,
    themes: ['handicap', 'proprete-entretien'],
    considerations: ['SOCIAL'],
    procedureType: 'PROCEDURE_ADAPTEE',
    cpvCodes: ['77311000-3'],
    contractYear: 2023,
    departmentCode: '81',
    outcomes:
      "Marché de trois ans de 210 000 euros HT. 9 travailleurs handicapés mobilisés toute l'année, dont " +
      '2 partis ensuite en entreprise adaptée. 96 % des interventions réalisées dans les délais prévus ' +
      'au planning.',
    templates: ['marche-reserve-esat-ea'],
    visibility: 'PUBLIC',
    status: 'PUBLISHED',
  },
  {
    key: 'scop-reconditionnement-collectivites',
    author: 'contact@scop.example',
    title: 'Coopérative de reconditionnement : ce que les clauses des collectivités ont changé pour nous',
    summary:
      'Numérique Solidaire Occitanie, SCOP de reconditionnement informatique, raconte comment elle a ' +
      'adapté son organisation pour répondre aux lots de matériel reconditionné.',
    body: `## Contexte

Notre coopérative reconditionne des ordinateurs issus d'entreprises et de collectivités. Nous sommes 28 salariés, dont une partie en contrat d'insertion avec une entreprise d'insertion partenaire.

## Ce que nous avons fait

Depuis 2022, plusieurs collectivités ont créé des lots de matériel reconditionné. Nous avons répondu à sept consultations et en avons remporté quatre, seuls ou en groupement.

## Comment nous lisons les clauses

Les spécifications sur le reconditionné se ressemblent de plus en plus, grâce aux modèles partagés : grade esthétique, capacité de batterie, effacement certifié, garantie. C'est une bonne chose, car nous pouvons standardiser nos offres.

## Difficultés

- Les volumes d'un même modèle : nous avons noué des partenariats avec d'autres reconditionneurs pour livrer des séries homogènes.
- La garantie de 24 mois demandée par certains acheteurs nous impose de provisionner des pièces.
- Les délais de paiement restent longs pour une coopérative.

## Nos conseils

- Acceptez des modèles équivalents plutôt qu'une référence unique.
- Demandez un grade B : il est disponible en volume et le matériel est tout aussi fiable.
- Prévoyez un lot de reprise du matériel réformé : c'est notre source d'approvisionnement.`,
    themes: ['numerique-responsable', 'achats-ess'],
    considerations: ['ENVIRONMENTAL', 'SOCIAL'],
    procedureType: 'PROCEDURE_ADAPTEE',
    cpvCodes: ['30213000-5', '50312000-5'],
    contractYear: 2024,
    departmentCode: '34',
    outcomes:
      '3 600 ordinateurs reconditionnés livrés à des collectivités en 2024, contre 400 en 2021. ' +
      "9 emplois créés dont 4 pour des personnes sorties d'un parcours d'insertion. Taux de retour sous " +
      'garantie de 2,7 %.',
    templates: ['informatique-reconditionne-lot'],
    visibility: 'MEMBERS',
    status: 'PUBLISHED',
  },
  {
    key: 'recyclerie-mobilier-reemploi',
    author: 'contact@recyclerie.example',
    title: 'Mobilier de réemploi pour une mairie : un premier marché pour notre recyclerie',
    summary:
      "La Recyclerie du Gers a meublé les nouveaux bureaux d'une mairie avec du mobilier de réemploi " +
      "rénové, dans le cadre d'un marché passé sans publicité ni mise en concurrence.",
    body: `## Contexte

Notre recyclerie, constituée en société coopérative d'intérêt collectif, collecte et rénove du mobilier depuis 2015. Nous vendions aux particuliers et aux associations, jamais à une collectivité.

## Ce que nous avons fait

Une commune de 6 000 habitants réaménageait sa mairie. Le montant estimé, 28 000 euros HT, permettait un marché sans publicité ni mise en concurrence préalable, en dessous du seuil de 40 000 euros HT. La commune nous a demandé un devis après avoir consulté deux autres fournisseurs, par bonne pratique.

## Comment nous avons répondu

- Un inventaire photo du mobilier disponible, mis à jour chaque semaine.
- Une rénovation des bureaux et armoires dans notre atelier : ponçage, peinture, remplacement des poignées.
- La reprise de l'ancien mobilier, que nous avons pour moitié remis en vente.

## Difficultés

- Livrer des ensembles homogènes : nous avons dû constituer un stock pendant quatre mois.
- Les sièges de bureau de réemploi conformes aux normes ergonomiques sont rares.

## Nos conseils

Aux acheteurs : prévenez-nous tôt, et acceptez des ensembles « dépareillés harmonieux ». Aux autres structures : les petits marchés sont une bonne porte d'entrée dans la commande publique.`,
    themes: ['achats-ess', 'fournitures-bureau'],
    considerations: ['ENVIRONMENTAL', 'SOCIAL'],
    procedureType: 'SANS_PUBLICITE_NI_MISE_EN_CONCURRENCE',
    cpvCodes: ['39130000-2'],
    contractYear: 2023,
    departmentCode: '32',
    outcomes:
      '146 meubles livrés, dont 92 % issus du réemploi. 4,8 tonnes de mobilier détournées de ' +
      "l'enfouissement, ancien mobilier compris. Coût inférieur de 45 % à un équipement neuf comparable. " +
      '620 heures de travail en atelier.',
    templates: [],
    visibility: 'PUBLIC',
    status: 'PUBLISHED',
  },
  {
    key: 'montpellier-spaser-bilan',
    author: 'acheteuse@montpellier.example',
    title: 'SPASER de la métropole : bilan à mi-parcours et méthode de suivi',
    summary:
      'Adopté en 2022, le schéma de promotion des achats socialement et écologiquement responsables vise ' +
      '30 % de marchés avec une considération sociale et 100 % avec une considération environnementale.',
    body: `## Contexte

La métropole dépasse largement le seuil de 50 millions d'euros HT d'achats annuels qui rend obligatoire l'adoption d'un schéma de promotion des achats socialement et écologiquement responsables. Le schéma adopté en 2022 fixe deux cibles pour 2025 : 30 % des marchés avec une considération sociale, 100 % avec une considération environnementale.

## Ce que nous avons fait

- Une fiche de cadrage obligatoire pour chaque consultation, qui interroge le prescripteur sur les leviers possibles.
- Une bibliothèque de clauses, issue en grande partie des modèles du réseau.
- Un référent achats responsables dans chaque direction.
- Un suivi trimestriel des marchés notifiés.

## Rédaction des clauses

Pour le social, nous utilisons surtout la clause d'insertion en heures et le critère sur la qualité de l'accompagnement. Pour l'environnement, les spécifications techniques dominent, complétées par des conditions d'exécution.

## Difficultés

- Les marchés de faible montant sont les plus difficiles à couvrir.
- Le contrôle de l'exécution reste le point faible.

## Conseils

Un schéma n'a d'effet que s'il est suivi par des indicateurs simples. Publiez le bilan chaque année : c'est un levier de mobilisation interne.`,
    themes: ['insertion-activite-economique', 'achats-ess'],
    considerations: ['SOCIAL', 'ENVIRONMENTAL'],
    procedureType: null,
    cpvCodes: [],
    contractYear: 2025,
    departmentCode: '34',
    outcomes:
      'En 2024 : 27 % des marchés notifiés avec une considération sociale, 81 % avec une considération ' +
      "environnementale. 96 000 heures d'insertion réalisées. 14 lots réservés à des SIAE, EA ou ESAT, " +
      "pour 3,2 millions d'euros HT.",
    templates: ['insertion-heures', 'insertion-critere-attribution'],
    visibility: 'PUBLIC',
    status: 'PUBLISHED',
  },
  {
    key: 'toulouse-impression-esat',
    author: 'acheteur@toulouse.example',
    title: "Imprimerie : confier le façonnage à un ESAT par une condition d'exécution",
    summary:
      "Dans son marché d'impression de documents, Toulouse Métropole impose de confier une part des " +
      'prestations de façonnage et de mise sous pli à une entreprise adaptée ou à un ESAT.',
    body: `## Contexte

Le marché d'impression couvre les supports de communication, les formulaires et les envois en nombre. Un marché réservé n'était pas envisageable pour l'impression offset de gros volumes, mais les opérations de façonnage et de mise sous pli s'y prêtaient.

## Ce que nous avons fait

Nous avons introduit une condition d'exécution qui impose de confier au moins 10 % du montant des prestations à une entreprise adaptée ou un ESAT, en cotraitance ou en sous-traitance. Une rencontre entre imprimeurs et structures du secteur a été organisée avec le réseau avant la publication.

## Rédaction de la clause

La clause précise les prestations concernées (façonnage, mise sous pli, routage) et prévoit la transmission des factures des structures avec chaque demande de paiement.

## Difficultés

- Les imprimeurs craignaient des délais supplémentaires : les ESAT ont présenté leurs capacités et leurs délais réels.
- Le suivi des montants confiés demandait un tableau spécifique.

## Conseils

Quand un marché réservé n'est pas possible, la condition d'exécution permet quand même d'associer le secteur protégé et adapté. Organisez la mise en relation : c'est ce qui fait réussir la clause.`,
    themes: ['handicap', 'fournitures-bureau'],
    considerations: ['SOCIAL'],
    procedureType: 'APPEL_OFFRES_OUVERT',
    cpvCodes: ['79810000-5'],
    contractYear: 2022,
    departmentCode: '31',
    outcomes:
      '13 % du montant du marché confié à deux ESAT et une entreprise adaptée, soit 96 000 euros HT par ' +
      'an. 5 400 heures de travail pour des travailleurs handicapés. Délais de livraison respectés ' +
      'dans 97 % des commandes.',
    templates: ['handicap-cotraitance-esat-ea'],
    visibility: 'MEMBERS',
    status: 'PUBLISHED',
  },
  {
    key: 'herault-photovoltaique-toitures',
    author: 'achats@herault.example',
    title: 'Centrales photovoltaïques sur les toitures des collèges (projet en cours)',
    summary:
      'Brouillon : le Département prépare un marché de conception, réalisation et maintenance de ' +
      'centrales photovoltaïques en autoconsommation sur vingt collèges.',
    body: `## Contexte

Le Département gère 79 collèges publics dont les toitures, souvent plates et dégagées, se prêtent à l'installation de panneaux photovoltaïques. Le plan climat départemental prévoit de couvrir une partie des consommations électriques des collèges par de l'autoconsommation.

## Ce que nous préparons

- Un marché global de conception, réalisation et maintenance pour vingt collèges.
- Une étude de structure préalable pour chaque toiture.
- Un suivi de la production et de l'autoconsommation en temps réel.

## Pistes de clauses

1. Une spécification sur l'empreinte carbone des modules et leur recyclabilité.
2. Une condition d'exécution sur la reprise des modules en fin de vie.
3. Une clause d'insertion pour les travaux de pose.

## Questions ouvertes

- Faut-il intégrer la rénovation de l'étanchéité dans le même marché ?
- Quelle durée de maintenance retenir pour sécuriser la production ?

Les retours des membres qui ont déjà mené ce type de projet sont les bienvenus avant la publication de ce retour d'expérience, notamment sur les garanties de production demandées aux titulaires.`,
    themes: ['energie', 'batiment-travaux-publics'],
    considerations: ['ENVIRONMENTAL'],
    procedureType: 'APPEL_OFFRES_OUVERT',
    cpvCodes: ['09330000-1', '45261215-4'],
    contractYear: 2026,
    departmentCode: '34',
    outcomes:
      'Objectifs prévisionnels : 2,4 MWc installés, 2,9 GWh produits par an, 25 % des consommations ' +
      "électriques des vingt collèges couvertes. 3 000 heures d'insertion envisagées.",
    templates: [],
    visibility: 'MEMBERS',
    status: 'DRAFT',
  },
  {
    key: 'universite-datacenter-mutualise',
    author: 'achats@universite.example',
    title: 'Mutualisation des salles serveurs dans un centre de données régional',
    summary:
      "Brouillon : l'université regroupe ses salles serveurs dans un centre de données mutualisé et " +
      "réfléchit aux exigences d'efficacité énergétique et de récupération de chaleur.",
    body: `## Contexte

L'université exploitait onze salles serveurs réparties sur ses campus, souvent mal refroidies et peu remplies. L'indicateur d'efficacité énergétique (PUE) moyen dépassait 2.

## Ce que nous avons fait

Nous avons engagé la migration vers un centre de données mutualisé entre établissements d'enseignement supérieur. Le marché d'hébergement et d'exploitation est en cours de préparation.

## Pistes de clauses

- Une spécification sur l'efficacité énergétique du centre (PUE inférieur à 1,4) et l'usage d'électricité renouvelable.
- Une condition d'exécution sur la récupération de la chaleur fatale pour le réseau de chaleur du campus.
- Le réemploi des serveurs retirés de production par une structure de l'économie sociale et solidaire.

## Difficultés anticipées

- Mesurer la consommation propre à chaque établissement dans un site mutualisé.
- Concilier la sobriété avec des besoins de calcul scientifique croissants.

## Prochaines étapes

Nous compléterons ce retour d'expérience après la notification, avec les résultats mesurés de la première année d'exploitation.

Nous cherchons en particulier des retours de membres sur la rédaction d'une condition d'exécution relative à la chaleur fatale : modalités de mesure, répartition des gains et durée d'engagement compatible avec celle du marché.`,
    themes: ['numerique-responsable', 'energie'],
    considerations: ['ENVIRONMENTAL'],
    procedureType: 'PROCEDURE_AVEC_NEGOCIATION',
    cpvCodes: ['72415000-2', '72000000-5'],
    contractYear: 2025,
    departmentCode: '31',
    outcomes:
      'Résultats attendus : 11 salles serveurs fermées, 1,1 GWh économisés par an, PUE ramené de 2,1 à ' +
      '1,35. 400 serveurs orientés vers le réemploi.',
    templates: ['electricite-renouvelable'],
    visibility: 'PUBLIC',
    status: 'DRAFT',
  },
  {
    key: 'gard-transport-scolaire-bas-carbone',
    author: 'achats@gard.example',
    title: 'Transport scolaire : introduire des autocars au biogaz et électriques',
    summary:
      'Brouillon : le Département du Gard prépare le renouvellement de ses marchés de transport scolaire ' +
      "avec une part d'autocars à faibles émissions.",
    body: `## Contexte

Le Département organise, par délégation de la Région, une partie des circuits de transport scolaire. Les marchés arrivent à échéance en 2026, et les transporteurs doivent renouveler une partie de leurs autocars.

## Ce que nous préparons

Une consultation en lots par secteur, avec :

- une spécification imposant une part d'autocars au biogaz ou électriques sur les circuits urbains et périurbains ;
- un critère d'attribution sur les émissions de gaz à effet de serre par kilomètre ;
- une condition d'exécution sur la formation des conducteurs à l'écoconduite.

## Points de vigilance

- Les stations d'avitaillement en biogaz sont rares dans le nord du département.
- Les autocars électriques ont une autonomie insuffisante pour certains circuits de montagne.
- Les petites entreprises de transport craignent l'investissement.

## Méthode

Un sourcing est prévu avec la fédération des transporteurs et le syndicat d'énergie pour localiser les besoins en stations et en bornes. Nous étudions aussi une durée de marché plus longue, de sept ans, pour permettre l'amortissement des véhicules.

Ce brouillon sera complété après la consultation, avec le nombre d'offres reçues et les motorisations retenues.`,
    themes: ['mobilite-vehicules', 'energie'],
    considerations: ['ENVIRONMENTAL'],
    procedureType: 'APPEL_OFFRES_OUVERT',
    cpvCodes: ['60130000-8'],
    contractYear: 2026,
    departmentCode: '30',
    outcomes:
      'Objectifs prévisionnels : 30 % des autocars au biogaz ou électriques en 2028 sur les circuits ' +
      'concernés, soit environ 1 100 tonnes équivalent CO2 évitées par an.',
    templates: ['vehicules-faibles-emissions'],
    visibility: 'MEMBERS',
    status: 'DRAFT',
  },
  {
    key: 'nimes-textile-reemploi',
    author: 'achats@nimes.example',
    title: 'Collecte et réemploi des vêtements de travail usagés des agents',
    summary:
      'Brouillon : la Ville de Nîmes étudie la collecte des tenues professionnelles usagées pour les ' +
      "réparer, les réemployer ou les recycler avec une structure d'insertion.",
    body: `## Contexte

Chaque année, environ 6 000 vêtements de travail usagés sont jetés par les services municipaux. Les logos et les bandes réfléchissantes empêchent leur don direct.

## Ce que nous préparons

Un marché de services pour :

- collecter les vêtements dans les centres techniques ;
- retirer les logos et réparer ce qui peut l'être pour réemployer les tenues en interne ;
- orienter le reste vers une filière de recyclage textile.

Nous envisageons de réserver ce marché aux structures d'insertion par l'activité économique, plusieurs chantiers d'insertion du territoire ayant un atelier de couture.

## Questions ouvertes

- Quel volume minimal pour rendre l'activité viable ?
- Comment rendre les tenues réparées acceptables pour les agents ?
- Faut-il lier ce marché au marché d'achat de vêtements, avec une clause de reprise ?

Les retours des acheteurs qui ont déjà organisé une filière de ce type sont bienvenus. Ce brouillon sera complété après l'expérimentation prévue dans deux services.

## Premiers enseignements du sourcing

Deux ateliers et chantiers d'insertion disposent déjà de machines à coudre industrielles. Le retrait des logos thermocollés reste l'étape la plus longue et conditionne le coût de la prestation.`,
    themes: ['textiles-vetements', 'insertion-activite-economique'],
    considerations: ['ENVIRONMENTAL', 'SOCIAL'],
    procedureType: 'PROCEDURE_ADAPTEE',
    cpvCodes: ['18110000-3'],
    contractYear: 2025,
    departmentCode: '30',
    outcomes:
      'Objectifs prévisionnels : 6 000 vêtements collectés par an, dont 30 % réparés et réemployés, et ' +
      '1 500 heures de travail en insertion.',
    templates: [],
    visibility: 'PUBLIC',
    status: 'DRAFT',
  },
  {
    key: 'chu-blanchisserie-entreprise-adaptee',
    author: 'achats@chu.example',
    title: 'Linge hospitalier : sous-traitance du tri et de la réparation à une entreprise adaptée',
    summary:
      'Le CHU a confié le tri, la réparation et le marquage du linge hospitalier à une entreprise adaptée, ' +
      "par une condition d'exécution du marché de location-entretien.",
    body: `## Contexte

Une partie du linge hospitalier est louée et entretenue par un prestataire extérieur. Les pièces abîmées étaient jusqu'alors remplacées, sans tentative de réparation.

## Ce que nous avons fait

Dans le nouveau marché de location-entretien, une condition d'exécution impose au titulaire de confier à une entreprise adaptée ou un ESAT au moins 8 % du montant des prestations, correspondant au tri, à la réparation et au marquage du linge.

## Rédaction de la clause

La clause précise les prestations concernées et prévoit un état trimestriel des montants confiés. Une exigence complémentaire impose de réparer avant de remplacer les pièces présentant de petits défauts.

## Difficultés

- Le titulaire a dû revoir ses circuits logistiques pour intégrer l'atelier de l'entreprise adaptée.
- La traçabilité des pièces réparées a nécessité un marquage spécifique.

## Conseils

Associez le service de blanchisserie et le service d'hygiène pour définir ce qui est réparable. Suivez les volumes de linge réformé, c'est le meilleur indicateur de réussite. Enfin, organisez une visite de l'atelier de l'entreprise adaptée pour les équipes du CHU : elle a beaucoup contribué à l'adhésion des services.`,
    themes: ['textiles-vetements', 'handicap'],
    considerations: ['SOCIAL', 'ENVIRONMENTAL'],
    procedureType: 'APPEL_OFFRES_OUVERT',
    cpvCodes: ['98310000-9'],
    contractYear: 2025,
    departmentCode: '34',
    outcomes:
      '9 % du montant du marché confié à une entreprise adaptée, soit 7 postes de travail. 21 000 pièces ' +
      "de linge réparées la première année au lieu d'être remplacées, soit environ 6 tonnes de textile " +
      'neuf évitées.',
    templates: ['handicap-cotraitance-esat-ea'],
    visibility: 'MEMBERS',
    status: 'IN_REVIEW',
  },
  {
    key: 'prefecture-fournitures-recyclees',
    author: 'achats@prefecture.example',
    title: "Fournitures de bureau des services de l'État : réduire, puis acheter recyclé",
    summary:
      'La plateforme régionale des achats a mutualisé les commandes de fournitures de bureau de douze ' +
      'services et imposé des références recyclées ou écolabellisées.',
    body: `## Contexte

Douze services de l'État en région commandaient leurs fournitures de bureau séparément, sur des catalogues différents. Les stocks dormants étaient importants.

## Ce que nous avons fait

Avant de lancer le marché, nous avons organisé une bourse d'échange interservices des fournitures en stock. Le marché mutualisé a ensuite été passé en appel d'offres ouvert, avec un catalogue réduit à 600 références.

## Rédaction de la clause

La spécification technique impose 100 % de papier recyclé titulaire de l'Écolabel européen ou équivalent et 70 % de références écolabellisées ou en matières recyclées. Les livraisons sont regroupées une fois par semaine et par site.

## Difficultés

- Les habitudes de commande : certains services commandaient chaque semaine de petites quantités.
- Le suivi des indicateurs a demandé plusieurs échanges avec le titulaire.

## Conseils

Commencez par réduire : la bourse d'échange a évité un an d'achats de classeurs et de chemises. Un correspondant par service simplifie la gestion des commandes.

Enfin, partagez chaque trimestre un tableau de bord simple avec les chefs de service : part de références écolabellisées, nombre de commandes et montant par agent. La comparaison entre services suffit souvent à faire évoluer les habitudes.`,
    themes: ['fournitures-bureau'],
    considerations: ['ENVIRONMENTAL'],
    procedureType: 'APPEL_OFFRES_OUVERT',
    cpvCodes: ['30192000-1', '30197630-1', '22800000-8'],
    contractYear: 2024,
    departmentCode: '31',
    outcomes:
      'Dépenses de fournitures réduites de 31 % la première année. 74 % des achats en références ' +
      "écolabellisées ou recyclées. 1,9 tonne de fournitures réutilisées grâce à la bourse d'échange. " +
      'Nombre de livraisons divisé par quatre.',
    templates: ['fournitures-bureau-ecolabel'],
    visibility: 'PUBLIC',
    status: 'IN_REVIEW',
  },
  {
    key: 'aci-repondre-entretien-espaces-naturels',
    author: 'contact@aci.example',
    title: "Entretien d'espaces naturels : notre réponse à un marché réservé aux SIAE",
    summary:
      "Les Jardins du Lauragais ont remporté un lot réservé d'entretien de sentiers et de berges. " +
      "Comment un chantier d'insertion construit son offre.",
    body: `## Contexte

Outre le maraîchage, notre atelier et chantier d'insertion a développé une activité d'entretien d'espaces naturels : débroussaillage, entretien de sentiers de randonnée, restauration de berges.

## Ce que nous avons fait

Une communauté de communes a réservé aux structures d'insertion par l'activité économique un lot d'entretien de ses sentiers et de ses berges. Nous avons répondu en nous appuyant sur l'expérience de chantiers menés pour une association de protection de la nature.

## Comment nous avons construit l'offre

- Un calendrier respectant les périodes de nidification.
- Une équipe de huit salariés en parcours et un encadrant technique.
- Un volet formation : certificat de débroussaillage et sauveteur secouriste du travail.

## Difficultés

- Le transport des équipes sur des sites dispersés.
- Le prix : nos coûts intègrent l'accompagnement, ce qui n'est pas toujours compris.

## Nos conseils

Aux acheteurs : décrivez précisément les sites et les contraintes environnementales, et acceptez des variantes sur les méthodes. Aux structures : valorisez les formations proposées aux salariés, c'est un point fort de nos offres. Et n'hésitez pas à demander au réseau une relecture du mémoire technique avant le dépôt de l'offre.`,
    themes: ['insertion-activite-economique', 'proprete-entretien'],
    considerations: ['SOCIAL', 'ENVIRONMENTAL'],
    procedureType: 'PROCEDURE_ADAPTEE',
    cpvCodes: ['77310000-6'],
    contractYear: 2024,
    departmentCode: '11',
    outcomes:
      '65 km de sentiers et 12 km de berges entretenus par an. 5 200 heures de travail pour 14 ' +
      "salariés en parcours. 10 certificats de formation obtenus, 6 sorties vers l'emploi.",
    templates: ['marche-reserve-siae'],
    visibility: 'PUBLIC',
    status: 'IN_REVIEW',
  },
  {
    key: 'region-traiteur-evenements-ess',
    author: 'achats@region.example',
    title: "Prestations de traiteur des événements régionaux : place aux structures de l'ESS",
    summary:
      "La Région a alloti son marché de traiteur pour permettre à des entreprises d'insertion et des " +
      'associations de restauration solidaire de répondre.',
    body: `## Contexte

La Région organise chaque année plus de 300 événements (assemblées, salons, rencontres) avec des prestations de traiteur. Le marché précédent, en lot unique, était attribué à un traiteur national.

## Ce que nous avons fait

Le nouveau marché est découpé en six lots, par taille d'événement et par territoire. Deux lots de petits événements ont été réservés aux structures d'insertion par l'activité économique. Les autres lots comportent :

- une part de produits durables et de qualité, dont des produits biologiques ;
- l'interdiction de la vaisselle jetable ;
- le don des excédents à des associations d'aide alimentaire.

## Rédaction des clauses

Les spécifications reprennent celles du modèle sur les produits durables, adaptées aux buffets. Le critère de prix est pondéré à 40 % seulement.

## Difficultés

- Les structures solidaires ont une capacité limitée pour les très grands événements.
- La vaisselle réutilisable suppose une logistique de lavage.

## Conseils

Allotissez par taille d'événement : c'est le seul moyen d'ouvrir le marché aux petites structures. Dressez une liste des associations bénéficiaires de dons avant la notification.`,
    themes: ['achats-ess', 'alimentation', 'insertion-activite-economique'],
    considerations: ['SOCIAL', 'ENVIRONMENTAL'],
    procedureType: 'APPEL_OFFRES_OUVERT',
    cpvCodes: ['55520000-1'],
    contractYear: 2025,
    departmentCode: '31',
    outcomes:
      "4 lots sur 6 attribués à des structures de l'ESS, dont 2 entreprises d'insertion. 62 % de " +
      'produits durables et de qualité. 2,4 tonnes de déchets de vaisselle jetable évités par an. ' +
      '1 900 heures de travail en insertion.',
    templates: ['egalim-produits-durables', 'marche-reserve-siae'],
    visibility: 'MEMBERS',
    status: 'IN_REVIEW',
  },
];
