import {
  INBOX_PAGE_SIZE,
  type InboxNotificationView,
  type InboxPage,
  type MarkReadAnswer,
  inboxQuerySchema,
  markReadBodySchema,
} from '@fieldstream/api-contract';
import { type InboxCommand, type Principal, inboxDecider, inboxStreamName } from '@fieldstream/domain';
import type { EventStore } from '@fieldstream/event-store';
import {
  INBOX_NOTIFICATIONS_COLLECTION,
  type InboxNotificationDocument,
  REQUEST_ESCALATIONS_COLLECTION,
  type RequestEscalationDocument,
  inboxProjection,
} from '@fieldstream/projections';
import type { ReadStore } from '@fieldstream/read-store';
import type { z } from 'zod';
import type { CommandContext } from '../../commands/command-context';
import { executeCommand } from '../../commands/execute-command';
import { waitForProjection } from '../../commands/wait-for-projection';
import { FieldValidationError } from '../../errors';
import { fieldIssues } from './field-issues';
import { keysetPage, pagingInstant } from './keyset-page';

export type InboxQuery = z.infer<typeof inboxQuerySchema>;

export interface InboxQueriesOptions {
  events: EventStore;
  reads: ReadStore;
  /** How long a command waits for the inbox read model to show it (read-your-writes). */
  projectionWaitMs?: number;
  now?: () => Date;
}

const [MARK_SOME_SCHEMA, MARK_ALL_SCHEMA] = markReadBodySchema.options;

/**
 * The signed-in user's own inbox: a page of their notifications (never anyone else's: the reader's
 * id is the filter), and marking them read on their own inbox stream, where ids that are not
 * theirs, or not unread, decide nothing.
 */
export class InboxQueries {
  private readonly now: () => Date;

  constructor(private readonly options: InboxQueriesOptions) {
    this.now = options.now ?? (() => new Date());
  }

  /** Newest first, `before` a received instant (the previous page's `nextBefore`). */
  async page(principal: Principal, query: InboxQuery): Promise<InboxPage> {
    const notifications = this.options.reads.collection<InboxNotificationDocument>(
      INBOX_NOTIFICATIONS_COLLECTION,
    );
    const mine = { userId: principal.id };
    const [{ documents, nextBefore }, unreadCount] = await Promise.all([
      // `by_user_received`.
      keysetPage(
        notifications,
        query.unread === 'true' ? { ...mine, readAt: null } : mine,
        'receivedAt',
        pagingInstant(query.before),
        query.limit ?? INBOX_PAGE_SIZE,
      ),
      // `by_user_read`.
      notifications.count({ ...mine, readAt: null }),
    ]);
    const acknowledged = await this.acknowledgedLevels(documents);
    return {
      notifications: documents.map((document) => view(document, acknowledged)),
      unreadCount,
      ...(nextBefore !== undefined && { nextBefore }),
    };
  }

  /**
   * Marks some of the user's notifications read, or all of them (`body` as the contract has it,
   * validated here so that an error names its field). Answers the ids read now and how many stay
   * unread, from the inbox stream itself; waits for the read model so the next page shows it.
   */
  async markRead(context: CommandContext, body: unknown): Promise<MarkReadAnswer> {
    const userId = context.actor.id;
    // One shape or the other, by whether `all` is there: an error then names its field.
    const parsed =
      body !== null && typeof body === 'object' && 'all' in body
        ? MARK_ALL_SCHEMA.safeParse(body)
        : MARK_SOME_SCHEMA.safeParse(body ?? {});
    if (!parsed.success) {
      throw new FieldValidationError(
        'Send the ids of the notifications to mark read, or `all: true`',
        fieldIssues(parsed.error),
      );
    }
    const asked = parsed.data;
    const at = this.now().toISOString();
    const command: InboxCommand =
      'all' in asked
        ? { type: 'markAllRead', userId, at }
        : { type: 'markRead', userId, at, notificationIds: asked.notificationIds };
    const outcome = await executeCommand(
      this.options.events,
      inboxStreamName(userId),
      inboxDecider,
      command,
      { ...context, at },
    );
    await waitForProjection(
      this.options.reads,
      inboxProjection.name,
      outcome.position,
      this.options.projectionWaitMs ?? 5_000,
    );
    const read = outcome.events.flatMap((event) =>
      event.type === 'NotificationsRead' ? event.data.notificationIds : [],
    );
    return { read, unreadCount: outcome.state.unread.length };
  }

  /** For the escalation alerts on the page: which of their requests' levels were acknowledged. */
  private async acknowledgedLevels(
    documents: readonly InboxNotificationDocument[],
  ): Promise<ReadonlySet<string>> {
    const requestIds = [
      ...new Set(documents.flatMap((document) => (document.escalation && document.requestId) || [])),
    ];
    if (requestIds.length === 0) return new Set();
    const escalations = await this.options.reads
      .collection<RequestEscalationDocument>(REQUEST_ESCALATIONS_COLLECTION)
      .find({ _id: { $in: requestIds } }, { projection: { _id: 1, levels: 1 } });
    return new Set(
      escalations.flatMap((escalation) =>
        escalation.levels
          .filter((level) => level.acknowledged !== null)
          .map((level) => `${escalation._id}#${level.level}`),
      ),
    );
  }
}

function view(document: InboxNotificationDocument, acknowledged: ReadonlySet<string>): InboxNotificationView {
  return {
    notificationId: document.notificationId,
    topic: document.topic,
    severity: document.severity,
    title: document.title,
    body: document.body,
    ...(document.requestId !== undefined && { requestId: document.requestId }),
    ...(document.reference !== undefined && { reference: document.reference }),
    receivedAt: document.receivedAt,
    readAt: document.readAt,
    ...(document.escalation && {
      escalation: {
        level: document.escalation.level,
        ...(document.escalation.acknowledgeBy !== undefined && {
          acknowledgeBy: document.escalation.acknowledgeBy,
        }),
        acknowledged: acknowledged.has(`${document.requestId}#${document.escalation.level}`),
      },
    }),
  };
}
