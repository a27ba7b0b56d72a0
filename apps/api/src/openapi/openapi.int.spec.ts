import { type TestApi, startTestApi } from '../testing/start-test-api';
import { API_ROUTES } from './api-routes';

describe('the OpenAPI document and the docs page', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi();
  }, 60_000);
  afterAll(() => api?.stop());

  it('serves the document without credentials, listing every route', async () => {
    const response = await api.call('GET', '/api/openapi.json');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/json');
    const document = await response.json();
    expect(document.openapi).toBe('3.1.0');
    const listed = Object.entries(document.paths as Record<string, Record<string, unknown>>).flatMap(
      ([path, item]) => Object.keys(item).map((method) => `${method} ${path}`),
    );
    expect(listed.sort()).toEqual(API_ROUTES.map((route) => `${route.method} ${route.path}`).sort());
    expect(listed).toEqual(
      expect.arrayContaining([
        'post /auth/login',
        'post /service-requests',
        'get /service-requests',
        'post /service-requests/{id}/assignments',
        'put /service-requests/{id}/assignments/{technicianCode}',
        'delete /service-requests/{id}/assignments/{technicianCode}',
        'get /technicians/{technicianCode}/agenda',
      ]),
    );
  });

  it('describes routes that answer as described: every listed path exists on the server', async () => {
    // Without credentials, an existing route answers 401 and a missing one 404.
    for (const route of API_ROUTES.filter((candidate) => !candidate.public)) {
      const path = `/api${route.path.replace(/\{[^}]+\}/g, 'x')}`;
      const response = await api.call(route.method.toUpperCase(), path);
      expect([route.method, path, response.status]).toEqual([route.method, path, 401]);
    }
  });

  it('serves a browsable page with Swagger UI from the installed package, no inline script', async () => {
    const page = await api.call('GET', '/api/docs');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await page.text();
    const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.map((script) => script[2]!.trim())).toEqual(['', '']);
    const sources = scripts.map((script) => /src="([^"]+)"/.exec(script[1]!)?.[1]);
    expect(sources).toEqual(['/api/docs/assets/swagger-ui-bundle.js', '/api/docs/assets/docs.js']);
    for (const source of [...sources, '/api/docs/assets/swagger-ui.css']) {
      const asset = await api.call('GET', source!);
      expect([source, asset.status]).toEqual([source, 200]);
      expect((await asset.text()).length).toBeGreaterThan(100);
    }
    const starter = await (await api.call('GET', '/api/docs/assets/docs.js')).text();
    expect(starter).toContain("url: '/api/openapi.json'");
  });

  it('serves only the listed files', async () => {
    for (const path of [
      '/api/docs/assets/package.json',
      '/api/docs/assets/..%2F..%2Fpackage.json',
      '/api/docs/assets/index.html',
    ]) {
      expect([path, (await api.call('GET', path)).status]).toEqual([path, 404]);
    }
  });
});
