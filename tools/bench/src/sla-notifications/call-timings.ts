/** Wall time spent in named async calls, to say where a phase's time goes. */
export class CallTimings {
  private readonly totals = new Map<string, { calls: number; ms: number }>();

  async time<T>(label: string, call: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await call();
    } finally {
      const total = this.totals.get(label) ?? { calls: 0, ms: 0 };
      total.calls++;
      total.ms += performance.now() - started;
      this.totals.set(label, total);
    }
  }

  /** The same object, its `methods` timed under `label(method, args)`. */
  wrap<T extends object>(
    target: T,
    methods: readonly (keyof T)[],
    label: (method: string, args: unknown[]) => string,
  ): T {
    return new Proxy(target, {
      get: (object, property, receiver) => {
        const value: unknown = Reflect.get(object, property, receiver);
        if (typeof value !== 'function' || !methods.includes(property as keyof T)) return value;
        return (...args: unknown[]) =>
          this.time(label(String(property), args), () =>
            (value as (...a: unknown[]) => Promise<unknown>).apply(object, args),
          );
      },
    });
  }

  /** Calls made and their mean wall time (NaN when none). */
  mean(label: string): { calls: number; ms: number } {
    const total = this.totals.get(label);
    return total ? { calls: total.calls, ms: total.ms / total.calls } : { calls: 0, ms: NaN };
  }

  reset(): void {
    this.totals.clear();
  }
}
