import { dirname, join } from 'node:path';

/** Where the docs page's files are served from, under the API's prefix. */
export const DOCS_ASSETS_PATH = '/api/docs/assets';

/** Swagger UI's own files we serve, from the installed `swagger-ui-dist` package. */
export const SWAGGER_UI_FILES: Readonly<Record<string, string>> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
  'favicon-16x16.png': 'image/png',
};

export function swaggerUiDirectory(): string {
  return dirname(require.resolve('swagger-ui-dist/package.json'));
}

export function swaggerUiFile(name: string): string | undefined {
  return Object.hasOwn(SWAGGER_UI_FILES, name) ? join(swaggerUiDirectory(), name) : undefined;
}

/**
 * The page: no inline script (it starts Swagger UI from `docs.js`), so that it runs under a
 * Content-Security-Policy without 'unsafe-inline' for scripts.
 */
export const DOCS_PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Fieldstream API</title>
    <link rel="icon" type="image/png" href="${DOCS_ASSETS_PATH}/favicon-32x32.png" sizes="32x32" />
    <link rel="stylesheet" href="${DOCS_ASSETS_PATH}/swagger-ui.css" />
  </head>
  <body>
    <div id="swagger-ui"></div>
    <script src="${DOCS_ASSETS_PATH}/swagger-ui-bundle.js"></script>
    <script src="${DOCS_ASSETS_PATH}/docs.js"></script>
  </body>
</html>
`;

/** Starts Swagger UI on our document; no validator badge (it would send the document to a third party). */
export const DOCS_SCRIPT = `window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({
    url: '/api/openapi.json',
    dom_id: '#swagger-ui',
    deepLinking: true,
    validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis],
    layout: 'BaseLayout',
  });
});
`;

/**
 * The page's policy: scripts and styles from here only (Swagger UI sets inline style attributes,
 * hence 'unsafe-inline' for styles alone), images from here or data: URLs.
 */
export const DOCS_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
].join('; ');
