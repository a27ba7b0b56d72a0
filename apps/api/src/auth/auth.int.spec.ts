import { TEST_ADMIN, type TestApi, startTestApi } from '../testing/start-test-api';

describe('authentication', () => {
  let api: TestApi;
  let admin: string;

  beforeAll(async () => {
    api = await startTestApi();
    admin = await api.login(TEST_ADMIN.username, TEST_ADMIN.password);
  });
  afterAll(() => api?.stop());

  it('refuses every business route without credentials, with a problem naming why', async () => {
    const response = await api.call('GET', '/api/master-data/customers');
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: 'unauthenticated', status: 401 });
    expect((await api.call('GET', '/api/health/live')).status).toBe(200);
  });

  it('signs in, tells who is signed in, and ends the session on logout', async () => {
    const token = await api.login(TEST_ADMIN.username, TEST_ADMIN.password);
    const me = await api.call('GET', '/api/auth/me', token);
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ role: 'admin', kind: 'user', displayName: 'Administrator' });
    expect((await api.call('POST', '/api/auth/logout', token)).status).toBe(204);
    const after = await api.call('GET', '/api/auth/me', token);
    expect(after.status).toBe(401);
    expect(await after.json()).toMatchObject({ code: 'session_ended' });
  });

  it('answers a wrong password and an unknown user alike', async () => {
    await api.call('POST', '/api/users', admin, {
      username: 'anna',
      password: 'secret-pw-of-a1',
      displayName: 'Anna',
      role: 'auditor',
    });
    const wrong = await api.call('POST', '/api/auth/login', undefined, {
      username: 'anna',
      password: 'nope-nope-nope',
    });
    const unknown = await api.call('POST', '/api/auth/login', undefined, {
      username: 'nobody',
      password: 'nope-nope-nope',
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const [a, b] = [await wrong.json(), await unknown.json()];
    expect(a.detail).toBe(b.detail);
    expect(a.code).toBe('invalid_credentials');
  });

  it('locks an account after five failures in a row, even for the right password, and an admin unlocks it', async () => {
    const created = await api.call('POST', '/api/users', admin, {
      username: 'bruno',
      password: 'secret-pw-of-b1',
      displayName: 'Bruno',
      role: 'auditor',
    });
    expect(created.status).toBe(201);
    const { id } = await created.json();
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      statuses.push(
        (
          await api.call('POST', '/api/auth/login', undefined, {
            username: 'bruno',
            password: `wrong-${i}-wrong`,
          })
        ).status,
      );
    }
    expect(statuses).toEqual([401, 401, 401, 401, 423]);
    const locked = await api.call('POST', '/api/auth/login', undefined, {
      username: 'bruno',
      password: 'secret-pw-of-b1',
    });
    expect(locked.status).toBe(423);
    expect(await locked.json()).toMatchObject({
      code: 'account_locked',
      details: { lockedUntil: expect.any(String) },
    });
    expect((await api.call('POST', `/api/users/${id}/unlock`, admin)).status).toBe(204);
    expect(
      (
        await api.call('POST', '/api/auth/login', undefined, {
          username: 'bruno',
          password: 'secret-pw-of-b1',
        })
      ).status,
    ).toBe(200);
  });

  it('changes a password: the old sessions end, the old password stops working, weak ones are refused by field', async () => {
    await api.call('POST', '/api/users', admin, {
      username: 'carla',
      password: 'first-pw-of-c1',
      displayName: 'Carla',
      role: 'auditor',
    });
    const token = await api.login('carla', 'first-pw-of-c1');
    const weak = await api.call('POST', '/api/auth/password', token, {
      currentPassword: 'first-pw-of-c1',
      newPassword: 'short',
    });
    expect(weak.status).toBe(400);
    expect((await weak.json()).errors).toEqual([expect.objectContaining({ field: 'newPassword' })]);
    const wrongCurrent = await api.call('POST', '/api/auth/password', token, {
      currentPassword: 'not-it-at-all',
      newPassword: 'second-pw-of-c1',
    });
    expect((await wrongCurrent.json()).errors).toEqual([
      expect.objectContaining({ field: 'currentPassword' }),
    ]);
    expect(
      (
        await api.call('POST', '/api/auth/password', token, {
          currentPassword: 'first-pw-of-c1',
          newPassword: 'second-pw-of-c1',
        })
      ).status,
    ).toBe(204);
    expect((await api.call('GET', '/api/auth/me', token)).status).toBe(401);
    expect(
      (
        await api.call('POST', '/api/auth/login', undefined, {
          username: 'carla',
          password: 'first-pw-of-c1',
        })
      ).status,
    ).toBe(401);
    await api.login('carla', 'second-pw-of-c1');
  });

  it('refuses a forged or tampered token', async () => {
    const token = await api.login(TEST_ADMIN.username, TEST_ADMIN.password);
    const [header, payload] = token.split('.');
    const forged = `${header}.${payload}.${'A'.repeat(43)}`;
    const response = await api.call('GET', '/api/auth/me', forged);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: 'invalid_token' });
  });

  it('issues API keys shown once, stored hashed, usable until revoked', async () => {
    const issued = await api.call('POST', '/api/api-keys', admin, { name: 'ERP sync', role: 'integrator' });
    expect(issued.status).toBe(201);
    const { keyId, apiKey } = await issued.json();
    expect(apiKey).toMatch(/^fsk_/);
    const listed = await (await api.call('GET', '/api/api-keys', admin)).json();
    // The secret is base64url and may itself hold '_': it is everything after the key id.
    const secret = apiKey.slice(`fsk_${keyId}_`.length);
    expect(secret.length).toBeGreaterThanOrEqual(43);
    expect(JSON.stringify(listed)).not.toContain(secret);
    expect(listed[0]).not.toHaveProperty('secretHash');
    expect((await api.call('GET', '/api/master-data/skills', apiKey)).status).toBe(200);
    expect(
      (await api.call('POST', `/api/api-keys/${keyId}/revoke`, admin, { reason: 'rotated' })).status,
    ).toBe(204);
    expect((await api.call('GET', '/api/master-data/skills', apiKey)).status).toBe(401);
  });

  it('lets only admins manage users, with bad input answered by field', async () => {
    const bad = await api.call('POST', '/api/users', admin, {
      username: 'X',
      password: 'x',
      displayName: '',
      role: 'dispatcher',
    });
    expect(bad.status).toBe(400);
    const fields = (await bad.json()).errors.map((error: { field: string }) => error.field).sort();
    expect(fields).toEqual(
      expect.arrayContaining(['username', 'password', 'displayName', 'binding.unitCode']),
    );
    const auditor = await api.login('carla', 'second-pw-of-c1');
    expect(
      (
        await api.call('POST', '/api/users', auditor, {
          username: 'dora',
          password: 'secret-pw-of-d1',
          displayName: 'Dora',
          role: 'auditor',
        })
      ).status,
    ).toBe(403);
    expect((await api.call('GET', '/api/users', auditor)).status).toBe(200);
  });
});
