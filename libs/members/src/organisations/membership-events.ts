import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** A decision on a person's membership, told to listeners inside the transaction that makes it. */
export interface MembershipDecided {
  userId: string;
  organisationId: string;
  organisationName: string;
  approved: boolean;
  /** Why it was refused (shown to the person). */
  reason: string | null;
  /** Who decided; null for an automatic decision (verified e-mail domain). */
  actorUserId: string | null;
}

export type MembershipListener = (event: MembershipDecided, manager: EntityManager) => Promise<void>;

/** Lets other modules (moderation's in-app notifications) react to membership decisions. */
@Injectable()
export class MembershipEvents {
  private readonly listeners: MembershipListener[] = [];

  onDecided(listener: MembershipListener): void {
    this.listeners.push(listener);
  }

  async decided(event: MembershipDecided, manager: EntityManager): Promise<void> {
    for (const listener of this.listeners) await listener(event, manager);
  }
}
