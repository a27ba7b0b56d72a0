import { fileNameOf } from './file-name-of';
import { technicianPaths } from './technician-paths';

describe('technician api helpers', () => {
  it('builds the paths from the wire contract, escaped', () => {
    expect(
      technicianPaths.agenda('T 1', { from: '2026-11-27T00:00:00.000Z', to: '2026-12-12T00:00:00.000Z' }),
    ).toBe('/api/technicians/T%201/agenda?from=2026-11-27T00%3A00%3A00.000Z&to=2026-12-12T00%3A00%3A00.000Z');
    expect(technicianPaths.action('R1', 'close')).toBe('/api/service-requests/R1/close');
    expect(technicianPaths.conditionsFound('R1')).toBe('/api/service-requests/R1/conditions-found');
    expect(technicianPaths.masterData('conditions', { q: 'leak' })).toBe(
      '/api/master-data/conditions?status=active&q=leak',
    );
  });

  it("reads the attachment's file name from Content-Disposition", () => {
    expect(fileNameOf("inline; filename*=UTF-8''Manuale%20caldaia%20%C3%A8.pdf")).toBe(
      'Manuale caldaia è.pdf',
    );
    expect(fileNameOf('attachment; filename="schema.png"')).toBe('schema.png');
    expect(fileNameOf(null)).toBeUndefined();
    expect(fileNameOf('inline')).toBeUndefined();
  });
});
