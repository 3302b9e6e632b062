import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The network's theme taxonomy (domain.md, "Themes the network works on"). */
export const THEMES: readonly { slug: string; label: string }[] = [
  { slug: 'numerique-responsable', label: 'Numérique responsable' },
  { slug: 'alimentation', label: 'Alimentation et restauration collective' },
  { slug: 'batiment-travaux-publics', label: 'Bâtiment et travaux publics' },
  { slug: 'energie', label: 'Énergie' },
  { slug: 'mobilite-vehicules', label: 'Mobilité et véhicules' },
  { slug: 'proprete-entretien', label: 'Propreté et entretien' },
  { slug: 'textiles-vetements', label: 'Textiles et vêtements de travail' },
  { slug: 'fournitures-bureau', label: 'Fournitures de bureau' },
  { slug: 'insertion-activite-economique', label: "Insertion par l'activité économique" },
  { slug: 'handicap', label: 'Handicap' },
  { slug: 'achats-ess', label: "Achats auprès de l'ESS" },
];

export class Themes1795969950000 implements MigrationInterface {
  name = 'Themes1795969950000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const [index, theme] of THEMES.entries()) {
      await queryRunner.query(
        `INSERT INTO "theme" ("slug", "label", "position") VALUES ($1, $2, $3)
         ON CONFLICT ("slug") DO UPDATE SET "label" = EXCLUDED."label", "position" = EXCLUDED."position"`,
        [theme.slug, theme.label, index + 1],
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "theme" WHERE "slug" = ANY($1)`, [THEMES.map((t) => t.slug)]);
  }
}
