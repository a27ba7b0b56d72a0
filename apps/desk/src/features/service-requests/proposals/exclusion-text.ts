import type { ExclusionView } from '@fieldstream/api-contract';
import type { ZonedFormats } from './zoned-formats';

/** `t` of the `serviceRequests` namespace, or any function like it. */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

/**
 * The reason the domain gives when a technician's own layers have no closure to name, only no
 * working time over the whole horizon: worded by the desk rather than shown in English.
 */
const NOT_WORKING = 'Not working';

/**
 * Why a technician cannot be proposed, in the reader's language: the API sends a code and its
 * facts; dates are said in the site's zone (`job.timeZone`). Pure: `t` and the formats are passed
 * in (`zonedFormats(language, job.timeZone)`), so the wording is tested without rendering.
 */
export function exclusionText(exclusion: ExclusionView, t: Translate, formats: ZonedFormats): string {
  switch (exclusion.code) {
    case 'inactive':
      return t('proposals.exclusion.inactive');
    case 'missing_skill':
      return t('proposals.exclusion.missingSkill', {
        skill: exclusion.skillCode,
        level: exclusion.minLevel,
      });
    case 'skill_level_too_low':
      return t('proposals.exclusion.skillLevelTooLow', {
        skill: exclusion.skillCode,
        level: exclusion.minLevel,
        held: exclusion.heldLevel,
      });
    case 'certificate_missing':
      return t('proposals.exclusion.certificateMissing', { skill: exclusion.skillCode });
    case 'certificate_expired':
      return t('proposals.exclusion.certificateExpired', {
        skill: exclusion.skillCode,
        date: formats.calendarDate(exclusion.certifiedUntil),
      });
    case 'unavailable': {
      const until = formats.bound(exclusion.until);
      if (exclusion.reason === NOT_WORKING) return t('proposals.exclusion.notWorking', { until });
      // A closure of whole days ends at the midnight after its last day: that is the day back.
      const key = formats.atMidnight(exclusion.until) ? 'unavailableBackOn' : 'unavailableUntil';
      return t(`proposals.exclusion.${key}`, { reason: exclusion.reason, until });
    }
    case 'site_never_accessible_when_working':
      return t('proposals.exclusion.siteNeverAccessible');
    case 'fully_booked':
      return t('proposals.exclusion.fullyBooked', { until: formats.bound(exclusion.until) });
  }
}
