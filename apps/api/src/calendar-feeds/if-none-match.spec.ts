import { ifNoneMatchHolds } from './if-none-match';

describe('ifNoneMatchHolds', () => {
  const etag = '"abc"';
  it('matches the tag, weakly, in a list, or any tag with *', () => {
    expect(ifNoneMatchHolds('"abc"', etag)).toBe(true);
    expect(ifNoneMatchHolds('W/"abc"', etag)).toBe(true);
    expect(ifNoneMatchHolds('"x", "abc"', etag)).toBe(true);
    expect(ifNoneMatchHolds(' * ', etag)).toBe(true);
  });
  it('does not match another tag, or no header', () => {
    expect(ifNoneMatchHolds('"abd"', etag)).toBe(false);
    expect(ifNoneMatchHolds(undefined, etag)).toBe(false);
    expect(ifNoneMatchHolds('', etag)).toBe(false);
  });
});
