import { File as NodeFile } from 'node:buffer';

/**
 * jsdom's FormData and File cannot be sent by the Node fetch the desk's tests use (its File has no
 * bytes to read, and the request never ends). A browser sends them as they are; so that these
 * tests send a real multipart body over a real socket, the suite uses Node's own FormData (as
 * Node's fetch makes it) and files made with `nodeFile`. Call at the top of a spec file.
 */
export function sendNodeFormData(): void {
  const jsdomFormData = globalThis.FormData;
  beforeAll(async () => {
    const form = await new Response('a=b', {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    }).formData();
    globalThis.FormData = form.constructor as typeof FormData;
  });
  afterAll(() => {
    globalThis.FormData = jsdomFormData;
  });
}

/** A picked photo as Node's fetch can send it. */
export function nodeFile(bytes: Uint8Array, name: string, type: string): File {
  return new NodeFile([bytes], name, { type }) as unknown as File;
}
