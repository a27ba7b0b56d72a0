import { randomBytes, randomUUID } from 'node:crypto';
import {
  type NotificationWebhookView,
  type PushDeviceView,
  type PushDevices,
  registerPushDeviceBodySchema,
  setNotificationWebhookBodySchema,
} from '@fieldstream/api-contract';
import {
  MAX_PUSH_DEVICES,
  type NotificationEndpointsCommand,
  type NotificationEndpointsState,
  type Principal,
  type PushDevice,
  notificationEndpointsDecider,
  notificationEndpointsStreamName,
} from '@fieldstream/domain';
import type { EventStore } from '@fieldstream/event-store';
import type { CommandContext } from '../commands/command-context';
import { executeCommand, loadStream } from '../commands/execute-command';
import { nameBasedUuid } from '../commands/stream-names';
import { FieldValidationError, ForbiddenError } from '../errors';
import { fieldIssues } from './queries/field-issues';

export interface NotificationEndpointsOptions {
  events: EventStore;
  /** The server's VAPID public key, base64url: what browsers subscribe with. */
  vapidPublicKey: string;
  /**
   * Whether plain-http webhook URLs are accepted (a receiver on the same machine, tests). Off in
   * production: a notification's text should not cross the network in the clear.
   */
  allowHttpEndpoints: boolean;
}

/** A new signing secret, as the Standard Webhooks specification writes one: `whsec_` + base64 of 32 bytes. */
export const newWebhookSecret = () => `whsec_${randomBytes(32).toString('base64')}`;

const deviceView = (device: PushDevice): PushDeviceView => ({
  deviceId: device.deviceId,
  label: device.label,
  pushService: new URL(device.endpoint).host,
  registeredAt: device.registeredAt,
});

/**
 * The signed-in user's browsers subscribed to push and their own webhook, in their own stream
 * (`notification-endpoints-<userId>`). Only users have them: an API key is a machine, told
 * through the event stream instead.
 */
export class NotificationEndpointsService {
  constructor(private readonly options: NotificationEndpointsOptions) {}

  async pushDevices(principal: Principal): Promise<PushDevices> {
    const { devices } = await this.stateOf(principal);
    return {
      publicKey: this.options.vapidPublicKey,
      devices: devices.map(deviceView),
      maxDevices: MAX_PUSH_DEVICES,
    };
  }

  /** Registers a browser's subscription; `created` is false when it was registered already. */
  async registerPushDevice(
    context: CommandContext,
    body: unknown,
  ): Promise<{ device: PushDeviceView; created: boolean }> {
    const parsed = registerPushDeviceBodySchema.safeParse(body);
    if (!parsed.success)
      throw new FieldValidationError(
        'The subscription has invalid fields; see errors',
        fieldIssues(parsed.error),
      );
    const { endpoint, keys, label } = parsed.data;
    if (new URL(endpoint).protocol !== 'https:' && !this.options.allowHttpEndpoints) {
      throw new FieldValidationError('A push service is reached over https', [
        { field: 'endpoint', code: 'https_required', message: 'A push service endpoint is an https URL' },
      ]);
    }
    const device: PushDevice = {
      // The endpoint names the subscription: a browser subscribing again finds its own device.
      deviceId: nameBasedUuid(`push-device:${endpoint}`),
      endpoint,
      keys,
      label: label ?? 'Browser',
      registeredAt: context.at,
    };
    const { events } = await this.execute(context, {
      type: 'registerPushDevice',
      userId: context.actor.id,
      device,
    });
    await this.claimBrowser(context, device.deviceId);
    return {
      device: deviceView(device),
      created: events.some((event) => event.type === 'PushDeviceRegistered'),
    };
  }

  async removePushDevice(context: CommandContext, deviceId: string): Promise<void> {
    await this.execute(context, {
      type: 'removePushDevice',
      userId: context.actor.id,
      deviceId,
      at: context.at,
      reason: 'removed',
    });
  }

  async webhook(principal: Principal): Promise<NotificationWebhookView | null> {
    return (await this.stateOf(principal)).webhook;
  }

  /** Sets where the user's notifications are POSTed; the secret is made here the first time. */
  async setWebhook(context: CommandContext, body: unknown): Promise<NotificationWebhookView> {
    const parsed = setNotificationWebhookBodySchema.safeParse(body);
    if (!parsed.success)
      throw new FieldValidationError('The webhook has invalid fields; see errors', fieldIssues(parsed.error));
    const url = parsed.data.url;
    if (new URL(url).protocol !== 'https:' && !this.options.allowHttpEndpoints) {
      throw new FieldValidationError('A webhook is called over https', [
        {
          field: 'url',
          code: 'https_required',
          message: 'Notifications are sent to https URLs only (this server does not allow plain http)',
        },
      ]);
    }
    return this.changeWebhook(context, url, false);
  }

  async rotateWebhookSecret(context: CommandContext): Promise<NotificationWebhookView> {
    const current = (await this.stateOf(context.actor)).webhook;
    if (!current) {
      throw new FieldValidationError('There is no webhook to rotate the secret of', [
        { field: 'url', code: 'required', message: 'Set a webhook URL first' },
      ]);
    }
    return this.changeWebhook(context, current.url, true);
  }

  async removeWebhook(context: CommandContext): Promise<void> {
    await this.execute(context, { type: 'removeWebhook', userId: context.actor.id, at: context.at });
  }

  private async changeWebhook(
    context: CommandContext,
    url: string,
    rotate: boolean,
  ): Promise<NotificationWebhookView> {
    const outcome = await this.execute(context, {
      type: 'setWebhook',
      userId: context.actor.id,
      url,
      secret: newWebhookSecret(),
      at: context.at,
      ...(rotate && { rotate: true }),
    });
    return outcome.state.webhook!;
  }

  /**
   * A browser is one person's: when someone else signs in on it and turns push on, it stops
   * receiving the previous user's notifications (who may have signed out without turning them
   * off). The browser's last owner is kept in `push-browser-<deviceId>`.
   */
  private async claimBrowser(context: CommandContext, deviceId: string): Promise<void> {
    const stream = `push-browser-${deviceId}`;
    const [last] = await this.options.events.readStream(stream, { direction: 'backwards', maxCount: 1 });
    const previous = typeof last?.data['userId'] === 'string' ? last.data['userId'] : undefined;
    if (previous === context.actor.id) return;
    await this.options.events.appendToStream(stream, [
      {
        id: randomUUID(),
        type: 'PushBrowserClaimed',
        data: {
          deviceId,
          userId: context.actor.id,
          at: context.at,
          ...(previous && { previousUserId: previous }),
        },
        metadata: {
          correlationId: context.correlationId,
          causationId: context.causationId ?? context.correlationId,
          actorId: context.actor.id,
          actorRole: context.actor.role,
          occurredAt: context.at,
        },
      },
    ]);
    if (!previous) return;
    await executeCommand(
      this.options.events,
      notificationEndpointsStreamName(previous),
      notificationEndpointsDecider,
      { type: 'removePushDevice', userId: previous, deviceId, at: context.at, reason: 'moved' },
      context,
    );
  }

  private async stateOf(principal: Principal): Promise<NotificationEndpointsState> {
    this.requireUser(principal);
    const { state } = await loadStream(
      this.options.events,
      notificationEndpointsStreamName(principal.id),
      notificationEndpointsDecider,
    );
    return state;
  }

  private execute(context: CommandContext, command: NotificationEndpointsCommand) {
    this.requireUser(context.actor);
    return executeCommand(
      this.options.events,
      notificationEndpointsStreamName(context.actor.id),
      notificationEndpointsDecider,
      command,
      context,
    );
  }

  private requireUser(principal: Principal): void {
    if (principal.kind !== 'user')
      throw new ForbiddenError('Machine credentials have no push devices or webhooks of their own');
  }
}
