import { DeviceWatchdog, type LogFollower } from '@fieldstream/application';
import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { DEVICE_REQUESTS_FOLLOWER } from './device-tokens';

/** How often the watchdog looks for devices gone silent. */
export const DEVICE_WATCH_MS = 60_000;

/**
 * Starts, with the worker, the saga from device signals to requests and the silence watchdog
 * (at start, then every minute: several workers may both look, the device stream records a
 * silence once).
 */
@Injectable()
export class DeviceWatch implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Devices');
  private timer: NodeJS.Timeout | undefined;
  private round: Promise<void> | undefined;

  constructor(
    @Inject(DEVICE_REQUESTS_FOLLOWER) private readonly follower: LogFollower,
    private readonly watchdog: DeviceWatchdog,
  ) {}

  onApplicationBootstrap(): void {
    this.follower.start();
    void this.check();
    this.timer = setInterval(() => void this.check(), DEVICE_WATCH_MS);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.round;
    await this.follower.stop();
  }

  status() {
    return { follower: this.follower.status() };
  }

  private async check(): Promise<void> {
    if (this.round) return;
    this.round = (async () => {
      try {
        const { checked, silent } = await this.watchdog.run();
        if (silent.length > 0) this.logger.warn({ msg: 'Devices gone silent', checked, silent });
      } catch (error) {
        this.logger.warn(`Device watchdog: ${error instanceof Error ? error.message : error}`);
      }
    })();
    await this.round;
    this.round = undefined;
  }
}
