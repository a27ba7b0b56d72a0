import authEn from '../../features/auth/i18n/en.json';
import authIt from '../../features/auth/i18n/it.json';
import shellEn from '../../features/shell/i18n/en.json';
import shellIt from '../../features/shell/i18n/it.json';
import commonEn from '../../shared/i18n/en.json';
import commonIt from '../../shared/i18n/it.json';

/** One namespace per feature, so a feature's texts live beside its code. */
export const resources = {
  en: { common: commonEn, auth: authEn, shell: shellEn },
  it: { common: commonIt, auth: authIt, shell: shellIt },
} as const;

export const NAMESPACES = ['common', 'auth', 'shell'] as const;
