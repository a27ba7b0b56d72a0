import { type DeviceDiagnosis, type SignalAnswer } from '@fieldstream/api-contract';
import { DeviceQueries, DeviceSignals } from '@fieldstream/application';
import { type Principal, deviceSignalSchema } from '@fieldstream/domain';
import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { z } from 'zod';
import { Public } from '../auth/public.decorator';
import { CurrentPrincipal } from '../request/current-principal.decorator';

/** Where devices are reached, relative to `/api` (Nest's path syntax). */
export const devicePaths = {
  signals: '/assets/:code/signals',
  device: '/assets/:code/device',
  schema: '/devices/signal-schema.json',
} as const;

/** The signals' JSON Schema, made once: the same document MQTT and HTTP payloads follow. */
const SIGNAL_SCHEMA = {
  $id: 'https://fieldstream.io/schemas/device-signal.v1.json',
  title: 'Fieldstream device signal (v1)',
  description:
    'Over HTTP: POST /api/assets/{assetCode}/signals with this body. Over MQTT: publish to <prefix>/assets/{assetCode}/{kind} the same object without `kind` (QoS 1).',
  ...z.toJSONSchema(deviceSignalSchema, { io: 'input' }),
};

/**
 * Machines over HTTP, with their API key (role `device`, bound to their assets): one signal per
 * call, through the same rules as MQTT. And for people, an asset's device: its remote diagnosis.
 */
@Controller()
export class DevicesController {
  constructor(
    private readonly signals: DeviceSignals,
    private readonly queries: DeviceQueries,
  ) {}

  @Post(devicePaths.signals)
  @HttpCode(200)
  async signal(
    @Param('code') code: string,
    @Body() body: unknown,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SignalAnswer> {
    const outcome = await this.signals.record(principal, code, body ?? {}, `http-${code}`);
    return { assetCode: code, ...outcome };
  }

  @Get(devicePaths.device)
  device(@Param('code') code: string, @CurrentPrincipal() principal: Principal): Promise<DeviceDiagnosis> {
    return this.queries.diagnosis(principal, code);
  }

  @Public()
  @Get(devicePaths.schema)
  schema(): object {
    return SIGNAL_SCHEMA;
  }
}
