// Writes each jest run's counts to test-output/jest/<project>.json so that the test command can
// print one closing line for the whole repository (`N passed, N failed, N skipped`).
const fs = require('node:fs');
const path = require('node:path');
const { stripVTControlCharacters } = require('node:util');

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
    // The failing tests by name with the first lines of what they said: CI keeps only the tail
    // of the output, and this is the part of it that tells what to look at.
    const failedTests = results.testResults.flatMap((suite) => [
      ...(suite.testExecError
        ? [{ name: path.basename(suite.testFilePath), message: firstLines(suite.testExecError.message) }]
        : []),
      ...suite.testResults
        .filter((test) => test.status === 'failed')
        .map((test) => ({ name: test.fullName, message: firstLines(test.failureMessages.join('\n')) })),
    ]);
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
          failedTests,
          finishedAt: new Date().toISOString(),
        },
        null,
        2,
      ),
    );
  }
}

/** The message without colours and stack frames, at most six lines of it. */
function firstLines(message) {
  return stripVTControlCharacters(String(message || ''))
    .split('\n')
    .filter((line) => line.trim() !== '' && !/^\s+at /.test(line))
    .slice(0, 6)
    .join('\n');
}

module.exports = JestSummaryReporter;
