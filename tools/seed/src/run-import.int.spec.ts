import { spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import { type TempDir, tempDir } from '@fieldstream/testing';
import { runImportCli } from './run-import';

jest.setTimeout(60_000);

const REPO_ROOT = resolve(__dirname, '../../..');

function capture() {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return { stream, text: () => text };
}

describe('import CLI', () => {
  let dir: TempDir;
  const run = async (...argv: string[]) => {
    const stdout = capture();
    const stderr = capture();
    const code = await runImportCli(['--no-progress', ...argv], {
      env: { DATA_DIR: join(dir.path, 'data') },
      cwd: dir.path,
      stdout: stdout.stream,
      stderr: stderr.stream,
    });
    return { code, stdout: stdout.text(), stderr: stderr.text() };
  };

  beforeAll(async () => {
    dir = await tempDir();
    await writeFile(
      join(dir.path, 'org.json'),
      JSON.stringify({
        units: [{ code: 'HQ', name: 'Sede', type: 'head-office', country: 'IT', timeZone: 'Europe/Rome' }],
        zones: [{ code: 'Z1', name: 'Milano', unitCode: 'HQ', postalCodes: ['201*'] }],
      }),
    );
    await writeFile(
      join(dir.path, 'customers.csv'),
      '\uFEFFcode;name;vatNumber;language\r\nACME;Acme S.p.A.;IT01234567890;it\r\nBAD;;XX;klingon\r\n',
    );
    await writeFile(
      join(dir.path, 'customers-fixed.csv'),
      'code;name;vatNumber;language\nACME;Acme S.p.A.;IT01234567890;it\nBETA;Beta GmbH;DE123456789;de\n',
    );
  });
  afterAll(() => dir.remove());

  it('imports a multi-kind document with no worker running', async () => {
    const result = await run('all', 'org.json');
    expect(result.stderr).toBe('');
    expect(result).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('Imported: 2 created, 0 changed, 0 unchanged of 2'),
    });
  });

  it('rejects a CSV with a per-row report and exit code 1, writing nothing', async () => {
    const result = await run('customers', 'customers.csv');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/line 3\s+name\s/);
    expect(result.stderr).toMatch(/line 3\s+vatNumber\s/);
    expect(result.stderr).toMatch(/line 3\s+language\s/);
    expect((await run('customers', 'customers-fixed.csv', '--dry-run')).stdout).toContain(
      'would be: 2 created',
    );
  });

  it('imports the fixed file in a real process, then a re-run changes nothing', () => {
    const main = (...args: string[]) =>
      spawnSync(process.execPath, ['-r', '@swc-node/register', join(__dirname, 'import-main.ts'), ...args], {
        cwd: REPO_ROOT,
        env: {
          ...process.env,
          SWC_NODE_PROJECT: join(REPO_ROOT, 'tsconfig.base.json'),
          DATA_DIR: join(dir.path, 'data'),
        },
        encoding: 'utf8',
        timeout: 40_000,
      });
    const first = main('customers', join(dir.path, 'customers-fixed.csv'), '--no-progress');
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('Imported: 2 created');
    const second = main('customers', join(dir.path, 'customers-fixed.csv'));
    expect(second.status).toBe(0);
    expect(second.stdout).toContain('0 created, 0 changed, 2 unchanged');
  });

  it.each([
    [['customers']],
    [['frogs', 'x.csv']],
    [['all', 'x.csv']],
    [['customers', 'missing.csv']],
    [['customers', 'x.xlsx']],
  ])('refuses %j with the usage', async (argv) => {
    const result = await run(...argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Usage: import');
  });
});
