import { type NotificationSettings, notificationSettingsSchema } from '@fieldstream/api-contract';
import {
  DEFAULT_NOTIFICATION_PREFERENCES,
  type Principal,
  type UserProfile,
  userDecider,
  userProfileSchema,
} from '@fieldstream/domain';
import { type EventStore, WrongExpectedRevisionError } from '@fieldstream/event-store';
import { USERS_COLLECTION, type UserDocument, usersProjection } from '@fieldstream/projections';
import type { ReadStore } from '@fieldstream/read-store';
import type { CommandContext } from '../../commands/command-context';
import { executeCommand, loadStream } from '../../commands/execute-command';
import { userStreamName } from '../../commands/stream-names';
import { waitForProjection } from '../../commands/wait-for-projection';
import { FieldValidationError, ForbiddenError, NotFoundError } from '../../errors';
import { fieldIssues } from './field-issues';

export interface NotificationSettingsOptions {
  events: EventStore;
  reads: ReadStore;
  /** How long a change waits for the users read model to show it (read-your-writes). */
  projectionWaitMs?: number;
}

/** A profile's notification fields as the settings screen shows them (absent: the defaults). */
export function notificationSettingsOf(profile: UserProfile): NotificationSettings {
  const preferences = { ...DEFAULT_NOTIFICATION_PREFERENCES, ...profile.notifications };
  return {
    email: profile.email ?? null,
    phone: profile.phone ?? null,
    channels: { email: preferences.email, sms: preferences.sms, push: preferences.push },
    quietHours: preferences.quietHours ?? null,
    timeZone: preferences.timeZone,
    mutedTopics: preferences.mutedTopics,
  };
}

/** Where a field of the stored profile is in the settings the client sent. */
function settingsField(path: readonly PropertyKey[]): string {
  const [first, second, ...rest] = path.map(String);
  if (first !== 'notifications' || second === undefined) return path.map(String).join('.');
  const field = ['email', 'sms', 'push'].includes(second) ? `channels.${second}` : second;
  return [field, ...rest].join('.');
}

/** Anything of the profile but the settings is an administrator's to change. */
const notChangeableHere = (key: string) => ({
  code: 'not_changeable_here',
  message: `${key} is not one of your notification settings; only an administrator changes the rest of a profile`,
});

const ATTEMPTS = 3;

/**
 * The signed-in user's own contact details and notification switches, kept in their profile (the
 * user's stream). Only these fields change here — the name, role, binding and language stay an
 * administrator's — and the profile must still satisfy the domain's rules (a phone in
 * international form, a real time zone, quiet hours that end).
 */
export class NotificationSettingsService {
  constructor(private readonly options: NotificationSettingsOptions) {}

  async get(principal: Principal): Promise<NotificationSettings> {
    return notificationSettingsOf(await this.profileOf(principal));
  }

  /** `body` as the contract has it (every field); answers the settings as stored. */
  async put(context: CommandContext, body: unknown): Promise<NotificationSettings> {
    const principal = context.actor;
    this.requireUser(principal);
    const parsed = notificationSettingsSchema.safeParse(body);
    if (!parsed.success) {
      throw new FieldValidationError(
        'The settings have invalid fields; see errors',
        fieldIssues(parsed.error, { unknownKey: notChangeableHere }),
      );
    }
    const settings = parsed.data;
    const stream = userStreamName(principal.id);
    for (let attempt = 1; ; attempt++) {
      const { state, version } = await loadStream(this.options.events, stream, userDecider);
      if (state.status === 'absent' || !state.profile) throw this.notFound(principal);
      const { email: _email, phone: _phone, notifications: _notifications, ...kept } = state.profile;
      const next = userProfileSchema.safeParse({
        ...kept,
        ...(settings.email !== null && { email: settings.email }),
        ...(settings.phone !== null && { phone: settings.phone }),
        notifications: {
          ...settings.channels,
          ...(settings.quietHours !== null && { quietHours: settings.quietHours }),
          timeZone: settings.timeZone,
          mutedTopics: [...new Set(settings.mutedTopics)],
        },
      });
      if (!next.success) {
        throw new FieldValidationError(
          'The settings have invalid fields; see errors',
          fieldIssues(next.error, { field: settingsField, unknownKey: notChangeableHere }),
        );
      }
      try {
        // Decided on the profile just read: someone else's change meanwhile (an administrator's)
        // is read again and kept, never overwritten.
        const outcome = await executeCommand(
          this.options.events,
          stream,
          userDecider,
          { type: 'changeProfile', profile: next.data },
          context,
          { expectedVersion: version },
        );
        await waitForProjection(
          this.options.reads,
          usersProjection.name,
          outcome.position,
          this.options.projectionWaitMs ?? 5_000,
        );
        return notificationSettingsOf(next.data);
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError) || attempt >= ATTEMPTS) throw error;
      }
    }
  }

  private async profileOf(principal: Principal): Promise<UserProfile> {
    this.requireUser(principal);
    const document = await this.options.reads.collection<UserDocument>(USERS_COLLECTION).get(principal.id);
    if (!document) throw this.notFound(principal);
    return document.profile;
  }

  private requireUser(principal: Principal): void {
    if (principal.kind !== 'user')
      throw new ForbiddenError('Machine credentials have no notification settings');
  }

  private notFound(principal: Principal): NotFoundError {
    return new NotFoundError('There is no such user', { kind: 'user', id: principal.id });
  }
}
