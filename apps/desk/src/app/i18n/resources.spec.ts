import { resources } from './resources';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
}

function placeholders(text: unknown): string[] {
  return typeof text === 'string' ? [...text.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1] ?? '').sort() : [];
}

function valueAt(root: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], root);
}

describe('translations', () => {
  it('has the same keys in Italian as in English, namespace by namespace', () => {
    for (const namespace of Object.keys(resources.en) as (keyof typeof resources.en)[]) {
      expect({ namespace, keys: keys(resources.it[namespace]).sort() }).toEqual({
        namespace,
        keys: keys(resources.en[namespace]).sort(),
      });
    }
  });

  it('uses the same placeholders in both languages and leaves no text empty', () => {
    for (const namespace of Object.keys(resources.en) as (keyof typeof resources.en)[]) {
      for (const key of keys(resources.en[namespace])) {
        const en = valueAt(resources.en[namespace], key);
        const it = valueAt(resources.it[namespace], key);
        expect({ key, it: placeholders(it) }).toEqual({ key, it: placeholders(en) });
        expect(typeof it === 'string' && it.trim().length > 0).toBe(true);
      }
    }
  });
});
