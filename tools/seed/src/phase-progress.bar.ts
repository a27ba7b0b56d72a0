import { SingleBar } from 'cli-progress';

/** One bar per phase (validating, writing, users...), on stderr, in the house style of tools/rebuild. */
export class PhaseProgressBar {
  private bar: SingleBar | null = null;
  private current: string | null = null;
  private started = 0;

  constructor(private readonly stream: NodeJS.WritableStream = process.stderr) {}

  update(phase: string, done: number, total: number): void {
    if (this.current !== phase) {
      this.finish();
      this.current = phase;
      this.started = Date.now();
      this.bar = new SingleBar({
        stream: this.stream,
        format: '{phase} [{bar}] {percentage}% | {value}/{total} | {rate}/s | ETA {eta_formatted}',
        hideCursor: true,
        etaBuffer: 50,
        fps: 5,
        // Redirected to a file or a CI log: a line every few seconds instead of redraws.
        noTTYOutput: true,
        notTTYSchedule: 5000,
      });
      this.bar.start(Math.max(total, 1), 0, { phase: phase.padEnd(10), rate: 0 });
    }
    const elapsed = Date.now() - this.started;
    this.bar?.setTotal(Math.max(total, 1));
    this.bar?.update(Math.min(done, Math.max(total, 1)), {
      rate: elapsed > 0 ? Math.round((done * 1000) / elapsed) : 0,
    });
  }

  finish(): void {
    if (this.bar) {
      this.bar.update(this.bar.getTotal());
      this.bar.stop();
    }
    this.bar = null;
    this.current = null;
  }
}
