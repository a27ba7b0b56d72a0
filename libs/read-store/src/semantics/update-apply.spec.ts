import { InvalidQueryError } from '../errors';
import { compileUpdate } from './update-apply';

function applied(
  document: Record<string, unknown>,
  update: Parameters<typeof compileUpdate>[0],
): Record<string, unknown> {
  compileUpdate(update)(document);
  return document;
}

describe('compileUpdate', () => {
  it('sets array positions, padding with null, and unsets them to null', () => {
    expect(applied({ _id: 'x', a: [1] }, { $set: { 'a.2': 3 } })).toEqual({ _id: 'x', a: [1, null, 3] });
    expect(applied({ _id: 'x', a: [1, 2] }, { $unset: { 'a.0': '' } })).toEqual({ _id: 'x', a: [null, 2] });
  });

  it('pulls by operator expression', () => {
    expect(applied({ _id: 'x', a: [1, 5, 9] }, { $pull: { a: { $gte: 5 } } })).toEqual({ _id: 'x', a: [1] });
  });

  it('refuses to create a field inside a scalar or null, naming the path', () => {
    for (const start of [{ a: 5 }, { a: null }]) {
      expect(() => applied({ _id: 'x', ...start }, { $set: { 'a.b': 1 } })).toThrow(InvalidQueryError);
      try {
        applied({ _id: 'x', ...start }, { $set: { 'a.b': 1 } });
      } catch (error) {
        expect((error as InvalidQueryError).path).toBe('update.$set.a.b');
      }
    }
  });

  it('refuses a path under another updated path', () => {
    expect(() => compileUpdate({ $set: { a: {} }, $inc: { 'a.n': 1 } })).toThrow(InvalidQueryError);
  });
});
