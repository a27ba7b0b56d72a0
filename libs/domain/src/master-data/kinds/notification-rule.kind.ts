import { z } from 'zod';
import { name, text } from '../fields';
import { defineKind } from '../master-data-kind';
import {
  NOTIFICATION_AUDIENCES,
  NOTIFICATION_CHANNELS,
  NOTIFICATION_TOPICS,
} from '../../notifications/notification-topics';
import { PRIORITIES } from './contract.kind';

/**
 * Which events notify whom, through which channels: "assignments: the technicians, by inbox,
 * push and e-mail". Rules add up; each user's preferences then switch the outside channels and
 * hold them back in quiet hours. With no rule at all the defaults of the notifications module apply.
 */
export const notificationRuleSchema = z
  .object({
    name,
    topic: z.enum(NOTIFICATION_TOPICS),
    audiences: z
      .array(z.enum(NOTIFICATION_AUDIENCES))
      .min(1, 'Say who is told')
      .max(NOTIFICATION_AUDIENCES.length),
    channels: z
      .array(z.enum(NOTIFICATION_CHANNELS))
      .min(1, 'Say through which channels')
      .max(NOTIFICATION_CHANNELS.length),
    /** Only requests of these priorities; empty for all. */
    priorities: z.array(z.enum(PRIORITIES)).max(PRIORITIES.length).default([]),
    notes: text.optional(),
  })
  .strict();
export type NotificationRule = z.infer<typeof notificationRuleSchema>;

export const notificationRuleKind = defineKind({
  name: 'notification-rule',
  plural: 'notification-rules',
  schema: notificationRuleSchema,
  references: () => [],
  scope: () => ({}),
  searchFields: ['name', 'topic'],
  columns: ['name', 'topic', 'audiences', 'channels'],
});
