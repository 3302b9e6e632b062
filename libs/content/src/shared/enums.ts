import { registerEnumType } from '@nestjs/graphql';

export enum ContentStatus {
  DRAFT = 'DRAFT',
  IN_REVIEW = 'IN_REVIEW',
  CHANGES_REQUESTED = 'CHANGES_REQUESTED',
  PUBLISHED = 'PUBLISHED',
  REJECTED = 'REJECTED',
  HIDDEN = 'HIDDEN',
  ARCHIVED = 'ARCHIVED',
}

export enum Visibility {
  PUBLIC = 'PUBLIC',
  MEMBERS = 'MEMBERS',
}

export enum ProcedureType {
  PROCEDURE_ADAPTEE = 'PROCEDURE_ADAPTEE',
  APPEL_OFFRES_OUVERT = 'APPEL_OFFRES_OUVERT',
  APPEL_OFFRES_RESTREINT = 'APPEL_OFFRES_RESTREINT',
  PROCEDURE_AVEC_NEGOCIATION = 'PROCEDURE_AVEC_NEGOCIATION',
  DIALOGUE_COMPETITIF = 'DIALOGUE_COMPETITIF',
  SANS_PUBLICITE_NI_MISE_EN_CONCURRENCE = 'SANS_PUBLICITE_NI_MISE_EN_CONCURRENCE',
}

export enum Consideration {
  SOCIAL = 'SOCIAL',
  ENVIRONMENTAL = 'ENVIRONMENTAL',
}

export enum ClauseKind {
  TECHNICAL_SPECIFICATION = 'TECHNICAL_SPECIFICATION',
  SELECTION_CRITERION = 'SELECTION_CRITERION',
  AWARD_CRITERION = 'AWARD_CRITERION',
  PERFORMANCE_CONDITION = 'PERFORMANCE_CONDITION',
  RESERVED_CONTRACT = 'RESERVED_CONTRACT',
}

export enum VariableType {
  TEXT = 'TEXT',
  NUMBER = 'NUMBER',
  PERCENT = 'PERCENT',
  DATE = 'DATE',
  CHOICE = 'CHOICE',
}

registerEnumType(ContentStatus, {
  name: 'ContentStatus',
  valuesMap: { HIDDEN: { description: 'taken down by a moderator or by the report threshold' } },
});
registerEnumType(Visibility, {
  name: 'Visibility',
  valuesMap: {
    PUBLIC: { description: 'anyone, signed in or not' },
    MEMBERS: { description: 'signed-in users of ACTIVE organisations only' },
  },
});
registerEnumType(ProcedureType, { name: 'ProcedureType' });
registerEnumType(Consideration, { name: 'Consideration' });
registerEnumType(ClauseKind, {
  name: 'ClauseKind',
  valuesMap: {
    PERFORMANCE_CONDITION: { description: "condition d'exécution" },
    RESERVED_CONTRACT: { description: 'marché réservé' },
  },
});
registerEnumType(VariableType, { name: 'VariableType' });
