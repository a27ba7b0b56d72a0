import type { SessionUser } from '@fieldstream/api-contract';

export type UserRole = SessionUser['role'];
export type UserBinding = SessionUser['binding'];

export interface UserProfile {
  displayName: string;
  role: UserRole;
  binding: UserBinding;
  language: 'it' | 'en';
}

/** A user account as `GET /api/users` lists it. */
export interface UserAccount {
  _id: string;
  username: string;
  profile: UserProfile;
  status: 'active' | 'disabled';
  lockedUntil: string | null;
  lastLoginAt: string | null;
  version: number;
}

/** An API key as listed (never its secret). */
export interface ApiKeyEntry {
  _id: string;
  name: string;
  role: 'integrator' | 'device';
  assetCodes: string[];
  status: 'active' | 'revoked';
  issuedAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
}

export interface IssuedApiKey {
  keyId: string;
  apiKey: string;
}
