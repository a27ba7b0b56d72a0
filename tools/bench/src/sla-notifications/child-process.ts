import { type ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';

export interface Child<Message> {
  process: ChildProcess;
  /** Resolves with the first message `pick` accepts; rejects if the child exits first. */
  waitFor<T>(pick: (message: Message) => T | undefined, what: string, timeoutMs: number): Promise<T>;
  /** Resolves once the child has exited (rejects on a non-zero exit). */
  exited: Promise<void>;
  stop(): Promise<void>;
}

/**
 * Forks one of the bench's helper processes (a `.child.ts` beside this file) under the same
 * TypeScript loader; every message goes to `onMessage`, stderr to ours.
 */
export function forkChild<Message>(
  script: string,
  args: string[],
  onMessage: (message: Message) => void,
): Child<Message> {
  const child = fork(join(__dirname, script), args, {
    execArgv: ['-r', '@swc-node/register'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const waiters = new Set<(message: Message) => void>();
  child.on('message', (message: Message) => {
    onMessage(message);
    for (const waiter of [...waiters]) waiter(message);
  });
  let exitCode: number | null | undefined;
  const exited = new Promise<void>((resolve, reject) => {
    child.once('exit', (code, signal) => {
      exitCode = code;
      if (code === 0 || signal === 'SIGTERM') resolve();
      else reject(new Error(`${script} exited with ${code ?? signal}`));
    });
  });
  exited.catch(() => undefined);
  return {
    process: child,
    exited,
    waitFor<T>(pick: (message: Message) => T | undefined, what: string, timeoutMs: number) {
      return new Promise<T>((resolve, reject) => {
        const timer = setTimeout(
          () => finish(new Error(`${script}: no ${what} within ${timeoutMs / 1000} s`)),
          timeoutMs,
        );
        const finish = (error: Error | undefined, value?: T) => {
          clearTimeout(timer);
          waiters.delete(waiter);
          if (error) reject(error);
          else resolve(value as T);
        };
        const waiter = (message: Message) => {
          const value = pick(message);
          if (value !== undefined) finish(undefined, value);
        };
        waiters.add(waiter);
        exited.then(
          () => finish(new Error(`${script} exited before its ${what}`)),
          (error: Error) => finish(error),
        );
      });
    },
    async stop() {
      if (exitCode !== undefined) return;
      if (child.connected) child.disconnect();
      const timer = setTimeout(() => child.kill('SIGTERM'), 3000);
      await exited.catch(() => undefined);
      clearTimeout(timer);
    },
  };
}
