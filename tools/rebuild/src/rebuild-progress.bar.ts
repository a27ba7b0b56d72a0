import { SingleBar } from 'cli-progress';
import type { RebuildProgress } from '@fieldstream/projections';

/** A progress bar per projection: events done against the head, rate and ETA, on stderr. */
export class RebuildProgressBar {
  private bar: SingleBar | null = null;
  private current: string | null = null;

  constructor(private readonly stream: NodeJS.WritableStream = process.stderr) {}

  update(progress: RebuildProgress): void {
    if (this.current !== progress.projection) {
      this.finish();
      this.current = progress.projection;
      this.bar = new SingleBar({
        stream: this.stream,
        format:
          '{projection} [{bar}] {percentage}% | {value}/{total} | {rate} events/s | ETA {eta_formatted}',
        hideCursor: true,
        etaBuffer: 50,
        fps: 5,
        // Redirected to a file or a CI log, a line every few seconds instead of redraws.
        noTTYOutput: true,
        notTTYSchedule: 5000,
      });
      this.bar.start(Math.max(progress.headPosition, 1), 0, { projection: progress.projection, rate: 0 });
    }
    const rate = progress.elapsedMs > 0 ? Math.round((progress.events * 1000) / progress.elapsedMs) : 0;
    // Events appended during the rebuild carry it past the head it started from.
    const total = Math.max(progress.headPosition, progress.position, 1);
    this.bar?.setTotal(total);
    this.bar?.update(Math.min(progress.position, total), { rate });
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
