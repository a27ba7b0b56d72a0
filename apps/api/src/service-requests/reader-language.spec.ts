import { readerLanguage, readerLanguageQuerySchema } from './reader-language';

describe('readerLanguage', () => {
  it('takes ?lang over the header', () => {
    expect(readerLanguage('en', 'it-IT,it;q=0.9')).toBe('en');
    expect(readerLanguage('it', 'en')).toBe('it');
  });

  it.each([
    ['it-IT,it;q=0.9,en;q=0.8', 'it'],
    ['en-GB,en;q=0.9,it;q=0.8', 'en'],
    ['fr-FR, it;q=0.5, en;q=0.4', 'it'],
    ['fr, de;q=0.9', 'en'],
    ['en;q=0.2, it;q=0.7', 'it'],
    ['it;q=0, en', 'en'],
    ['IT', 'it'],
    ['*', 'en'],
    ['', 'en'],
    [undefined, 'en'],
  ])('reads Accept-Language %p as %s', (header, expected) => {
    expect(readerLanguage(undefined, header)).toBe(expected);
  });

  it('refuses a language it does not speak, naming the parameter', () => {
    const result = readerLanguageQuerySchema.safeParse({ lang: 'fr' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['lang']);
  });
});
