import { Module } from '@nestjs/common';
import { ContentModule } from '@resocc/content';
import { MembersModule } from '@resocc/members';
import { CollectionResolver } from './collections/collection.resolver';
import { CollectionService } from './collections/collection.service';
import { ModerationTargets } from './moderation-targets';
import { ModerationPersonalData } from './moderation.personal-data';
import { ModerationQueries } from './moderation.queries';
import {
  ModerationEventFieldsResolver,
  ModerationResolver,
  ReportFieldsResolver,
} from './moderation.resolver';
import { ModerationService } from './moderation.service';
import { MembershipNotifications } from './notifications/membership-notifications';
import { NotificationResolver } from './notifications/notification.resolver';
import { NotificationService } from './notifications/notification.service';
import { ModerationSeed } from './seed/moderation.seed';

/** Review queue, decisions, reports, the log, notifications and collections. */
@Module({
  imports: [MembersModule, ContentModule],
  providers: [
    NotificationService,
    ModerationService,
    ModerationQueries,
    ModerationTargets,
    ModerationResolver,
    ReportFieldsResolver,
    ModerationEventFieldsResolver,
    NotificationResolver,
    MembershipNotifications,
    CollectionService,
    CollectionResolver,
    ModerationPersonalData,
    ModerationSeed,
  ],
  exports: [ModerationService, NotificationService],
})
export class ModerationModule {}
