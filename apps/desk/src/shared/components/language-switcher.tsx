import { SegmentedControl, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { rememberLanguage } from '../../app/i18n/remember-language';
import { isSupportedLanguage, SUPPORTED_LANGUAGES } from '../../app/i18n/supported-languages';

/**
 * Each option shows its short code but is named in its own language ("Italiano", not "Italian"),
 * so a user who cannot read the current language still finds theirs.
 */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation('common');
  const current = SUPPORTED_LANGUAGES.find((lng) => i18n.resolvedLanguage === lng) ?? SUPPORTED_LANGUAGES[0];
  return (
    <SegmentedControl
      aria-label={t('language.label')}
      name="language"
      value={current}
      onChange={(value) => {
        if (!isSupportedLanguage(value)) return;
        rememberLanguage(value);
        void i18n.changeLanguage(value);
      }}
      data={SUPPORTED_LANGUAGES.map((lng) => ({
        value: lng,
        label: (
          <span lang={lng}>
            <span aria-hidden="true">{lng.toUpperCase()}</span>
            <VisuallyHidden>{t(`language.${lng}`)}</VisuallyHidden>
          </span>
        ),
      }))}
    />
  );
}
