import { Inject, Injectable } from '@nestjs/common';
import { DATA_SOURCE } from '@resocc/core';
import { DataSource, type EntityManager } from 'typeorm';
import { EmailVerificationEntity } from './email-verification.entity';
import { KnownAddressEntity } from './known-address.entity';

/** E-mail verification links and the addresses an account signed in from. */
@Injectable()
export class EmailVerificationRepository {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  async insert(values: Partial<EmailVerificationEntity>, manager: EntityManager): Promise<void> {
    await manager.insert(EmailVerificationEntity, values);
  }

  /** Uses a live link once, atomically: the user it verifies, or null (unknown, used, expired). */
  async consume(tokenHash: string, manager: EntityManager): Promise<string | null> {
    // An UPDATE answers [rows, affected] through TypeORM.
    const [rows]: [{ user_id: string }[], number] = await manager.query(
      `UPDATE email_verification SET used_at = now()
       WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now() RETURNING user_id`,
      [tokenHash],
    );
    return rows[0]?.user_id ?? null;
  }

  /** Why a token does not verify, for the message: unknown, already used or expired. */
  async state(tokenHash: string): Promise<'unknown' | 'used' | 'expired' | 'live'> {
    const row = await this.dataSource.manager.findOneBy(EmailVerificationEntity, { tokenHash });
    if (!row) return 'unknown';
    if (row.usedAt) return 'used';
    return row.expiresAt.getTime() <= Date.now() ? 'expired' : 'live';
  }

  /** Ends every live link of a user (after verification or a new link). */
  async expireForUser(userId: string, manager: EntityManager): Promise<void> {
    await manager.query(
      `UPDATE email_verification SET expires_at = least(expires_at, now()) WHERE user_id = $1 AND used_at IS NULL`,
      [userId],
    );
  }

  /** When the user's latest link stops working (null: never sent one). */
  async latestExpiry(userId: string, manager?: EntityManager): Promise<Date | null> {
    const rows: { expires_at: Date | null }[] = await (manager ?? this.dataSource.manager).query(
      `SELECT max(expires_at) AS expires_at FROM email_verification WHERE user_id = $1`,
      [userId],
    );
    return rows[0]?.expires_at ?? null;
  }

  listForUser(userId: string, manager: EntityManager): Promise<EmailVerificationEntity[]> {
    return manager.find(EmailVerificationEntity, { where: { userId }, order: { createdAt: 'ASC' } });
  }

  async deleteForUser(userId: string, manager: EntityManager): Promise<void> {
    await manager.delete(EmailVerificationEntity, { userId });
    await manager.delete(KnownAddressEntity, { userId });
  }

  /** Whether the account signed in successfully from this address since `since`. */
  async isKnownAddress(userId: string, addressHash: string, since: Date): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM known_address WHERE user_id = $1 AND address_hash = $2 AND last_success_at > $3`,
      [userId, addressHash, since],
    );
    return rows.length > 0;
  }

  async rememberAddress(userId: string, addressHash: string): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO known_address (user_id, address_hash, last_success_at) VALUES ($1, $2, now())
       ON CONFLICT (user_id, address_hash) DO UPDATE SET last_success_at = now()`,
      [userId, addressHash],
    );
  }

  knownAddresses(userId: string, manager: EntityManager): Promise<KnownAddressEntity[]> {
    return manager.find(KnownAddressEntity, { where: { userId }, order: { lastSuccessAt: 'ASC' } });
  }
}
