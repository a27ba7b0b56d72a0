import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { testSession } from '../../auth/testing/test-session';
import { renderScreen } from '../../../testing/render-screen';
import { stubApiEachTest } from '../../../testing/stub-api-each-test';
import { sendJson, type HttpStub } from '../../../testing/start-http-stub';
import { ImportPage } from './import-page';

let stub: HttpStub | undefined;
const server = stubApiEachTest();

/** Signed in as an admin whose token the stub sees. */
const renderPage = () => renderScreen(<ImportPage />, { session: testSession('admin', { role: 'admin' }) });

describe('import page against a stub of the import API', () => {
  it('lists writable kinds, posts the CSV as text/csv, polls to the end and shows the counts', async () => {
    let polls = 0;
    stub = await server.serve((request, response) => {
      if (request.url === '/api/master-data') {
        return sendJson(response, 200, [
          { kind: 'skill', plural: 'skills', read: 'all', write: 'all', columns: [] },
          { kind: 'unit', plural: 'units', read: 'all', write: 'none', columns: [] },
        ]);
      }
      if (request.method === 'POST' && request.url.startsWith('/api/imports/skills')) {
        return sendJson(response, 202, { importId: 'imp-9' });
      }
      if (request.url === '/api/imports/imp-9') {
        polls += 1;
        const done = polls >= 2;
        return sendJson(response, 200, {
          importId: 'imp-9',
          kind: 'skill',
          status: done ? 'committed' : 'writing',
          total: 2,
          done: done ? 2 : 1,
          created: done ? 2 : 0,
          changed: 0,
          unchanged: 0,
          errors: [],
        });
      }
      return sendJson(response, 404, { title: 'Not Found', status: 404 }, 'application/problem+json');
    });
    renderPage();

    fireEvent.click(await screen.findByRole('combobox', { name: /^Kind/ }));
    expect(screen.queryByRole('option', { name: 'Units' })).toBeNull();
    fireEvent.click(await screen.findByRole('option', { name: 'Skills' }));
    expect(screen.getByRole('link', { name: 'Download a CSV template (skills)' }).getAttribute('href')).toBe(
      `data:text/csv;charset=utf-8,${encodeURIComponent('code,name,description,certified\r\n')}`,
    );

    const csv = 'code,name\r\nGAS,Gas boilers\r\nLIFT,Lift rescue\r\n';
    const input = document.querySelector('input[type=file]') as HTMLInputElement;
    await act(async () =>
      fireEvent.change(input, { target: { files: [new File([csv], 'skills.csv', { type: '' })] } }),
    );
    expect(screen.getByText('File: skills.csv (46 bytes)')).toBeTruthy();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Import' })));

    const counts = await screen.findByRole('status', {}, { timeout: 5000 });
    expect(counts.textContent).toContain('Import complete');
    expect(counts.textContent).toContain('Created: 2');
    const post = stub.requests.find((r) => r.method === 'POST');
    expect(post?.url).toBe('/api/imports/skills');
    expect(post?.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(post?.headers['authorization']).toBe('Bearer token-of-admin');
    expect(post?.body).toBe(csv);
    expect(post?.headers['x-file-name']).toBe('skills.csv');
    expect(polls).toBe(2);
    // Final: polling stopped.
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(polls).toBe(2);
  });

  it('sends a validation only with dryRun and shows the rejection by line and field', async () => {
    stub = await server.serve((request, response) => {
      if (request.url === '/api/master-data') {
        return sendJson(response, 200, [
          { kind: 'skill', plural: 'skills', read: 'all', write: 'all', columns: [] },
        ]);
      }
      if (request.method === 'POST') return sendJson(response, 202, { importId: 'imp-2' });
      return sendJson(response, 200, {
        importId: 'imp-2',
        kind: 'skill',
        status: 'rejected',
        total: 1,
        done: 1,
        created: 0,
        changed: 0,
        unchanged: 0,
        errors: [{ row: 2, field: 'name', code: 'too_small', message: 'Required' }],
      });
    });
    renderPage();
    fireEvent.click(await screen.findByRole('combobox', { name: /^Kind/ }));
    fireEvent.click(await screen.findByRole('option', { name: 'Skills' }));
    const input = document.querySelector('input[type=file]') as HTMLInputElement;
    await act(async () =>
      fireEvent.change(input, {
        target: { files: [new File(['[{"code":"X"}]'], 'skills.json', { type: 'application/json' })] },
      }),
    );
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Validate only' })));
    const alert = await screen.findByRole('alert', {}, { timeout: 5000 });
    expect(alert.textContent).toContain('Nothing was written.');
    expect(alert.textContent).toContain('Required');
    await waitFor(() =>
      expect(stub?.requests.find((r) => r.method === 'POST')?.url).toBe('/api/imports/skills?dryRun=true'),
    );
    expect(stub.requests.find((r) => r.method === 'POST')?.headers['content-type']).toBe(
      'application/json; charset=utf-8',
    );
  });
});
