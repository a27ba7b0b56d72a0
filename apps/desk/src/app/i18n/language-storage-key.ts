/** localStorage key: the language a user picked outlives the session and the tab. */
export const LANGUAGE_STORAGE_KEY = 'fieldstream.language';
