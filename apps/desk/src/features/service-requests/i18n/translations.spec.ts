import en from './en.json';
import italian from './it.json';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
}

const valueAt = (root: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], root);

const placeholders = (text: unknown) =>
  typeof text === 'string' ? [...text.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1] ?? '').sort() : [];

describe('serviceRequests texts', () => {
  it('has an Italian text for every English key, and no other', () => {
    expect(keys(italian).sort()).toEqual(keys(en).sort());
  });

  it('keeps the placeholders and leaves no Italian text empty', () => {
    for (const key of keys(en)) {
      const text = valueAt(italian, key);
      expect({ key, placeholders: placeholders(text) }).toEqual({
        key,
        placeholders: placeholders(valueAt(en, key)),
      });
      expect({ key, empty: typeof text !== 'string' || text.trim() === '' }).toEqual({ key, empty: false });
    }
  });
});
