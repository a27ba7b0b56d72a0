import type { ExclusionView } from '@fieldstream/api-contract';
import { createI18n } from '../../../app/i18n/create-i18n';
import { exclusionText } from './exclusion-text';
import { zonedFormats } from './zoned-formats';

/** `t` of the feature's namespace in a language, and the formats of a site in `timeZone`. */
function wording(language: 'en' | 'it', timeZone = 'Europe/Rome') {
  const t = createI18n(language).getFixedT(language, 'serviceRequests');
  const formats = zonedFormats(language, timeZone);
  return (exclusion: ExclusionView) => exclusionText(exclusion, t, formats);
}

// Instants in UTC; the site is in Rome (UTC+1 in winter).
const ROME_MIDNIGHT_21_DEC = '2026-12-20T23:00:00.000Z';
const ROME_0800_3_DEC = '2026-12-03T07:00:00.000Z';
const ROME_1430_10_DEC = '2026-12-10T13:30:00.000Z';
const ROME_MIDNIGHT_15_DEC = '2026-12-14T23:00:00.000Z';

const EXCLUSIONS: Record<ExclusionView['code'], ExclusionView[]> = {
  inactive: [{ code: 'inactive' }],
  missing_skill: [{ code: 'missing_skill', skillCode: 'GAS', minLevel: 2 }],
  skill_level_too_low: [{ code: 'skill_level_too_low', skillCode: 'GAS', minLevel: 3, heldLevel: 1 }],
  certificate_missing: [{ code: 'certificate_missing', skillCode: 'FGAS' }],
  certificate_expired: [{ code: 'certificate_expired', skillCode: 'GAS', certifiedUntil: '2026-11-30' }],
  unavailable: [
    { code: 'unavailable', layer: 'Tech T2', reason: 'Annual leave', until: ROME_MIDNIGHT_21_DEC },
    { code: 'unavailable', layer: 'Tech T2', reason: 'Medical visit', until: ROME_0800_3_DEC },
    { code: 'unavailable', layer: 'Tech T2', reason: 'Not working', until: ROME_1430_10_DEC },
  ],
  site_never_accessible_when_working: [{ code: 'site_never_accessible_when_working' }],
  fully_booked: [{ code: 'fully_booked', until: ROME_MIDNIGHT_15_DEC }],
};

const EXPECTED: Record<'en' | 'it', Record<ExclusionView['code'], string[]>> = {
  en: {
    inactive: ['Not active'],
    missing_skill: ['Lacks skill GAS (level 2)'],
    skill_level_too_low: ['Skill GAS at level 1, level 3 needed'],
    certificate_missing: ['No valid certificate for FGAS'],
    certificate_expired: ['Certificate for GAS expired (valid until Nov 30, 2026)'],
    unavailable: [
      // A closure of whole days ends at the midnight after its last day: the day back.
      'Annual leave, back on Mon, Dec 21',
      'Medical visit until Thu, Dec 3, 08:00 AM',
      // The domain's own reason when no closure can be named: worded by the desk.
      'No working hours before Thu, Dec 10, 02:30 PM',
    ],
    site_never_accessible_when_working: ['Never works while the site is open'],
    fully_booked: ['No free time before Tue, Dec 15'],
  },
  it: {
    inactive: ['Non attivo'],
    missing_skill: ['Manca la competenza GAS (livello 2)'],
    skill_level_too_low: ['Competenza GAS al livello 1, serve il livello 3'],
    certificate_missing: ['Nessun certificato valido per FGAS'],
    certificate_expired: ['Certificato per GAS scaduto (valido fino al 30 nov 2026)'],
    unavailable: [
      'Annual leave, rientra lun 21 dic',
      'Medical visit fino a gio 3 dic, 08:00',
      'Nessun orario di lavoro prima di gio 10 dic, 14:30',
    ],
    site_never_accessible_when_working: ['Non lavora mai quando il sito è accessibile'],
    fully_booked: ['Nessun tempo libero prima di mar 15 dic'],
  },
};

describe('exclusion text', () => {
  describe.each(['en', 'it'] as const)('in %s', (language) => {
    const say = wording(language);
    it.each(Object.keys(EXCLUSIONS) as ExclusionView['code'][])('words %s with its facts', (code) => {
      expect(EXCLUSIONS[code].map(say)).toEqual(EXPECTED[language][code]);
    });
  });

  it('says dates in the site’s zone, not the reader’s', () => {
    const leave: ExclusionView = {
      code: 'unavailable',
      layer: 'Tech T2',
      reason: 'Annual leave',
      until: ROME_MIDNIGHT_21_DEC,
    };
    // Midnight in Rome is 23:00 the day before in London: a time, not a day's bound.
    expect(wording('en', 'Europe/London')(leave)).toBe('Annual leave until Sun, Dec 20, 11:00 PM');
    expect(wording('en', 'Europe/Rome')(leave)).toBe('Annual leave, back on Mon, Dec 21');
  });

  it('every code is worded in both languages, none left as a key', () => {
    for (const language of ['en', 'it'] as const) {
      const say = wording(language);
      for (const exclusions of Object.values(EXCLUSIONS))
        for (const exclusion of exclusions) expect(say(exclusion)).not.toMatch(/proposals\.|\{\{/);
    }
  });
});
