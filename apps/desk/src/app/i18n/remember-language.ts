import { LANGUAGE_STORAGE_KEY } from './language-storage-key';
import type { SupportedLanguage } from './supported-languages';

/**
 * Stores a language the user picked. Only an explicit choice is stored: a language merely detected
 * from the browser must keep following the browser.
 */
export function rememberLanguage(
  language: SupportedLanguage,
  storage: Storage | undefined = globalThis.localStorage,
): void {
  try {
    storage?.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Storage can be disabled by privacy settings; the choice then lasts for this page only.
  }
}
