import { render, screen } from '@testing-library/react';
import { AppProviders } from '../../app/app-providers';
import { createQueryClient } from '../../app/create-query-client';
import { createI18n } from '../../app/i18n/create-i18n';
import { ApiProblemError } from '../api/api-problem-error';
import { ProblemAlert, type ProblemOverrides } from './problem-alert';

const notFound = (body: Record<string, unknown>) =>
  new ApiProblemError(
    { status: 404, type: '/problems/not-found', title: 'Not Found', fieldProblems: [] },
    {
      status: 404,
      title: 'Not Found',
      ...body,
    },
  );

function show(error: unknown, language = 'en', overrides?: ProblemOverrides) {
  render(
    <AppProviders i18n={createI18n(language)} queryClient={createQueryClient()} mantineEnv="test">
      <ProblemAlert error={error} {...(overrides ? { overrides } : {})} />
    </AppProviders>,
  );
  return screen.getByRole('alert');
}

describe('ProblemAlert on a 404', () => {
  it('says a record that is not there does not exist or is out of reach, when the answer names it', () => {
    const alert = show(notFound({ code: 'not_found', resource: { kind: 'customer', id: 'ACME' } }));
    expect(alert.textContent).toContain('Not found');
    expect(alert.textContent).toContain('no longer visible to you');
    expect(alert.textContent).not.toContain('not available yet');
  });

  it('says it in Italian too, and for a domain refusal with the not_found code', () => {
    const alert = show(notFound({ code: 'not_found' }), 'it');
    expect(alert.textContent).toContain('Non trovato');
    expect(alert.textContent).toContain('non è più visibile per te');
  });

  it('lets a screen name the record it could not find', () => {
    const alert = show(notFound({ resource: { kind: 'service-request', id: 'R1' } }), 'en', {
      notFound: { title: 'This request is gone', body: 'Back to the list.' },
    });
    expect(alert.textContent).toContain('This request is gone');
  });

  it('still says the function is not offered yet when no record is named (no such route)', () => {
    const alert = show(notFound({ detail: 'Cannot GET /api/things' }), 'en', {
      notFound: { title: 'This request is gone', body: 'Back to the list.' },
    });
    expect(alert.textContent).toContain('This function is not available yet');
  });
});
