// Writes each jest run's counts to test-output/jest/<project>.json so that the test command can
// print one closing line for the whole repository (`N passed, N failed, N skipped`).
const fs = require('node:fs');
const path = require('node:path');

class JestSummaryReporter {
  constructor(globalConfig) {
    this.globalConfig = globalConfig;
  }

  onRunComplete(contexts, results) {
    const [context] = contexts;
    const project = (context && context.config.displayName && context.config.displayName.name) || 'unnamed';
    const dir = path.join(__dirname, '..', '..', 'test-output', 'jest');
    fs.mkdirSync(dir, { recursive: true });
    const failedSuites = results.testResults
      .filter((suite) => suite.testExecError || suite.numFailingTests > 0)
      .map((suite) => path.relative(path.join(__dirname, '..', '..'), suite.testFilePath));
    fs.writeFileSync(
      path.join(dir, `${project}.json`),
      JSON.stringify(
        {
          project,
          passed: results.numPassedTests,
          failed: results.numFailedTests,
          skipped: results.numPendingTests + results.numTodoTests,
          suitesFailedToRun: results.numRuntimeErrorTestSuites,
          failedSuites,
          finishedAt: new Date().toISOString(),
        },
        null,
        2,
      ),
    );
  }
}

module.exports = JestSummaryReporter;
