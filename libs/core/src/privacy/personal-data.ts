import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/**
 * One module's share of a person's data (RGPD art. 15, 17, 20). Each module registers a
 * section as it lands, so the export and the erasure always cover everything.
 */
export interface PersonalDataSection {
  /** Key of the section in the exported JSON document. */
  readonly name: string;
  /** Lower runs first on erasure (dependants before the account itself). */
  readonly order: number;
  export(userId: string, manager: EntityManager): Promise<unknown>;
  erase(userId: string, manager: EntityManager): Promise<void>;
}

@Injectable()
export class PersonalDataRegistry {
  private readonly sections: PersonalDataSection[] = [];

  register(section: PersonalDataSection): void {
    if (this.sections.some((s) => s.name === section.name))
      throw new Error(`Section ${section.name} registered twice`);
    this.sections.push(section);
  }

  private ordered(): PersonalDataSection[] {
    return [...this.sections].sort((a, b) => a.order - b.order || a.name.localeCompare(b.name));
  }

  async export(userId: string, manager: EntityManager): Promise<Record<string, unknown>> {
    const document: Record<string, unknown> = {};
    for (const section of this.ordered()) document[section.name] = await section.export(userId, manager);
    return document;
  }

  async erase(userId: string, manager: EntityManager): Promise<void> {
    for (const section of this.ordered()) await section.erase(userId, manager);
  }
}
