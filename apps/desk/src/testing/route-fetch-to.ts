/**
 * The desk calls its API by same-origin paths (`/api/...`); jsdom's origin serves nothing, so send
 * those paths to `baseUrl` with the real fetch. Returns a function that restores the original.
 */
export function routeFetchTo(baseUrl: string): () => void {
  const original = globalThis.fetch;
  globalThis.fetch = (input: RequestInfo | URL, init?: RequestInit) =>
    original(typeof input === 'string' && input.startsWith('/') ? `${baseUrl}${input}` : input, init);
  return () => {
    globalThis.fetch = original;
  };
}
