import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Fixed-window counters shared by every API process (the state lives in PostgreSQL). */
@Entity('rate_limit_counter')
export class RateLimitCounterEntity {
  @PrimaryColumn({ type: 'varchar', length: 200 })
  key!: string;

  @PrimaryColumn({ type: 'timestamptz' })
  windowStart!: Date;

  @Column({ type: 'int' })
  hits!: number;
}
