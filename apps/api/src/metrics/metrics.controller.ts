import { Public } from '../auth/public.decorator';
import { Controller, Get, Header } from '@nestjs/common';
import { SystemHealthService } from '../health/system-health.service';
import { PROMETHEUS_CONTENT_TYPE, PrometheusText } from './prometheus-text';

/**
 * Prometheus metrics, computed at scrape time from the same checks as /health: the worker's
 * projection figures come from its last report in Redis, so they are at most one status interval
 * old.
 */
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(private readonly health: SystemHealthService) {}

  @Get()
  @Header('Content-Type', PROMETHEUS_CONTENT_TYPE)
  @Header('Cache-Control', 'no-store')
  async metrics(): Promise<string> {
    const health = await this.health.check();
    const { eventStore, readStore, redis, worker } = health.checks;
    const text = new PrometheusText()
      .sample(
        'fieldstream_api_uptime_seconds',
        'gauge',
        'Seconds since the API process started.',
        this.health.uptimeSeconds(),
      )
      .sample('fieldstream_ready', 'gauge', '1 when /api/health answers ready.', health.ready ? 1 : 0)
      .sample(
        'fieldstream_event_store_up',
        'gauge',
        '1 when the event store answers its health check.',
        eventStore.ok ? 1 : 0,
        { adapter: eventStore.adapter ?? 'unknown' },
      )
      .sample(
        'fieldstream_events_head_position',
        'gauge',
        'Position of the last event in the log.',
        eventStore.headPosition,
      )
      .sample(
        'fieldstream_read_store_up',
        'gauge',
        '1 when the read store answers its health check.',
        readStore.ok ? 1 : 0,
        { adapter: readStore.adapter ?? 'unknown' },
      )
      .sample('fieldstream_redis_up', 'gauge', '1 when Redis answers PING.', redis.up ? 1 : 0)
      .sample(
        'fieldstream_redis_latency_ms',
        'gauge',
        'Round trip of a Redis PING, in milliseconds.',
        redis.latencyMs,
      )
      .sample('fieldstream_redis_used_memory_bytes', 'gauge', 'Redis used_memory.', redis.usedMemoryBytes)
      .sample(
        'fieldstream_workers_reporting',
        'gauge',
        'Workers whose status report is current.',
        worker.instances.length,
      );
    const now = Date.now();
    for (const instance of worker.instances) {
      const labels = { worker: instance.instanceId };
      text.sample(
        'fieldstream_worker_status_age_seconds',
        'gauge',
        "Age of the worker's last status report.",
        (now - Date.parse(instance.reportedAt)) / 1000,
        labels,
      );
      text.sample(
        'fieldstream_worker_subscription_alive',
        'gauge',
        "1 when the worker's event subscription is alive.",
        instance.subscription.alive ? 1 : 0,
        labels,
      );
      for (const projection of instance.projections) {
        const projectionLabels = { ...labels, projection: projection.name };
        text
          .sample(
            'fieldstream_projection_checkpoint',
            'gauge',
            'Position of the last event the projection committed.',
            projection.checkpoint,
            projectionLabels,
          )
          .sample(
            'fieldstream_projection_lag_events',
            'gauge',
            'Events between the projection checkpoint and the head of the log.',
            projection.lagEvents,
            projectionLabels,
          )
          .sample(
            'fieldstream_projection_lag_ms',
            'gauge',
            'Milliseconds the projection is behind now: age of the oldest event it has not committed (0 when live).',
            projection.lagMs,
            projectionLabels,
          )
          .sample(
            'fieldstream_projection_live',
            'gauge',
            '1 when the projection is live (caught up and following).',
            projection.state === 'live' ? 1 : 0,
            projectionLabels,
          )
          .sample(
            'fieldstream_projection_failed',
            'gauge',
            '1 when the projection is failing and retrying.',
            projection.state === 'failed' ? 1 : 0,
            projectionLabels,
          )
          .sample(
            'fieldstream_projection_subscription_reconnects',
            'counter',
            "Reconnections of the projection's event subscription since the worker started.",
            projection.subscription?.reconnects ?? null,
            projectionLabels,
          )
          .sample(
            'fieldstream_projection_events_per_second',
            'gauge',
            'Events committed per second over the last ten seconds.',
            projection.eventsPerSecond,
            projectionLabels,
          );
      }
    }
    return text.toString();
  }
}
