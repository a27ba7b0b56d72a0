import { useSyncExternalStore } from 'react';

const TICK_MS = 1_000;
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;
let now = Date.now();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (timer === undefined) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      for (const notify of listeners) notify();
    }, TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/**
 * The screen's clock, ticking every second: one timer for every countdown on screen (the
 * dashboard's list may hold two hundred), stopped when none is shown.
 */
export function useNow(): number {
  return useSyncExternalStore(subscribe, snapshot);
}

/** The last tick; with no timer running yet, the time now (kept, so two reads in a render agree). */
function snapshot(): number {
  if (timer === undefined && Math.abs(Date.now() - now) >= TICK_MS) now = Date.now();
  return now;
}
