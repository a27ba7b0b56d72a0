import { writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { runStressWriter, type StressPlan } from './stress-writer';

/*
 * Child process entry. The plan arrives as JSON in argv; the start time arrives on stdin once
 * every process has loaded its modules (loading takes seconds on a busy machine, so a start
 * time chosen in advance would spread the openers out); acknowledgements leave through a file.
 */
const [planJson, outputFile] = process.argv.slice(2);
const lines = createInterface({ input: process.stdin });
lines.once('line', (startAt) => {
  lines.close();
  const plan = { ...(JSON.parse(planJson!) as StressPlan), startAt: Number(startAt) };
  runStressWriter(plan).then(
    (outcome) => writeFileSync(outputFile!, JSON.stringify(outcome)),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
});
process.stdout.write('ready\n');
