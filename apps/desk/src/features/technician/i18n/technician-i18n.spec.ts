import englishTexts from './en.json';
import italianTexts from './it.json';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
}

function valueAt(root: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], root);
}

function placeholders(text: unknown): string[] {
  return typeof text === 'string' ? [...text.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1] ?? '').sort() : [];
}

describe('technician texts', () => {
  it('has the same keys in Italian as in English', () => {
    expect(keys(italianTexts).sort()).toEqual(keys(englishTexts).sort());
  });

  it('uses the same placeholders in both languages and leaves nothing empty', () => {
    for (const key of keys(englishTexts)) {
      const italian = valueAt(italianTexts, key);
      expect({ key, placeholders: placeholders(italian) }).toEqual({
        key,
        placeholders: placeholders(valueAt(englishTexts, key)),
      });
      expect({ key, filled: typeof italian === 'string' && italian.trim().length > 0 }).toEqual({
        key,
        filled: true,
      });
    }
  });
});
