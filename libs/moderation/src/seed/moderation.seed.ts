import { Injectable, type OnModuleInit } from '@nestjs/common';
import { SeedRegistry } from '@resocc/core';
import type { EntityManager } from 'typeorm';
import { CollectionEntity, CollectionItemEntity, ReportEntity } from '../moderation.entities';
import { ReportReason } from '../moderation.enums';

export const DEMO_COLLECTION_TITLE = 'Numérique responsable : par où commencer';

/** Demo moderation data: open reports on a published post and one curated collection. */
@Injectable()
export class ModerationSeed implements OnModuleInit {
  constructor(private readonly seeds: SeedRegistry) {}

  onModuleInit(): void {
    this.seeds.register({ name: 'moderation-demo', order: 30, run: (manager) => this.run(manager) });
  }

  private async run(m: EntityManager): Promise<void> {
    const users: { id: string; email: string }[] = await m.query(
      `SELECT id, email FROM user_account WHERE email = ANY($1)`,
      [['acheteuse@montpellier.example', 'acheteur@toulouse.example', 'moderation@reseau.example']],
    );
    const user = (email: string): string | undefined => users.find((u) => u.email === email)?.id;
    const curator = user('moderation@reseau.example');
    if (!curator) return; // no demo members: nothing to attach moderation data to

    // Two members doubt the figures of one published post (below the hiding threshold).
    const [reported] = await m.query(
      `SELECT id FROM experience_post WHERE status = 'PUBLISHED' AND visibility = 'PUBLIC'
       AND organisation_id NOT IN (SELECT organisation_id FROM user_account WHERE email = ANY($1))
       ORDER BY published_at DESC OFFSET 3 LIMIT 1`,
      [['acheteuse@montpellier.example', 'acheteur@toulouse.example']],
    );
    if (reported) {
      const reports = [
        {
          email: 'acheteuse@montpellier.example',
          reason: ReportReason.INACCURATE,
          comment: 'Les chiffres d’heures d’insertion semblent doublés par rapport au bilan publié.',
        },
        {
          email: 'acheteur@toulouse.example',
          reason: ReportReason.INACCURATE,
          comment: 'Le montant du marché ne correspond pas à l’avis d’attribution.',
        },
      ];
      for (const r of reports) {
        const reporterId = user(r.email);
        if (reporterId)
          await m.insert(ReportEntity, {
            targetType: 'ExperiencePost',
            targetId: reported.id,
            reason: r.reason,
            comment: r.comment,
            reporterId,
          });
      }
    }

    const collection = await m.save(
      m.create(CollectionEntity, {
        title: DEMO_COLLECTION_TITLE,
        description:
          'Une sélection de retours d’expérience et de clauses pour commencer : matériel reconditionné, réparabilité, fin de vie des équipements.',
        curatorId: curator,
      }),
    );
    const items: { type: 'ExperiencePost' | 'ClauseTemplate'; id: string }[] = await m.query(
      `(SELECT 'ExperiencePost' AS type, id, published_at FROM experience_post
         WHERE status = 'PUBLISHED' AND 'numerique-responsable' = ANY(themes) ORDER BY published_at DESC LIMIT 4)
       UNION ALL
       (SELECT 'ClauseTemplate', id, published_at FROM clause_template
         WHERE status = 'PUBLISHED' AND 'numerique-responsable' = ANY(themes) ORDER BY published_at DESC LIMIT 3)`,
    );
    if (items.length > 0) {
      await m.insert(
        CollectionItemEntity,
        items.map((item, position) => ({
          collectionId: collection.id,
          position,
          targetType: item.type,
          targetId: item.id,
        })),
      );
    }
  }
}
