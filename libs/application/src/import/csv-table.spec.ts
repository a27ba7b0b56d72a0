import { detectDelimiter, parseCsvTable } from './csv-table';

describe('CSV table', () => {
  it('numbers records by the line they start on, past blank lines and multi-line cells', () => {
    const parsed = parseCsvTable('code,name\r\nA,"two\r\nlines"\r\n\r\nB,plain\r\n');
    expect(parsed).toEqual({
      table: {
        header: ['code', 'name'],
        records: [
          { row: 2, cells: ['A', 'two\nlines'] },
          { row: 5, cells: ['B', 'plain'] },
        ],
      },
    });
  });

  it('strips a UTF-8 BOM and detects the semicolons of Italian Excel', () => {
    const parsed = parseCsvTable('\uFEFFcode;name;unitPrice\nA;Filtro, grande;3,5\n');
    expect(parsed).toEqual({
      table: {
        header: ['code', 'name', 'unitPrice'],
        records: [{ row: 2, cells: ['A', 'Filtro, grande', '3,5'] }],
      },
    });
  });

  it.each([
    ['a,b;c', ','],
    ['a;b;c,d', ';'],
    ['"a;b;c",d', ','],
    ['a\tb\tc', '\t'],
  ])('detects the delimiter of %j as %j', (header, delimiter) => {
    expect(detectDelimiter(`${header}\n1,2`)).toBe(delimiter);
  });

  it('reports a ragged line with its number', () => {
    expect(parseCsvTable('code,name\nA,x\nB,y,z\n')).toEqual({
      issues: [expect.objectContaining({ row: 3, field: 'file', code: 'malformed_csv' })],
    });
  });

  it.each([
    ['', 'empty'],
    ['name\nx\n', 'missing_column'],
    ['code,name,name\nA,x,y\n', 'duplicate_column'],
    ['code,,name\nA,x,y\n', 'missing_header'],
  ])('refuses %j (%s)', (text, code) => {
    expect(parseCsvTable(text)).toEqual({ issues: [expect.objectContaining({ code })] });
  });
});
