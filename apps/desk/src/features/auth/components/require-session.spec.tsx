import { fireEvent, screen, waitFor } from '@testing-library/react';
import { renderDesk } from '../../../testing/render-desk';
import { SESSION_STORAGE_KEY, writeStoredSession } from '../api/session-storage';

afterEach(() => {
  sessionStorage.clear();
  localStorage.clear();
});

describe('route guard', () => {
  it('sends a visitor without a session from / to /login', async () => {
    const { router } = renderDesk({ path: '/' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/login');
  });

  it('sends /app without a session to /login, remembering where the user was going', async () => {
    const { router } = renderDesk({ path: '/app/somewhere?x=1' });
    await screen.findByRole('heading', { level: 1, name: 'Sign in' });
    expect(router.state.location.pathname).toBe('/login');
    expect(router.state.location.state).toEqual({ from: '/app/somewhere?x=1' });
  });

  it('lets a session in to the app frame, with its landmarks and skip link', async () => {
    const { router } = renderDesk({ path: '/', session: { token: 't', username: 'marco' } });
    expect(await screen.findByRole('heading', { level: 1, name: 'Welcome, marco' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/app');
    expect(screen.getByRole('banner')).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Main navigation' }).textContent).toContain(
      'Navigation by role arrives later',
    );
    expect(screen.getByRole('main').id).toBe('main-content');
    expect(screen.getByRole('link', { name: 'Skip to main content' }).getAttribute('href')).toBe(
      '#main-content',
    );
  });

  it('restores the session of this tab from sessionStorage after a reload', async () => {
    writeStoredSession({ token: 'kept', username: 'lucia' });
    renderDesk({ path: '/app', session: undefined });
    expect(await screen.findByRole('heading', { level: 1, name: 'Welcome, lucia' })).toBeTruthy();
  });

  it('sends a signed-in user away from /login to the app', async () => {
    const { router } = renderDesk({ path: '/login', session: { token: 't', username: 'marco' } });
    await screen.findByRole('heading', { level: 1, name: 'Welcome, marco' });
    expect(router.state.location.pathname).toBe('/app');
  });

  it('signs out from the user menu: token gone, back at /login', async () => {
    writeStoredSession({ token: 't', username: 'marco' });
    const { router } = renderDesk({ path: '/app', session: undefined });
    fireEvent.click(await screen.findByRole('button', { name: 'User menu for marco' }));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Sign out' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/login'));
    expect(sessionStorage.getItem(SESSION_STORAGE_KEY)).toBeNull();
  });

  it("writes today's date through Intl in the active language", async () => {
    renderDesk({ path: '/app', language: 'it', session: { token: 't', username: 'marco' } });
    const expected = new Intl.DateTimeFormat('it', { dateStyle: 'full' }).format(new Date());
    expect((await screen.findByText(/^Oggi è/)).textContent).toBe(`Oggi è ${expected}.`);
  });
});
