/** Repeats of one code on one asset, counted while its window is open. */
type Window = {
  count: number;
  firstAt: string | undefined;
  lastAt: string | undefined;
  timer: NodeJS.Timeout;
};

/**
 * Counts the repeats of an anomaly already raised instead of recording each: a machine in an
 * alarm storm sends the same code hundreds of times a second, and the log needs how many and
 * until when, not every one. The first signal of a code goes through at once (it may raise the
 * anomaly, and that must not wait); the repeats after it are added up and handed over as one,
 * every `windowMs`, while they keep coming.
 *
 * Repeat counts are the one thing held only in memory for up to a window: a crash loses at most
 * that much counting, never an anomaly raised, cleared, a status or a reading.
 */
export class RepeatCoalescer {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly windowMs: number,
    /** Records the repeats counted in a window (count ≥ 1). */
    private readonly flush: (
      key: string,
      repeats: { count: number; firstAt: string; lastAt: string },
    ) => Promise<void>,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  /** True when the signal was counted into an open window (nothing else to do for it now). */
  count(key: string, at: string, count = 1): boolean {
    const window = this.windows.get(key);
    if (!window) return false;
    window.count += count;
    window.firstAt ??= at;
    window.lastAt = at;
    return true;
  }

  /** Opens a window for a code just recorded as active: its repeats are counted from now. */
  open(key: string): void {
    if (this.windows.has(key)) return;
    const timer = setTimeout(() => void this.close(key, true), this.windowMs);
    timer.unref();
    this.windows.set(key, { count: 0, firstAt: undefined, lastAt: undefined, timer });
  }

  /** Ends a window, recording what it counted; `reopen` keeps counting while repeats came. */
  async close(key: string, reopen = false): Promise<void> {
    const window = this.windows.get(key);
    if (!window) return;
    clearTimeout(window.timer);
    this.windows.delete(key);
    if (window.count === 0 || !window.firstAt || !window.lastAt) return;
    if (reopen) this.open(key);
    try {
      await this.flush(key, { count: window.count, firstAt: window.firstAt, lastAt: window.lastAt });
    } catch (error) {
      this.onError(error);
    }
  }

  /** Records every open window's count (the process stopping). */
  async drain(): Promise<void> {
    await Promise.all([...this.windows.keys()].map((key) => this.close(key)));
  }
}
