import { Injectable, type OnModuleInit } from '@nestjs/common';
import { MembershipEvents } from '@resocc/members';
import { NotificationService } from './notification.service';

/**
 * Tells a person in the app what became of their request to join an organisation (the
 * members module has already sent the e-mail, with the reason of a refusal).
 */
@Injectable()
export class MembershipNotifications implements OnModuleInit {
  constructor(
    private readonly events: MembershipEvents,
    private readonly notifications: NotificationService,
  ) {}

  onModuleInit(): void {
    this.events.onDecided(async (event, manager) => {
      const message = event.approved
        ? `Votre demande pour rejoindre « ${event.organisationName} » a été acceptée : vous êtes membre du réseau.`
        : `Votre demande pour rejoindre « ${event.organisationName} » n'a pas été acceptée. Motif : ${event.reason ?? ''}`;
      await this.notifications.notify(
        manager,
        [event.userId],
        { kind: event.approved ? 'MEMBERSHIP_APPROVED' : 'MEMBERSHIP_REFUSED', message, target: null },
        { email: false },
      );
    });
  }
}
