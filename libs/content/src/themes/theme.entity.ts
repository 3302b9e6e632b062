import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@Entity('theme')
export class ThemeEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('theme_slug_key', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  slug!: string;

  @Column({ type: 'varchar', length: 120 })
  label!: string;

  @Column({ type: 'int' })
  position!: number;
}
