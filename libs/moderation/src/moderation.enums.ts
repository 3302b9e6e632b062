import { registerEnumType } from '@nestjs/graphql';

export enum ModerationAction {
  APPROVE = 'APPROVE',
  REQUEST_CHANGES = 'REQUEST_CHANGES',
  REJECT = 'REJECT',
  HIDE = 'HIDE',
  RESTORE = 'RESTORE',
  ARCHIVE = 'ARCHIVE',
  AUTO_HIDE = 'AUTO_HIDE',
  DISMISS_REPORTS = 'DISMISS_REPORTS',
  PUBLISH_TRUSTED = 'PUBLISH_TRUSTED',
}

export enum ReportReason {
  SPAM = 'SPAM',
  INACCURATE = 'INACCURATE',
  OFFENSIVE = 'OFFENSIVE',
  CONFIDENTIAL_DATA = 'CONFIDENTIAL_DATA',
  OFF_TOPIC = 'OFF_TOPIC',
  ILLEGAL = 'ILLEGAL',
  OTHER = 'OTHER',
}

export enum ReportStatus {
  OPEN = 'OPEN',
  UPHELD = 'UPHELD',
  DISMISSED = 'DISMISSED',
}

registerEnumType(ModerationAction, {
  name: 'ModerationAction',
  valuesMap: {
    AUTO_HIDE: { description: 'the report threshold was reached; actor is null' },
    PUBLISH_TRUSTED: {
      description:
        'published without review: trusted organisation; actor is who submitted or edited it (never a moderator decision)',
    },
  },
});
registerEnumType(ReportReason, { name: 'ReportReason' });
registerEnumType(ReportStatus, { name: 'ReportStatus' });

/** How the decisions are signed for the authors who read them. */
export const MODERATION_TEAM = "l'équipe de modération";
