import type { ReadStore } from '@fieldstream/read-store';

/**
 * Read-your-writes across processes: projections run in the worker, so after a command the API
 * waits until the projection's checkpoint has passed the command's position before answering
 * with the read model. Answers false on timeout (the write stands; the read model is late).
 */
export async function waitForProjection(
  store: ReadStore,
  projection: string,
  position: number | undefined,
  timeoutMs: number,
): Promise<boolean> {
  if (position === undefined) return true;
  const deadline = Date.now() + timeoutMs;
  let pause = 5;
  for (;;) {
    const checkpoint = await store.getCheckpoint(projection);
    if (checkpoint !== null && checkpoint >= position) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, pause));
    pause = Math.min(pause * 2, 50);
  }
}
