import { BadUserInputError } from '../errors/domain-errors';
import { decodeCursor, encodeCursor } from './connection';
import { fromGlobalId, parseGlobalId, toGlobalId } from './global-id';

const UUID = '3f2b8a4e-1c2d-4e5f-8a9b-0c1d2e3f4a5b';

describe('global ids', () => {
  it('round-trips a type and a uuid through an opaque string', () => {
    const id = toGlobalId('ExperiencePost', UUID);
    expect(id).not.toContain(UUID);
    expect(fromGlobalId(id)).toEqual({ type: 'ExperiencePost', id: UUID });
  });

  it('rejects strings that are not ours', () => {
    for (const bad of [
      '',
      'abc',
      toGlobalId('post', UUID),
      Buffer.from(`Post:1 OR 1=1`).toString('base64url'),
      '🙂',
    ]) {
      expect(fromGlobalId(bad)).toBeNull();
    }
  });

  it('names the argument when an id is of the wrong type', () => {
    expect(() => parseGlobalId(toGlobalId('Theme', UUID), ['ExperiencePost'], 'input.postId')).toThrow(
      BadUserInputError,
    );
    expect(() => parseGlobalId('junk', ['Theme'], 'targetId')).toThrow(
      expect.objectContaining({
        fields: [{ path: 'targetId', message: "Cet identifiant n'est pas valide." }],
      }),
    );
  });
});

describe('cursors', () => {
  it('round-trip keyset values', () => {
    const cursor = encodeCursor(['2026-01-01T00:00:00.000Z', UUID]);
    expect(decodeCursor(cursor, 2)).toEqual(['2026-01-01T00:00:00.000Z', UUID]);
  });

  it('refuse cursors of the wrong shape', () => {
    expect(() => decodeCursor(encodeCursor(['a']), 2)).toThrow(BadUserInputError);
    expect(() => decodeCursor(Buffer.from('{"a":1}').toString('base64url'), 1)).toThrow(BadUserInputError);
    expect(() => decodeCursor(encodeCursor([{} as unknown as string]), 1)).toThrow(BadUserInputError);
  });
});
