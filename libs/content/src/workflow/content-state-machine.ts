import { BadUserInputError } from '@resocc/core';
import { ContentStatus } from '../shared/enums';

/** Everything that can happen to a post or a template, by its organisation or by moderation. */
export enum ContentTransition {
  SUBMIT = 'SUBMIT',
  PUBLISH_TRUSTED = 'PUBLISH_TRUSTED',
  APPROVE = 'APPROVE',
  REQUEST_CHANGES = 'REQUEST_CHANGES',
  REJECT = 'REJECT',
  HIDE = 'HIDE',
  AUTO_HIDE = 'AUTO_HIDE',
  RESTORE = 'RESTORE',
  ARCHIVE = 'ARCHIVE',
  /** An untrusted organisation edited a published item: it goes back to review. */
  EDIT_PUBLISHED = 'EDIT_PUBLISHED',
}

const { DRAFT, IN_REVIEW, CHANGES_REQUESTED, PUBLISHED, REJECTED, HIDDEN, ARCHIVED } = ContentStatus;

/** from -> to, for each transition; anything else is refused. */
const TRANSITIONS: Record<ContentTransition, { from: readonly ContentStatus[]; to: ContentStatus }> = {
  [ContentTransition.SUBMIT]: { from: [DRAFT, CHANGES_REQUESTED], to: IN_REVIEW },
  [ContentTransition.PUBLISH_TRUSTED]: { from: [DRAFT, CHANGES_REQUESTED], to: PUBLISHED },
  [ContentTransition.APPROVE]: { from: [IN_REVIEW], to: PUBLISHED },
  [ContentTransition.REQUEST_CHANGES]: { from: [IN_REVIEW, PUBLISHED, HIDDEN], to: CHANGES_REQUESTED },
  [ContentTransition.REJECT]: { from: [IN_REVIEW, HIDDEN], to: REJECTED },
  [ContentTransition.HIDE]: { from: [PUBLISHED], to: HIDDEN },
  [ContentTransition.AUTO_HIDE]: { from: [PUBLISHED], to: HIDDEN },
  [ContentTransition.RESTORE]: { from: [HIDDEN], to: PUBLISHED },
  [ContentTransition.ARCHIVE]: {
    from: [DRAFT, IN_REVIEW, CHANGES_REQUESTED, PUBLISHED, REJECTED, HIDDEN],
    to: ARCHIVED,
  },
  [ContentTransition.EDIT_PUBLISHED]: { from: [PUBLISHED], to: IN_REVIEW },
};

/** Statuses in which the author's organisation may still edit an item. */
export const EDITABLE_STATUSES: readonly ContentStatus[] = [DRAFT, CHANGES_REQUESTED, PUBLISHED];

export const STATUS_LABELS: Record<ContentStatus, string> = {
  DRAFT: 'brouillon',
  IN_REVIEW: 'en cours de relecture',
  CHANGES_REQUESTED: 'à modifier',
  PUBLISHED: 'publié',
  REJECTED: 'refusé',
  HIDDEN: 'masqué',
  ARCHIVED: 'archivé',
};

export interface TransitionResult {
  from: ContentStatus;
  to: ContentStatus;
  /** True the first time the item becomes PUBLISHED (publishedAt is set then). */
  firstPublication: boolean;
}

export function canTransition(transition: ContentTransition, from: ContentStatus): boolean {
  return TRANSITIONS[transition].from.includes(from);
}

/**
 * The target status of a transition, or BAD_USER_INPUT naming the current status when the
 * transition is not allowed from it.
 */
export function transition(
  action: ContentTransition,
  from: ContentStatus,
  alreadyPublished: boolean,
  field = 'id',
): TransitionResult {
  const rule = TRANSITIONS[action];
  if (!rule.from.includes(from)) {
    throw BadUserInputError.field(
      field,
      `Action impossible : l'élément est au statut ${from} (${STATUS_LABELS[from]}).`,
    );
  }
  return { from, to: rule.to, firstPublication: rule.to === PUBLISHED && !alreadyPublished };
}
