import { type ApiKeyEvent, USER_EVENT_TYPES, type UserEvent, type UserProfile } from '@fieldstream/domain';
import type { RecordedEvent } from '@fieldstream/event-store';
import type { ReadDocument } from '@fieldstream/read-store';
import { defineProjection } from '../projection-definition';

export const USERS_COLLECTION = 'users';
export const API_KEYS_COLLECTION = 'api_keys';

/**
 * A user as the desk lists them and as the auth guard checks a token's session. The password
 * hash is not here: login folds the user's own stream, the only place the hash lives.
 */
export interface UserDocument extends ReadDocument {
  _id: string;
  username: string;
  profile: UserProfile;
  status: 'active' | 'disabled';
  lockedUntil: string | null;
  consecutiveFailures: number;
  /** Open sessions; expired ones are dropped at the next login. */
  sessions: { id: string; expiresAt: string }[];
  lastLoginAt: string | null;
  version: number;
  updatedAt: string;
}

export interface ApiKeyDocument extends ReadDocument {
  _id: string;
  name: string;
  role: string;
  assetCodes: string[];
  /** SHA-256 of the secret: a 256-bit random secret needs no slow hash. */
  secretHash: string;
  status: 'active' | 'revoked';
  issuedAt: string;
  expiresAt: string | null;
  issuedBy: string;
  revokedAt: string | null;
  version: number;
}

type UsersRecorded = RecordedEvent & (UserEvent | ApiKeyEvent);

function applyUser(
  existing: Readonly<UserDocument> | null,
  event: RecordedEvent & UserEvent,
): UserDocument | null {
  const base = { version: event.revision + 1, updatedAt: event.metadata.occurredAt };
  if (event.type === 'UserRegistered') {
    return {
      _id: event.data.userId,
      username: event.data.username,
      profile: event.data.profile,
      status: 'active',
      lockedUntil: null,
      consecutiveFailures: 0,
      sessions: [],
      lastLoginAt: null,
      ...base,
    };
  }
  if (!existing) return null;
  const next: UserDocument = { ...existing, ...base };
  switch (event.type) {
    case 'UserProfileChanged':
      return { ...next, profile: event.data.profile };
    case 'UserPasswordChanged':
      return { ...next, sessions: [], consecutiveFailures: 0 };
    case 'UserLoggedIn':
      return {
        ...next,
        consecutiveFailures: 0,
        lastLoginAt: event.data.at,
        sessions: [
          ...existing.sessions.filter((session) => session.expiresAt > event.data.at),
          { id: event.data.sessionId, expiresAt: event.data.expiresAt },
        ],
      };
    case 'UserLoginFailed':
      return { ...next, consecutiveFailures: event.data.consecutiveFailures };
    case 'UserLocked':
      return { ...next, lockedUntil: event.data.until };
    case 'UserUnlocked':
      return { ...next, lockedUntil: null, consecutiveFailures: 0 };
    case 'UserSessionEnded':
      return {
        ...next,
        sessions: existing.sessions.filter((session) => session.id !== event.data.sessionId),
      };
    case 'UserDisabled':
      return { ...next, status: 'disabled', sessions: [] };
    case 'UserEnabled':
      return { ...next, status: 'active', consecutiveFailures: 0 };
  }
  return null;
}

/** Users and machine credentials, for the admin screens and for authenticating each request. */
export const usersProjection = defineProjection<
  UsersRecorded,
  typeof USERS_COLLECTION | typeof API_KEYS_COLLECTION
>({
  name: 'users',
  version: 1,
  eventTypes: [...USER_EVENT_TYPES, 'ApiKeyIssued', 'ApiKeyRevoked'],
  collections: {
    [USERS_COLLECTION]: { indexes: [{ name: 'by_username', keys: { username: 1 }, unique: true }] },
    [API_KEYS_COLLECTION]: { indexes: [{ name: 'by_status', keys: { status: 1 } }] },
  },
  documentsFor: (event) =>
    event.type === 'ApiKeyIssued' || event.type === 'ApiKeyRevoked'
      ? [{ collection: API_KEYS_COLLECTION, id: event.data.keyId }]
      : [{ collection: USERS_COLLECTION, id: event.data.userId }],
  apply(event, current) {
    if (event.type === 'ApiKeyIssued' || event.type === 'ApiKeyRevoked') {
      const existing = current.get<ApiKeyDocument>(API_KEYS_COLLECTION, event.data.keyId);
      if (existing && event.revision + 1 <= existing.version) return [];
      if (event.type === 'ApiKeyIssued') {
        const { keyId, key, secretHash, issuedAt } = event.data;
        const document: ApiKeyDocument = {
          _id: keyId,
          name: key.name,
          role: key.role,
          assetCodes: key.assetCodes,
          secretHash,
          status: 'active',
          issuedAt,
          expiresAt: key.expiresAt ?? null,
          issuedBy: String(event.metadata['actorName'] ?? event.metadata.actorId),
          revokedAt: null,
          version: event.revision + 1,
        };
        return [{ op: 'put', collection: API_KEYS_COLLECTION, document }];
      }
      if (!existing) return [];
      const document: ApiKeyDocument = {
        ...existing,
        status: 'revoked',
        revokedAt: event.data.at,
        version: event.revision + 1,
      };
      return [{ op: 'put', collection: API_KEYS_COLLECTION, document }];
    }
    const existing = current.get<UserDocument>(USERS_COLLECTION, event.data.userId);
    if (existing && event.revision + 1 <= existing.version) return [];
    const document = applyUser(existing, event);
    return document ? [{ op: 'put', collection: USERS_COLLECTION, document }] : [];
  },
});
