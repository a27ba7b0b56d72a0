import { LANGUAGE_STORAGE_KEY } from './language-storage-key';
import { isSupportedLanguage, SUPPORTED_LANGUAGES, type SupportedLanguage } from './supported-languages';

/**
 * The user's own earlier choice wins; then the browser's preference list, matched on the primary
 * subtag (it-CH is Italian); then English.
 */
export function detectLanguage(
  storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage,
  preferred: readonly string[] = globalThis.navigator?.languages ?? [],
): SupportedLanguage {
  let stored: string | null = null;
  try {
    stored = storage?.getItem(LANGUAGE_STORAGE_KEY) ?? null;
  } catch {
    // Storage can be disabled by privacy settings; detection still works without it.
  }
  if (isSupportedLanguage(stored)) return stored;
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split('-')[0];
    if (isSupportedLanguage(primary)) return primary;
  }
  return SUPPORTED_LANGUAGES[0];
}
