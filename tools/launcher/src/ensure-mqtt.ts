import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { createConnection } from 'node:net';
import { join } from 'node:path';

const LOCAL_BROKER = 'mqtt://127.0.0.1:1883';

function accepts(port: number, timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    const done = (answer: boolean) => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => done(true));
  });
}

export interface EnsuredMqtt {
  /** Null: no broker here, devices report over HTTP only. */
  url: string | null;
  /** The worker's client id: one per data directory, so two installations never share a session. */
  clientId: string;
  stop?: () => Promise<void>;
  note: string;
}

/**
 * The demo's MQTT broker: MQTT_URL when set; else one answering on 127.0.0.1:1883; else a local
 * Mosquitto started on 1883 (sessions kept under `dataDir/mosquitto`) when the package is
 * installed; else none, and devices report over HTTP.
 */
export async function ensureMqtt(configured: string | null, dataDir: string): Promise<EnsuredMqtt> {
  const clientId = `fieldstream-worker-${createHash('sha1').update(dataDir).digest('hex').slice(0, 8)}`;
  if (configured)
    return { url: configured, clientId, note: `MQTT broker: ${configured.replace(/\/\/[^@/]*@/, '//***@')}` };
  if (await accepts(1883))
    return { url: LOCAL_BROKER, clientId, note: `MQTT broker: the one on 127.0.0.1:1883` };
  const binary = existsSync('/usr/sbin/mosquitto') ? '/usr/sbin/mosquitto' : undefined;
  if (!binary)
    return { url: null, clientId, note: 'No MQTT broker (install mosquitto): devices report over HTTP only' };
  const dir = join(dataDir, 'mosquitto');
  await mkdir(dir, { recursive: true });
  const config = join(dir, 'mosquitto.conf');
  await writeFile(
    config,
    [
      'listener 1883 127.0.0.1',
      'allow_anonymous true',
      'persistence true',
      `persistence_location ${dir}/`,
      // No queue limit: a device's alarm storm waits at the broker for the worker, never dropped.
      'max_queued_messages 0',
      '',
    ].join('\n'),
  );
  const child: ChildProcess = spawn(binary, ['-c', config], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline && child.exitCode === null) {
    if (await accepts(1883)) {
      return {
        url: LOCAL_BROKER,
        clientId,
        note: `Started mosquitto on 127.0.0.1:1883 (sessions in ${dir})`,
        stop: async () => {
          if (child.exitCode !== null || child.signalCode !== null) return;
          const done = new Promise((resolve) => child.once('exit', resolve));
          child.kill('SIGTERM');
          await done;
        },
      };
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  return {
    url: null,
    clientId,
    note: `mosquitto did not start (${stderr.trim()}): devices report over HTTP only`,
  };
}
