import { USERS_COLLECTION, type UserDocument } from '@fieldstream/projections';
import type { ReadStore } from '@fieldstream/read-store';

/** User id → display name, in one read; a user no longer there keeps their id as a name. */
export async function userNames(reads: ReadStore, ids: Iterable<string>): Promise<(id: string) => string> {
  const wanted = [...new Set(ids)];
  const found =
    wanted.length === 0
      ? []
      : await reads
          .collection<UserDocument>(USERS_COLLECTION)
          .find({ _id: { $in: wanted } }, { projection: { _id: 1, 'profile.displayName': 1 } });
  const names = new Map(found.map((user) => [user._id, user.profile?.displayName ?? user._id]));
  return (id) => names.get(id) ?? id;
}
