import { createServer } from 'node:net';

/**
 * A TCP port that was free a moment ago on 127.0.0.1, for `port: 0` in the launcher and for tests. The kernel picks it (listen
 * on 0), so two launchers started together do not collide the way a counter or a random guess can.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ port: 0, host: '127.0.0.1', exclusive: true }, () => {
      const address = server.address();
      if (address === null || typeof address === 'string') {
        server.close();
        reject(new Error('Could not read the port the kernel assigned'));
        return;
      }
      server.close(() => resolve(address.port));
    });
  });
}
