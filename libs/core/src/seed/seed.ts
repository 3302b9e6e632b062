import { Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { AppMetaEntity } from '../database/app-meta.entity';

/** One piece of demo data; runs once per database, inside the seeding transaction. */
export interface SeedStep {
  /** Stable name: the marker that says the step has run. */
  readonly name: string;
  /** Lower runs first (members before content before moderation). */
  readonly order: number;
  run(manager: EntityManager): Promise<void>;
}

/** Modules register their demo data here; the API seeds on start-up when SEED_DEMO says so. */
@Injectable()
export class SeedRegistry {
  private readonly steps: SeedStep[] = [];

  register(step: SeedStep): void {
    if (this.steps.some((s) => s.name === step.name))
      throw new Error(`Seed step ${step.name} registered twice`);
    this.steps.push(step);
  }

  /** Runs the steps that have not run yet, in one transaction (serialised across processes). Returns their names. */
  async seed(dataSource: DataSource, only?: readonly string[]): Promise<string[]> {
    const ordered = [...this.steps]
      .filter((step) => !only || only.includes(step.name))
      .sort((a, b) => a.order - b.order || a.name.localeCompare(b.name));
    return dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['resocc:seed']);
      const ran: string[] = [];
      for (const step of ordered) {
        const key = `seed:${step.name}`;
        const done = await manager.findOneBy(AppMetaEntity, { key });
        if (done) continue;
        await step.run(manager);
        await manager.insert(AppMetaEntity, { key, value: new Date().toISOString() });
        ran.push(step.name);
      }
      return ran;
    });
  }
}
