import { RebuildUsageError, parseRebuildArguments } from './rebuild-arguments';

function fieldOf(argv: string[]): string | undefined {
  try {
    parseRebuildArguments(argv, {}, '/srv');
  } catch (error) {
    if (error instanceof RebuildUsageError) return error.field;
    throw error;
  }
  return undefined;
}

describe('rebuild arguments', () => {
  it('defaults to every projection and the files under ./data', () => {
    expect(parseRebuildArguments([], {}, '/srv')).toEqual({
      projections: 'all',
      eventStoreFile: '/srv/data/events.sqlite',
      readStoreFile: '/srv/data/read-models.sqlite',
      progress: true,
      help: false,
    });
  });

  it('takes the data folder from DATA_DIR and files from flags', () => {
    const args = parseRebuildArguments(
      [
        '--projection',
        'stream-catalogue',
        '--read-store-file',
        'rm.sqlite',
        '--batch-size',
        '200',
        '--no-progress',
      ],
      { DATA_DIR: '/var/fieldstream' },
      '/srv',
    );
    expect(args).toEqual({
      projections: ['stream-catalogue'],
      eventStoreFile: '/var/fieldstream/events.sqlite',
      readStoreFile: '/srv/rm.sqlite',
      batchSize: 200,
      progress: false,
      help: false,
    });
  });

  it.each([
    [['--projection', 'a', '--all'], '--projection'],
    [['--projection', ''], '--projection'],
    [['--batch-size', '0'], '--batch-size'],
    [['--batch-size', 'lots'], '--batch-size'],
    [['--event-store-file', ' '], '--event-store-file'],
    [['--frobnicate'], 'arguments'],
    [['stray'], 'arguments'],
    [['--projection'], 'arguments'],
  ])('refuses %j naming %s', (argv, field) => {
    expect(fieldOf(argv)).toBe(field);
  });
});
