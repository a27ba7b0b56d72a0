import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { environmentVariablesMarkdown } from './environment-variables';

const README = join(__dirname, '../../../../README.md');

describe('README configuration table', () => {
  it('is the table generated from the declared variables (or still the CONFIG_TABLE placeholder)', () => {
    expect(existsSync(README)).toBe(true);
    const section = /## Configuration\n([\s\S]*?)\n## /.exec(readFileSync(README, 'utf8'))?.[1] ?? '';
    expect(section).not.toBe('');
    if (section.includes('CONFIG_TABLE')) return; // not generated yet: print-config-table.ts fills it
    expect(section).toContain(environmentVariablesMarkdown());
  });
});
