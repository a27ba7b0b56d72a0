import type { NotificationSettings } from '@fieldstream/api-contract';

/** The settings form as typed: empty text for a missing address, quiet hours switched apart from their times. */
export interface SettingsDraft {
  email: string;
  phone: string;
  channels: NotificationSettings['channels'];
  quietHoursOn: boolean;
  quietFrom: string;
  quietTo: string;
  timeZone: string;
  mutedTopics: NotificationSettings['mutedTopics'];
}

export function draftOf(settings: NotificationSettings): SettingsDraft {
  return {
    email: settings.email ?? '',
    phone: settings.phone ?? '',
    channels: { ...settings.channels },
    quietHoursOn: settings.quietHours !== null,
    quietFrom: settings.quietHours?.from ?? '',
    quietTo: settings.quietHours?.to ?? '',
    timeZone: settings.timeZone,
    mutedTopics: [...settings.mutedTopics],
  };
}

/** What is sent: blanks become `null`, switched-off quiet hours `null` (their times are forgotten). */
export function settingsOf(draft: SettingsDraft): NotificationSettings {
  const email = draft.email.trim();
  const phone = draft.phone.trim();
  return {
    email: email === '' ? null : email,
    phone: phone === '' ? null : phone,
    channels: draft.channels,
    quietHours: draft.quietHoursOn ? { from: draft.quietFrom, to: draft.quietTo } : null,
    timeZone: draft.timeZone,
    mutedTopics: draft.mutedTopics,
  };
}

/**
 * What the form can tell before asking the API, by the field paths the API's problems use: quiet
 * hours need both ends, and different ones. Everything else (an e-mail address, a phone number, a
 * zone) the API judges, and its problems land on the same fields.
 */
export function draftProblems(draft: SettingsDraft): Record<string, 'from' | 'to' | 'same'> {
  if (!draft.quietHoursOn) return {};
  const problems: Record<string, 'from' | 'to' | 'same'> = {};
  if (!draft.quietFrom) problems['quietHours.from'] = 'from';
  if (!draft.quietTo) problems['quietHours.to'] = 'to';
  if (draft.quietFrom && draft.quietFrom === draft.quietTo) problems['quietHours.to'] = 'same';
  return problems;
}
