import { DeviceSignals, FieldValidationError, ForbiddenError, NotFoundError } from '@fieldstream/application';
import { DomainError, type Principal } from '@fieldstream/domain';
import { APP_CONFIG, type AppConfig } from '@fieldstream/infrastructure';
import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import mqtt, { type IPublishPacket, type MqttClient } from 'mqtt';
import { parseTopic, rejectedTopicOf, subscriptionOf } from './mqtt-topics';

/**
 * The broker authenticates devices (and its ACL keeps each to its own asset's topics): we take
 * its word, and the message speaks as that asset's device.
 */
const devicePrincipal = (assetCode: string): Principal => ({
  id: `mqtt:${assetCode}`,
  displayName: `Device of ${assetCode} (MQTT)`,
  kind: 'api-key',
  role: 'device',
  assetCodes: [assetCode],
});

export type IngestionCounts = {
  received: number;
  recorded: number;
  counted: number;
  unchanged: number;
  rejected: number;
};

/**
 * Devices over MQTT: subscribes with QoS 1 under a persistent session (the broker keeps what
 * arrives while the worker is away) and acknowledges each message only once DeviceSignals has
 * recorded it — a message the worker dies on is delivered again. mqtt.js hands messages over one
 * at a time (the acknowledgement gates the next), which keeps each asset's signals in order.
 * A message that cannot be taken (bad topic, bad JSON, an unknown asset) is acknowledged and
 * answered on the asset's `rejected` topic: retrying it would not make it better.
 */
@Injectable()
export class MqttIngestion implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('MQTT');
  private client: MqttClient | undefined;
  private readonly counts: IngestionCounts = {
    received: 0,
    recorded: 0,
    counted: 0,
    unchanged: 0,
    rejected: 0,
  };
  private connected = false;
  private stopping = false;

  constructor(
    private readonly signals: DeviceSignals,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const { mqttUrl, mqttClientId, mqttTopicPrefix, mqttSharedGroup } = this.config.devices;
    if (!mqttUrl) {
      this.logger.log('MQTT_URL is not set: devices report over HTTP only');
      return;
    }
    const client = mqtt.connect(mqttUrl, {
      clientId: mqttClientId,
      clean: false,
      reconnectPeriod: 2_000,
      connectTimeout: 10_000,
    });
    this.client = client;
    // Acknowledged (done) only once recorded or refused for good.
    client.handleMessage = (packet, done) => {
      void this.takeUntilDone(packet).then((taken) => {
        if (taken) done();
      });
    };
    const subscription = subscriptionOf(mqttTopicPrefix, mqttSharedGroup);
    client.on('connect', (connack) => {
      this.connected = true;
      this.logger.log(
        `Connected to ${redact(mqttUrl)} as ${mqttClientId}${connack.sessionPresent ? ' (session kept)' : ''}`,
      );
      client.subscribe(subscription, { qos: 1 }, (error) => {
        if (error) this.logger.error(`Cannot subscribe to ${subscription}: ${error.message}`);
        else this.logger.log(`Listening to ${subscription}`);
      });
    });
    client.on('close', () => {
      if (this.connected) this.logger.warn('Disconnected from the MQTT broker: reconnecting');
      this.connected = false;
    });
    client.on('error', (error) => this.logger.warn(`MQTT: ${error.message}`));
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.client?.endAsync();
    await this.signals.close();
  }

  status() {
    return { enabled: !!this.client, connected: this.connected, ...this.counts };
  }

  /**
   * Trouble of ours (the store away) is waited out, with back-off: the message stays unacknowledged
   * meanwhile, and the broker holds the rest back. False when the worker stops first: the broker
   * delivers it again to the next session.
   */
  private async takeUntilDone(packet: IPublishPacket): Promise<boolean> {
    for (let delay = 500; ; delay = Math.min(delay * 2, 10_000)) {
      try {
        await this.take(packet);
        return true;
      } catch (error) {
        this.logger.error(
          `Cannot record ${packet.topic} (trying again): ${error instanceof Error ? error.message : error}`,
        );
        if (this.stopping) return false;
        await new Promise((resolve) => setTimeout(resolve, delay));
        if (this.stopping) return false;
      }
    }
  }

  private async take(packet: IPublishPacket): Promise<void> {
    this.counts.received++;
    const prefix = this.config.devices.mqttTopicPrefix;
    const where = parseTopic(prefix, packet.topic);
    if ('error' in where) {
      this.reject(packet.topic, undefined, where.error);
      return;
    }
    let body: unknown;
    try {
      const text = Buffer.from(packet.payload).toString('utf8').trim();
      body = { ...(text ? (JSON.parse(text) as object) : {}), kind: where.kind };
    } catch {
      this.reject(packet.topic, where.assetCode, 'the payload is not JSON');
      return;
    }
    try {
      const outcome = await this.signals.record(
        devicePrincipal(where.assetCode),
        where.assetCode,
        body,
        `mqtt-${where.assetCode}`,
      );
      this.counts[outcome.outcome]++;
    } catch (error) {
      const refusal = refusalOf(error);
      if (!refusal) throw error;
      this.reject(packet.topic, where.assetCode, refusal.message, refusal.errors);
    }
  }

  private reject(topic: string, assetCode: string | undefined, error: string, errors?: unknown): void {
    this.counts.rejected++;
    this.logger.warn(`Refused ${topic}: ${error}`);
    if (!assetCode || !this.client) return;
    const notice = JSON.stringify({
      topic,
      error,
      ...(errors !== undefined && { errors }),
      at: new Date().toISOString(),
    });
    this.client.publish(rejectedTopicOf(this.config.devices.mqttTopicPrefix, assetCode), notice, { qos: 0 });
  }
}

/** A refusal of the message itself (bad fields, unknown asset, a reading going back), as opposed to trouble of ours. */
function refusalOf(error: unknown): { message: string; errors?: unknown } | undefined {
  if (error instanceof FieldValidationError) return { message: error.message, errors: error.issues };
  if (error instanceof NotFoundError || error instanceof DomainError || error instanceof ForbiddenError)
    return { message: error.message };
  return undefined;
}

const redact = (url: string) => url.replace(/\/\/[^@/]*@/, '//***@');
