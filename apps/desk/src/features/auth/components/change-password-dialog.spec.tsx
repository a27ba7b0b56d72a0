import { act, fireEvent, screen } from '@testing-library/react';
import { renderDesk } from '../../../testing/render-desk';
import { stubApiEachTest } from '../../../testing/stub-api-each-test';
import { sendJson, type HttpStub } from '../../../testing/start-http-stub';
import { testSession } from '../testing/test-session';

let stub: HttpStub | undefined;
const server = stubApiEachTest();

const field = (label: RegExp) => screen.getByLabelText(label, { selector: 'input' });

describe('change password', () => {
  it("puts the API's field error on the field it names, and asks the new password twice", async () => {
    stub = await server.serve((request, response) => {
      if (request.url === '/api/auth/password') {
        return sendJson(
          response,
          400,
          {
            title: 'The current password is wrong',
            status: 400,
            errors: [
              { field: 'currentPassword', message: 'The current password is wrong', code: 'wrong_password' },
            ],
          },
          'application/problem+json',
        );
      }
      return sendJson(response, 200, []);
    });
    renderDesk({ path: '/app', session: testSession('marco') });
    fireEvent.click(await screen.findByRole('button', { name: 'User menu for marco' }));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Change password' }));

    fireEvent.change(await screen.findByLabelText(/^Current password/, { selector: 'input' }), {
      target: { value: 'old one' },
    });
    fireEvent.change(field(/^New password/), { target: { value: 'a new long password' } });
    fireEvent.change(field(/^Repeat the new password/), { target: { value: 'something else' } });
    fireEvent.click(screen.getByRole('button', { name: 'Change password' }));
    expect(await screen.findByText('The two new passwords differ.')).toBeTruthy();
    expect(stub.requests.some((r) => r.url === '/api/auth/password')).toBe(false);

    fireEvent.change(field(/^Repeat the new password/), { target: { value: 'a new long password' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Change password' })));
    expect(await screen.findByText('The current password is wrong')).toBeTruthy();
    expect(field(/^Current password/).getAttribute('aria-invalid')).toBe('true');
    expect(JSON.parse(stub.requests.find((r) => r.url === '/api/auth/password')?.body ?? '{}')).toEqual({
      currentPassword: 'old one',
      newPassword: 'a new long password',
    });
  });
});
