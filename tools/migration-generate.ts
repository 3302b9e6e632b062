// npm run migration:generate -- <Name>
// Migrates a throwaway embedded database, compares it with the entities and writes the
// difference as a new migration in libs/core/src/database/migrations (and lists it in index.ts).
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDataSource, pendingSchemaChanges, runMigrations } from '@resocc/core';
import { entities } from '../apps/api/src/entities';
import { withDatabase } from './db';

const name = process.argv[2];
if (!name || !/^[A-Z][A-Za-z0-9]*$/.test(name)) {
  console.error('Usage: npm run migration:generate -- <PascalCaseName>');
  process.exit(1);
}

const dir = join(__dirname, '..', 'libs', 'core', 'src', 'database', 'migrations');

function quote(sql: string): string {
  return '`' + sql.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${') + '`';
}

withDatabase(
  async (url) => {
    await runMigrations(url);
    const dataSource = createDataSource({ url, entities });
    await dataSource.initialize();
    const changes = await pendingSchemaChanges(dataSource);
    // TypeORM emits CREATE/DROP TYPE once per column for an enum shared by several tables.
    const up = changes.up.filter((q, i) => !q.startsWith('CREATE TYPE') || changes.up.indexOf(q) === i);
    const down = changes.down.filter(
      (q, i) => !q.startsWith('DROP TYPE') || changes.down.lastIndexOf(q) === i,
    );
    await dataSource.destroy();
    if (up.length === 0) {
      console.log('Entities and migrations agree: nothing to generate.');
      return;
    }
    const timestamp = Date.now();
    const className = `${name}${timestamp}`;
    const file = `${timestamp}-${name}`;
    const body = `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(queryRunner: QueryRunner): Promise<void> {
${up.map((q) => `    await queryRunner.query(${quote(q)});`).join('\n')}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${down
  .reverse()
  .map((q) => `    await queryRunner.query(${quote(q)});`)
  .join('\n')}
  }
}
`;
    writeFileSync(join(dir, `${file}.ts`), body);
    const indexFile = join(dir, 'index.ts');
    const current = readFileSync(indexFile, 'utf8');
    const listed = /export const migrations = \[([^\]]*)\]/.exec(current)?.[1] ?? '';
    const names = [
      ...listed
        .split(',')
        .map((n) => n.trim())
        .filter(Boolean),
      className,
    ];
    const index = current
      .replace(/(\nexport const migrations)/, `import { ${className} } from './${file}';\n$1`)
      .replace(/export const migrations = \[[^\]]*\]/, `export const migrations = [${names.join(', ')}]`);
    writeFileSync(indexFile, index);
    execFileSync('npx', ['prettier', '--write', join(dir, `${file}.ts`), indexFile], { stdio: 'ignore' });
    console.log(`Wrote ${file}.ts (${up.length} statements)`);
  },
  { throwaway: true },
).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
