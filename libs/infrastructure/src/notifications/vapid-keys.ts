import { link, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import webpush from 'web-push';
import type { VapidKeys } from './web-push-transport';

type Configured = { publicKey: string | null; privateKey: string | null; subject: string };

/**
 * The server's VAPID key pair: the configured one, else one made on first start and kept in the
 * data directory (browsers subscribe with the public key: a new pair would silence every device).
 * The API and the worker may both start first: the file appears whole (written aside, then linked
 * into place), and the one that loses the race reads the winner's.
 */
export async function resolveVapidKeys(configured: Configured, dataDir: string): Promise<VapidKeys> {
  if (configured.publicKey && configured.privateKey)
    return {
      publicKey: configured.publicKey,
      privateKey: configured.privateKey,
      subject: configured.subject,
    };
  const file = join(dataDir, 'vapid-keys.json');
  const read = async () => {
    const keys = JSON.parse(await readFile(file, 'utf8')) as { publicKey: string; privateKey: string };
    return { publicKey: keys.publicKey, privateKey: keys.privateKey, subject: configured.subject };
  };
  try {
    return await read();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(dataDir, { recursive: true });
  const keys = webpush.generateVAPIDKeys();
  const aside = `${file}.${process.pid}.tmp`;
  await writeFile(aside, `${JSON.stringify(keys)}\n`, { mode: 0o600 });
  try {
    await link(aside, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await rm(aside, { force: true });
  }
  return read();
}
