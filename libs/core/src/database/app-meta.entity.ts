import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** Small key-value facts about this installation (e.g. which seed steps have run). */
@Entity('app_meta')
export class AppMetaEntity {
  @PrimaryColumn({ type: 'varchar', length: 100 })
  key!: string;

  @Column({ type: 'text' })
  value!: string;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
