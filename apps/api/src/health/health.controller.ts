import { Public } from '../auth/public.decorator';
import { Controller, Get, Res } from '@nestjs/common';
import type { Response } from 'express';
import { type SystemHealth, SystemHealthService } from './system-health.service';

@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly health: SystemHealthService) {}

  /** Readiness with every check's detail: 200 when ready, 503 otherwise (same body). */
  @Get()
  async check(@Res({ passthrough: true }) response: Response): Promise<SystemHealth> {
    const health = await this.health.check();
    response.status(health.ready ? 200 : 503).setHeader('Cache-Control', 'no-store');
    return health;
  }

  /** Liveness only: the process answers. For container runtimes that restart on failure. */
  @Get('live')
  live(): { live: true } {
    return { live: true };
  }
}
