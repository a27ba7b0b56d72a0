import { render, screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { AppProviders } from '../../../app/app-providers';
import { createQueryClient } from '../../../app/create-query-client';
import { createI18n } from '../../../app/i18n/create-i18n';
import importEn from '../i18n/en.json';
import importIt from '../i18n/it.json';
import type { ImportStatus } from '../types/import-status';
import { ImportResult } from './import-result';

function renderIn(language: 'en' | 'it', ui: ReactNode) {
  const i18n = createI18n(language);
  i18n.addResourceBundle('en', 'import', importEn);
  i18n.addResourceBundle('it', 'import', importIt);
  return render(
    <AppProviders i18n={i18n} queryClient={createQueryClient()} initialSession={null} mantineEnv="test">
      {ui}
    </AppProviders>,
  );
}

const base: ImportStatus = {
  importId: 'imp-1',
  kind: 'skill',
  status: 'validating',
  total: 40,
  done: 10,
  created: 0,
  changed: 0,
  unchanged: 0,
  errors: [],
};

describe('import result', () => {
  it('shows the phase and done/total while running, as an accessible progress bar', () => {
    renderIn('en', <ImportResult status={base} />);
    expect(screen.getByText('Checking rows: 10 of 40')).toBeTruthy();
    const bar = screen.getByRole('progressbar');
    expect(bar.getAttribute('aria-valuenow')).toBe('25');
    expect(document.getElementById(bar.getAttribute('aria-labelledby') ?? '')?.textContent).toBe(
      'Checking rows: 10 of 40',
    );
  });

  it('lists a rejection by line, field and message, and says nothing was written', () => {
    renderIn(
      'en',
      <ImportResult
        status={{
          ...base,
          status: 'rejected',
          done: 40,
          errors: [
            { row: 3, field: 'name', code: 'too_small', message: 'Required' },
            { row: 7, field: 'certified', code: 'invalid_type', message: 'Expected a boolean' },
          ],
        }}
      />,
    );
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('The file was rejected: 2 errors');
    expect(alert.textContent).toContain('Nothing was written.');
    const rows = within(screen.getByRole('table')).getAllByRole('row');
    expect(rows.map((row) => row.textContent)).toEqual([
      'LineFieldMessage',
      '3nameRequired',
      '7certifiedExpected a boolean',
    ]);
  });

  it('shows the counts of a committed import, in Italian too', () => {
    renderIn(
      'it',
      <ImportResult status={{ ...base, status: 'committed', done: 40, created: 38, changed: 2 }} />,
    );
    const status = screen.getByRole('status');
    expect(status.textContent).toContain('Importazione completata');
    expect(status.textContent).toContain('Creati: 38');
    expect(status.textContent).toContain('Modificati: 2');
    expect(status.textContent).toContain('Invariati: 0');
  });

  it('says a validation only has written nothing yet', () => {
    renderIn('en', <ImportResult status={{ ...base, status: 'validated', done: 40, created: 40 }} />);
    expect(screen.getByRole('status').textContent).toContain('Nothing has been written yet');
  });
});
