import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { UserEntity } from '../users/user.entity';

/**
 * Addresses an account signed in from successfully (as a SHA-256, keyed by the JWT
 * secret): failures from elsewhere do not lock the owner out of these.
 */
@Entity('known_address')
export class KnownAddressEntity {
  @PrimaryColumn({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @PrimaryColumn({ type: 'char', length: 64 })
  addressHash!: string;

  @Column({ type: 'timestamptz' })
  lastSuccessAt!: Date;
}
