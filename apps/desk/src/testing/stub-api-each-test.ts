import { routeFetchTo } from './route-fetch-to';
import { startHttpStub, type HttpStub } from './start-http-stub';

export interface StubbedApi {
  /** Starts a stub server answering with `respond` and sends the desk's `/api/...` calls to it. */
  serve(respond: Parameters<typeof startHttpStub>[0]): Promise<HttpStub>;
  /** Sends the desk's calls to `url` (a server already stopped, to see a network failure). */
  routeTo(url: string): void;
}

/**
 * The component tests' API: each test starts the stub it needs; after each test fetch is put back,
 * the stub stopped and the tab's storage cleared, so no test sees another's session or language.
 * Call at the top of a spec file.
 */
export function stubApiEachTest(): StubbedApi {
  let stub: HttpStub | undefined;
  let restoreFetch: (() => void) | undefined;
  const routeTo = (url: string) => {
    restoreFetch?.();
    restoreFetch = routeFetchTo(url);
  };
  afterEach(async () => {
    restoreFetch?.();
    restoreFetch = undefined;
    await stub?.stop();
    stub = undefined;
    sessionStorage.clear();
    localStorage.clear();
  });
  return {
    serve: async (respond) => {
      await stub?.stop();
      stub = await startHttpStub(respond);
      routeTo(stub.url);
      return stub;
    },
    routeTo,
  };
}
