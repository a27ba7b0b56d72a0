const MIN_PREFIX = 2;
const MAX_PREFIX = 20;

/** Word and prefix tokens of the given texts: `Caldaia Roma` → ca, cal, … caldaia, ro, rom, roma. */
export function searchTerms(texts: readonly unknown[]): string[] {
  const terms = new Set<string>();
  for (const text of texts) {
    if (typeof text !== 'string' && typeof text !== 'number') continue;
    for (const word of String(text)
      .toLowerCase()
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .split(/[^\p{L}\p{N}]+/u)) {
      if (!word) continue;
      if (word.length < MIN_PREFIX) terms.add(word);
      for (let length = MIN_PREFIX; length <= Math.min(word.length, MAX_PREFIX); length++)
        terms.add(word.slice(0, length));
    }
  }
  return [...terms].sort();
}

/** The query words as the terms index holds them (cut to the longest prefix stored). */
export function queryTerms(query: string): string[] {
  return searchTerms([query])
    .filter((term, _i, all) => !all.some((other) => other !== term && other.startsWith(term)))
    .map((term) => term.slice(0, MAX_PREFIX));
}

export function valueAtPath(value: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (current, key) =>
        current && typeof current === 'object' ? (current as Record<string, unknown>)[key] : undefined,
      value,
    );
}
