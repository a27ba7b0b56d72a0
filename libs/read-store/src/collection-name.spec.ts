import { assertCollectionName } from './collection-name';
import { InvalidCollectionNameError } from './errors';

describe('assertCollectionName', () => {
  it.each(['requests', 'service-requests', 'dispatch.board', 'Tech_Schedules2', 'a'.repeat(120)])(
    'accepts %s',
    (name) => {
      expect(() => assertCollectionName(name)).not.toThrow();
    },
  );

  it.each([
    '',
    '_checkpoints',
    '1st',
    'has space',
    'quote"d',
    'semi;colon',
    'system.indexes',
    'a'.repeat(121),
    42,
    undefined,
  ])('refuses %p with an error naming it', (name) => {
    expect(() => assertCollectionName(name)).toThrow(InvalidCollectionNameError);
    try {
      assertCollectionName(name);
    } catch (error) {
      expect((error as InvalidCollectionNameError).collection).toBe(String(name));
    }
  });
});
