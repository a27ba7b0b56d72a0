import { createI18n } from './create-i18n';
import { detectLanguage } from './detect-language';
import { LANGUAGE_STORAGE_KEY } from './language-storage-key';

const storageWith = (value: string | null) => ({
  getItem: (key: string) => (key === LANGUAGE_STORAGE_KEY ? value : null),
});

describe('detectLanguage', () => {
  it('prefers the stored choice over the browser', () => {
    expect(detectLanguage(storageWith('it'), ['en-US'])).toBe('it');
  });

  it('ignores a stored value that is not a supported language', () => {
    expect(detectLanguage(storageWith('fr'), ['it-CH', 'en'])).toBe('it');
  });

  it('matches the browser list on the primary subtag, in order', () => {
    expect(detectLanguage(storageWith(null), ['de-DE', 'it-IT', 'en'])).toBe('it');
    expect(detectLanguage(storageWith(null), ['EN-gb', 'it'])).toBe('en');
  });

  it('falls back to English, also when storage throws', () => {
    const broken = {
      getItem: () => {
        throw new Error('SecurityError');
      },
    };
    expect(detectLanguage(broken, ['ja'])).toBe('en');
  });

  it('does not store a detected language: only an explicit choice is remembered', () => {
    localStorage.clear();
    const i18n = createI18n(detectLanguage(localStorage, ['it-IT']));
    expect(i18n.language).toBe('it');
    expect(document.documentElement.lang).toBe('it');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBeNull();
  });
});
