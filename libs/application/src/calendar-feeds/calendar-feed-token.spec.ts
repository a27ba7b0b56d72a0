import {
  feedSecretMatches,
  formatFeedToken,
  hashFeedSecret,
  newFeedSecret,
  parseFeedToken,
} from './calendar-feed-token';

const FEED_ID = '3f2a9c1e-7b4d-4e8f-9a01-23456789abcd';

describe('calendar feed tokens', () => {
  it('round-trips a feed id and a fresh 256-bit secret, URL-safe', () => {
    const secret = newFeedSecret();
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newFeedSecret()).not.toBe(secret);
    const token = formatFeedToken(FEED_ID, secret);
    expect(encodeURIComponent(token)).toBe(token);
    expect(parseFeedToken(token)).toEqual({ feedId: FEED_ID, secret });
  });

  it('refuses anything else', () => {
    for (const token of [
      '',
      'fscal_',
      `fsk_${FEED_ID}_${'a'.repeat(43)}`,
      `fscal_${FEED_ID}_${'a'.repeat(42)}`,
    ])
      expect(parseFeedToken(token)).toBeUndefined();
  });

  it('checks a secret against its stored hash', () => {
    const secret = newFeedSecret();
    const hash = hashFeedSecret(secret);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(feedSecretMatches(hash, secret)).toBe(true);
    expect(feedSecretMatches(hash, newFeedSecret())).toBe(false);
    expect(feedSecretMatches('', secret)).toBe(false);
  });
});
