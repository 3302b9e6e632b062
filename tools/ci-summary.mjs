// Adds up the Jest JSON results of every project (test-results/*.json) into the one line
// CI reads: "N passed, N failed". A suite that failed to run counts as one failure.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = join(process.cwd(), 'test-results');
let passed = 0;
let failed = 0;
const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')) : [];
for (const file of files) {
  const result = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  passed += result.numPassedTests;
  failed += result.numFailedTests + result.numRuntimeErrorTestSuites;
  if (result.numPendingTests > 0 || result.numTodoTests > 0) {
    console.error(
      `${file}: ${result.numPendingTests} skipped and ${result.numTodoTests} todo tests are not allowed`,
    );
    failed += result.numPendingTests + result.numTodoTests;
  }
}
if (files.length === 0) failed += 1;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
