import { BadUserInputError } from '@resocc/core';
import { ContentStatus } from '../shared/enums';
import { ContentTransition, canTransition, transition } from './content-state-machine';

const ALL = Object.values(ContentStatus);

/** The whole table: every transition from every status, allowed (target) or refused (null). */
const EXPECTED: Record<ContentTransition, Partial<Record<ContentStatus, ContentStatus>>> = {
  SUBMIT: { DRAFT: ContentStatus.IN_REVIEW, CHANGES_REQUESTED: ContentStatus.IN_REVIEW },
  PUBLISH_TRUSTED: { DRAFT: ContentStatus.PUBLISHED, CHANGES_REQUESTED: ContentStatus.PUBLISHED },
  APPROVE: { IN_REVIEW: ContentStatus.PUBLISHED },
  REQUEST_CHANGES: {
    IN_REVIEW: ContentStatus.CHANGES_REQUESTED,
    PUBLISHED: ContentStatus.CHANGES_REQUESTED,
    HIDDEN: ContentStatus.CHANGES_REQUESTED,
  },
  REJECT: { IN_REVIEW: ContentStatus.REJECTED, HIDDEN: ContentStatus.REJECTED },
  HIDE: { PUBLISHED: ContentStatus.HIDDEN },
  AUTO_HIDE: { PUBLISHED: ContentStatus.HIDDEN },
  RESTORE: { HIDDEN: ContentStatus.PUBLISHED },
  ARCHIVE: {
    DRAFT: ContentStatus.ARCHIVED,
    IN_REVIEW: ContentStatus.ARCHIVED,
    CHANGES_REQUESTED: ContentStatus.ARCHIVED,
    PUBLISHED: ContentStatus.ARCHIVED,
    REJECTED: ContentStatus.ARCHIVED,
    HIDDEN: ContentStatus.ARCHIVED,
  },
  EDIT_PUBLISHED: { PUBLISHED: ContentStatus.IN_REVIEW },
};

const cases = Object.values(ContentTransition).flatMap((action) =>
  ALL.map((from) => [action, from, EXPECTED[action][from] ?? null] as const),
);

describe('content state machine', () => {
  const allowed = cases.filter(([, , to]) => to !== null);
  const refused = cases.filter(([, , to]) => to === null);

  it('covers every transition from every status', () => {
    expect(allowed.length + refused.length).toBe(Object.values(ContentTransition).length * ALL.length);
    expect(refused.every(([action, from]) => !canTransition(action, from))).toBe(true);
  });

  it.each(allowed)('%s from %s gives %s', (action, from, to) => {
    expect(canTransition(action, from)).toBe(true);
    expect(transition(action, from, false).to).toBe(to);
  });

  it.each(refused)('%s from %s is refused', (action, from) => {
    expect(() => transition(action, from, false)).toThrow(new RegExp(`statut ${from}`));
  });

  it('refuses with BAD_USER_INPUT', () => {
    expect(() => transition(ContentTransition.APPROVE, ContentStatus.DRAFT, false)).toThrow(
      BadUserInputError,
    );
  });

  it('marks only the first publication', () => {
    expect(transition(ContentTransition.APPROVE, ContentStatus.IN_REVIEW, false).firstPublication).toBe(true);
    expect(transition(ContentTransition.RESTORE, ContentStatus.HIDDEN, true).firstPublication).toBe(false);
    expect(transition(ContentTransition.HIDE, ContentStatus.PUBLISHED, true).firstPublication).toBe(false);
  });

  it('names the field it was given when refusing', () => {
    expect(() => transition(ContentTransition.APPROVE, ContentStatus.DRAFT, false, 'targetId')).toThrow(
      expect.objectContaining({ fields: [expect.objectContaining({ path: 'targetId' })] }),
    );
  });
});
