// Reads the per-project counts written by tools/testing/jest-summary-reporter.js and prints the
// closing line of the test command. Exits non-zero when anything failed or did not run.
const fs = require('node:fs');
const path = require('node:path');

const dir = path.join(__dirname, '..', '..', 'test-output', 'jest');
const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.json')) : [];
const totals = { passed: 0, failed: 0, skipped: 0, broken: 0 };
for (const file of files.sort()) {
  const r = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
  totals.passed += r.passed;
  totals.failed += r.failed;
  totals.skipped += r.skipped;
  totals.broken += r.suitesFailedToRun;
  const mark = r.failed || r.suitesFailedToRun ? 'FAIL' : 'ok  ';
  console.log(`${mark} ${r.project.padEnd(22)} ${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped`);
  for (const suite of r.failedSuites) console.log(`       failed: ${suite}`);
  for (const test of r.failedTests ?? []) {
    console.log(`       ✕ ${test.name}`);
    for (const line of test.message.split('\n')) console.log(`           ${line}`);
  }
}
if (files.length === 0) console.log('No test results found.');
if (totals.broken) console.log(`${totals.broken} test file(s) failed to run.`);
console.log(
  `Tests: ${totals.passed} passed, ${totals.failed + totals.broken} failed, ${totals.skipped} skipped`,
);
process.exit(totals.failed || totals.broken || files.length === 0 ? 1 : 0);
