// Adds up the JSON results of every project (test-results/*.json) into the one line CI
// reads: "N passed, N failed". Jest's results (one file per project; a suite that failed to
// run counts as one failure) and Playwright's (test-results/*.playwright.json, the browser
// tests of apps/web; a run that could not start, e.g. a web server that did not come up,
// counts as one failure). Skipped tests are failures in both.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = join(process.cwd(), 'test-results');
let passed = 0;
let failed = 0;
const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')) : [];
for (const file of files) {
  const result = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  if (file.endsWith('.playwright.json')) {
    const stats = result.stats ?? {};
    passed += stats.expected ?? 0;
    failed += (stats.unexpected ?? 0) + (stats.flaky ?? 0);
    if ((result.errors ?? []).length > 0) {
      console.error(
        `${file}: ${result.errors.length} errors outside the tests (${result.errors[0].message ?? ''})`,
      );
      failed += 1;
    }
    if ((stats.skipped ?? 0) > 0) {
      console.error(`${file}: ${stats.skipped} skipped tests are not allowed`);
      failed += stats.skipped;
    }
    continue;
  }
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
