import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { createConnection } from 'node:net';
import { join } from 'node:path';
import { freePort } from '@fieldstream/network';
import { tempDir } from './temp-dir';
import { sleep } from './wait-for';

export interface TestMqttBroker {
  url: string;
  port: number;
  /** Graceful: SIGTERM, waits for exit, removes the directory. */
  stop(): Promise<void>;
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    const done = (answer: boolean) => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(300, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => done(true));
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Debian puts mosquitto in /usr/sbin, which a non-root PATH may lack. */
function mosquittoBinary(): string {
  const configured = process.env['MOSQUITTO_BIN'];
  if (configured) return configured;
  return existsSync('/usr/sbin/mosquitto') ? '/usr/sbin/mosquitto' : 'mosquitto';
}

/**
 * A private Mosquitto for one test file, on a free port of loopback, anonymous, keeping sessions
 * in memory only: a test may stop it, or leave messages queued for a persistent session, without
 * touching the shared broker on 1883.
 */
export async function startMqttBroker(options: { startTimeoutMs?: number } = {}): Promise<TestMqttBroker> {
  const binary = mosquittoBinary();
  const dir = await tempDir('fieldstream-mqtt-');
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const config = join(dir.path, 'mosquitto.conf');
    await writeFile(
      config,
      [
        `listener ${port} 127.0.0.1`,
        'allow_anonymous true',
        'persistence false',
        'max_queued_messages 100000',
        '',
      ].join('\n'),
    );
    const child = spawn(binary, ['-c', config], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
    child.stderr?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
    const spawnError = new Promise<Error>((resolve) => child.once('error', resolve));
    const deadline = Date.now() + (options.startTimeoutMs ?? 5_000);
    let ready = false;
    while (Date.now() < deadline && child.exitCode === null) {
      const failed = await Promise.race([spawnError, sleep(25).then(() => undefined)]);
      if (failed) {
        await dir.remove();
        throw new Error(`Cannot start ${binary} (install the Debian package mosquitto): ${failed.message}`);
      }
      if (await accepts(port)) {
        ready = true;
        break;
      }
    }
    if (ready) {
      return {
        url: `mqtt://127.0.0.1:${port}`,
        port,
        async stop() {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
          await exited(child);
          await dir.remove();
        },
      };
    }
    if (child.exitCode === null) child.kill('SIGKILL');
    await exited(child);
    if (attempt >= 2) {
      await dir.remove();
      throw new Error(`mosquitto did not start on port ${port}:\n${output}`);
    }
  }
}
