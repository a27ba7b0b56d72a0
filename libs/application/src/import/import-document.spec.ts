import { parseImportDocument } from './import-document';
import { IMPORT_LIMITS } from './import-limits';

describe('import document', () => {
  it('reads a one-kind CSV into rows with their line numbers', () => {
    const parsed = parseImportDocument({
      kind: 'skills',
      format: 'csv',
      text: 'code,name,certified\nGAS,Gas,sì\nELEC,Electrical,\n',
    });
    expect(parsed.issues).toEqual([]);
    expect(parsed.batches).toEqual([
      {
        kind: 'skill',
        rows: [
          { row: 2, code: 'GAS', fields: { name: 'Gas', certified: true } },
          { row: 3, code: 'ELEC', fields: { name: 'Electrical' } },
        ],
      },
    ]);
    expect(parsed.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('orders a multi-kind document by dependency, whatever its key order', () => {
    const parsed = parseImportDocument({
      format: 'json',
      text: JSON.stringify({ zones: [{ code: 'Z', name: 'Z' }], units: [{ code: 'U', name: 'U' }] }),
    });
    expect(parsed.batches.map((batch) => batch.kind)).toEqual(['unit', 'zone']);
    expect(parsed.batches[1]!.rows[0]).toEqual({ row: 1, code: 'Z', fields: { name: 'Z' } });
  });

  it('accepts a one-kind JSON as an array or as { plural: [...] }', () => {
    expect(
      parseImportDocument({ kind: 'skills', format: 'json', data: [{ code: 'A', name: 'A' }] }).batches,
    ).toHaveLength(1);
    expect(
      parseImportDocument({ kind: 'skills', format: 'json', data: { skills: [{ code: 'A', name: 'A' }] } })
        .batches,
    ).toHaveLength(1);
  });

  it.each([
    [{ kind: 'frogs', format: 'csv' as const, text: 'code\nA\n' }, 'unknown_kind'],
    [{ format: 'csv' as const, text: 'code\nA\n' }, 'kind_required'],
    [{ kind: 'skills', format: 'json' as const, text: '{"skills": [' }, 'malformed_json'],
    [{ kind: 'skills', format: 'json' as const, data: { name: 'x', other: 1 } }, 'not_an_array'],
    [{ format: 'json' as const, data: { frogs: [] } }, 'unknown_kind'],
    [{ format: 'json' as const, data: [] }, 'not_an_object'],
    [{ kind: 'skills', format: 'json' as const, data: ['GAS'] }, 'not_an_object'],
    [{ kind: 'skills', format: 'csv' as const, text: 'code,name\n' }, 'empty'],
  ])('refuses %j (%s)', (input, code) => {
    expect(parseImportDocument(input).issues).toEqual([expect.objectContaining({ code })]);
  });

  it('refuses files over the size and row limits, saying the limit', () => {
    const limits = { ...IMPORT_LIMITS, maxBytes: 20, maxRows: 2 };
    expect(
      parseImportDocument({ kind: 'skills', format: 'csv', text: 'code,name\nA,a\nB,b\nC,c\n' }, limits)
        .issues[0],
    ).toMatchObject({
      code: 'too_large',
      message: expect.stringContaining('at most 20'),
    });
    expect(
      parseImportDocument({ kind: 'skills', format: 'csv', text: 'code\nA\nB\nC\n' }, limits).issues[0],
    ).toMatchObject({
      code: 'too_many_rows',
    });
  });
});
