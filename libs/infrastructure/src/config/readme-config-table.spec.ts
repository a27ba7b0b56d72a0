import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { environmentVariablesMarkdown } from './environment-variables';

const README = join(__dirname, '../../../../README.md');

describe('README configuration table', () => {
  it('is the table generated from the declared variables', () => {
    expect(existsSync(README)).toBe(true);
    const section = /## Configuration\n([\s\S]*?)\n## /.exec(readFileSync(README, 'utf8'))?.[1] ?? '';
    expect(section).not.toBe('');
    expect(section).toContain(environmentVariablesMarkdown());
  });
});
