import { parseImportArguments } from './import-arguments';
import { CliUsageError, parseSeedArguments } from './seed-arguments';

describe('seed arguments', () => {
  it('defaults to seeding with progress bars', () => {
    expect(parseSeedArguments([])).toEqual({ ifEmpty: false, progress: true, help: false, requests: 2500 });
    expect(parseSeedArguments(['--if-empty', '--no-progress', '--requests', '40'])).toEqual({
      ifEmpty: true,
      progress: false,
      help: false,
      requests: 40,
    });
  });

  it('takes a whole number of demo requests, and nothing else', () => {
    expect(parseSeedArguments(['--requests', '0']).requests).toBe(0);
    expect(() => parseSeedArguments(['--requests', 'many'])).toThrow(/--requests must be a whole number/);
    expect(() => parseSeedArguments(['--requests', '-3'])).toThrow(CliUsageError);
  });

  it('refuses strays and unknown flags', () => {
    expect(() => parseSeedArguments(['now'])).toThrow(CliUsageError);
    expect(() => parseSeedArguments(['--force'])).toThrow(CliUsageError);
  });
});

describe('import arguments', () => {
  it('takes a kind and a file, the format from its extension', () => {
    expect(parseImportArguments(['sites', 'in/sites.CSV', '--dry-run'], '/srv')).toEqual({
      kind: 'sites',
      file: '/srv/in/sites.CSV',
      format: 'csv',
      dryRun: true,
      progress: true,
      help: false,
    });
    expect(parseImportArguments(['all', '/tmp/org.json', '--no-progress'], '/srv')).toEqual({
      file: '/tmp/org.json',
      format: 'json',
      dryRun: false,
      progress: false,
      help: false,
    });
  });

  it.each([
    [['sites'], 'Give a kind and a file'],
    [['frogs', 'a.csv'], 'no master-data kind frogs'],
    [['sites', 'a.xlsx'], 'name it .csv or .json'],
    [['all', 'a.csv'], 'JSON document'],
    [['sites', 'a.csv', '--force'], 'Unknown option'],
  ])('refuses %j', (argv, message) => {
    expect(() => parseImportArguments(argv, '/srv')).toThrow(message);
  });
});
