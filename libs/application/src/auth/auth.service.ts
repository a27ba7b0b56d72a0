import { createSecretKey, randomUUID } from 'node:crypto';
import {
  type ApiKeyCommand,
  DomainError,
  type NewApiKey,
  PARAMETERS_CODE,
  type Principal,
  type UserCommand,
  type UserProfile,
  apiKeyDecider,
  newApiKeySchema,
  newPasswordSchema,
  newUserSchema,
  userDecider,
  userProfileSchema,
} from '@fieldstream/domain';
import type { EventStore } from '@fieldstream/event-store';
import {
  API_KEYS_COLLECTION,
  type ApiKeyDocument,
  type MasterDataDocument,
  USERS_COLLECTION,
  type UserDocument,
  masterDataCollection,
  usersProjection,
} from '@fieldstream/projections';
import type { ReadStore } from '@fieldstream/read-store';
import { JwtService } from '@nestjs/jwt';
import { LRUCache } from 'lru-cache';
import type { CommandContext } from '../commands/command-context';
import { executeCommand, loadStream } from '../commands/execute-command';
import { apiKeyStreamName, userIdOf, userStreamName } from '../commands/stream-names';
import { waitForProjection } from '../commands/wait-for-projection';
import { FieldValidationError, ForbiddenError, NotFoundError, UnauthenticatedError } from '../errors';
import {
  apiKeySecretMatches,
  formatApiKey,
  hashApiKeySecret,
  newApiKeySecret,
  parseApiKey,
} from './api-key-secret';
import { decoyHash, hashPassword, passwordMatches } from './password-hashing';

export interface AuthServiceOptions {
  events: EventStore;
  reads: ReadStore;
  /** HMAC key for the session tokens (HS256); at least 32 bytes. */
  tokenSecret: string;
  /** Session lifetime. */
  tokenTtlSeconds: number;
  projectionWaitMs?: number;
  /** The clock; a test's fixed one at the edge. */
  now?: () => Date;
}

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: string;
  binding: UserProfile['binding'];
  language: string;
}

export interface LoginResult {
  token: string;
  expiresAt: string;
  user: SessionUser;
}

interface TokenClaims {
  sub: string;
  sid: string;
  /** Seconds since the epoch, set by the signer from the session's length. */
  exp: number;
}

function sessionUser(document: UserDocument): SessionUser {
  return {
    id: document._id,
    username: document.username,
    displayName: document.profile.displayName,
    role: document.profile.role,
    binding: document.profile.binding,
    language: document.profile.language,
  };
}

/** The principal a user acts as, from their read-model document (also whose feed a calendar fetches). */
export function principalOf(document: UserDocument): Principal {
  const { binding } = document.profile;
  return {
    id: document._id,
    displayName: document.profile.displayName,
    kind: 'user',
    role: document.profile.role,
    ...(binding.unitCode ? { unitCode: binding.unitCode } : {}),
    ...(binding.customerCode ? { customerCode: binding.customerCode } : {}),
    ...(binding.technicianCode ? { technicianCode: binding.technicianCode } : {}),
  };
}

/**
 * Local accounts and machine credentials. Tokens are short JWTs naming a user and a session;
 * each request checks that session is still open in the users read model, so logout, a password
 * change or disabling an account ends it at once. An OIDC provider would replace `login` and
 * the token check, and keep everything from the Principal on.
 */
export class AuthService {
  private readonly jwt: JwtService;
  /**
   * Tokens whose signature was checked, with their claims: a desk sends the same token with every
   * call, and the HMAC and JSON parsing of a check cost as much as a small query. Only the
   * signature is remembered; expiry is judged on every call, the session in the read model too.
   */
  private readonly verified = new LRUCache<string, TokenClaims>({ max: 10_000 });
  private readonly now: () => Date;

  constructor(private readonly options: AuthServiceOptions) {
    if (Buffer.byteLength(options.tokenSecret) < 32)
      throw new Error('The token secret must be at least 32 bytes');
    // A key object made once: given the secret as text, jsonwebtoken first tries (and fails) to
    // read it as a public key on every verification — a fifth of the API's CPU under load.
    const key = createSecretKey(Buffer.from(options.tokenSecret, 'utf8'));
    this.jwt = new JwtService({
      secretOrKeyProvider: () => key,
      signOptions: { algorithm: 'HS256' },
      verifyOptions: { algorithms: ['HS256'] },
    });
    this.now = options.now ?? (() => new Date());
  }

  async login(usernameInput: string, password: string, correlationId: string): Promise<LoginResult> {
    const username = usernameInput.trim().toLowerCase();
    const userId = userIdOf(username);
    const { state } = await loadStream(this.options.events, userStreamName(userId), userDecider);
    if (state.status === 'absent' || !state.passwordHash) {
      await passwordMatches(await decoyHash(), password);
      throw new UnauthenticatedError('Wrong user name or password', 'invalid_credentials');
    }
    const matched = await passwordMatches(state.passwordHash, password);
    const at = this.now();
    const sessionId = randomUUID();
    const expiresAt = new Date(at.getTime() + this.options.tokenTtlSeconds * 1000).toISOString();
    // Not decideForUser: a refused login answers at once, without waiting for the read model.
    const outcome = await executeCommand(
      this.options.events,
      userStreamName(userId),
      userDecider,
      {
        type: 'login',
        passwordMatched: matched,
        sessionId,
        at: at.toISOString(),
        expiresAt,
        lockout: await this.lockoutPolicy(),
      },
      this.context(
        {
          id: userId,
          displayName: state.profile?.displayName ?? username,
          kind: 'user',
          role: state.profile?.role ?? 'admin',
        },
        correlationId,
      ),
    );
    if (!matched) {
      const locked = outcome.events.find((event) => event.type === 'UserLocked');
      if (locked) {
        throw new DomainError(
          'account_locked',
          `Too many failed attempts; the account is locked until ${(locked.data as { until: string }).until}`,
          {
            lockedUntil: (locked.data as { until: string }).until,
          },
        );
      }
      throw new UnauthenticatedError('Wrong user name or password', 'invalid_credentials');
    }
    await this.usersReadModelAt(outcome.position);
    // Issued and expiring on the service's clock, the one the session's expiry in the read model
    // is judged on (jsonwebtoken would otherwise stamp both from its own).
    const seconds = (date: Date) => Math.floor(date.getTime() / 1000);
    const claims: TokenClaims & { iat: number } = {
      sub: userId,
      sid: sessionId,
      iat: seconds(at),
      exp: seconds(new Date(expiresAt)),
    };
    const token = await this.jwt.signAsync(claims);
    const document = await this.userDocument(userId);
    return { token, expiresAt, user: sessionUser(document) };
  }

  /** The principal behind an `Authorization` header value: a bearer token or an API key. */
  async authenticate(
    authorization: string | undefined,
  ): Promise<{ principal: Principal; sessionId?: string }> {
    if (!authorization) throw new UnauthenticatedError('Sign in first: no credentials were sent');
    const [scheme, value] = authorization.split(/\s+/, 2);
    if (scheme?.toLowerCase() === 'bearer' && value) {
      const apiKey = parseApiKey(value);
      return apiKey ? { principal: await this.apiKeyPrincipal(apiKey) } : this.tokenPrincipal(value);
    }
    throw new UnauthenticatedError('Send a Bearer token or an API key');
  }

  async logout(principal: Principal, sessionId: string | undefined, correlationId: string): Promise<void> {
    if (principal.kind !== 'user' || !sessionId) return;
    await this.decideForUser(
      principal.id,
      { type: 'endSession', sessionId, at: this.now().toISOString() },
      this.context(principal, correlationId),
    );
  }

  async changeOwnPassword(
    principal: Principal,
    currentPassword: string,
    newPassword: string,
    correlationId: string,
  ): Promise<void> {
    if (principal.kind !== 'user') throw new ForbiddenError('Machine credentials have no password');
    const { state } = await loadStream(this.options.events, userStreamName(principal.id), userDecider);
    if (!state.passwordHash || !(await passwordMatches(state.passwordHash, currentPassword))) {
      throw new FieldValidationError('The current password is wrong', [
        { field: 'currentPassword', code: 'wrong_password', message: 'The current password is wrong' },
      ]);
    }
    await this.setPassword(principal, principal.id, newPassword, correlationId, state.username);
  }

  // ---- administration (admins only) ----

  async listUsers(principal: Principal): Promise<UserDocument[]> {
    this.requireAdmin(principal, true);
    return this.options.reads
      .collection<UserDocument>(USERS_COLLECTION)
      .find({}, { sort: { username: 1 }, limit: 1000 });
  }

  async registerUser(context: CommandContext, body: unknown): Promise<SessionUser> {
    this.requireAdmin(context.actor);
    const parsed = newUserSchema.safeParse(body);
    if (!parsed.success) throw parsed.error;
    const { username, password, ...profileFields } = parsed.data;
    const profile = userProfileSchema.parse(profileFields);
    this.checkPasswordNotName(password, username);
    await this.checkBinding(profile);
    const userId = userIdOf(username);
    await this.decideForUser(
      userId,
      { type: 'register', userId, username, profile, passwordHash: await hashPassword(password) },
      context,
    );
    return sessionUser(await this.userDocument(userId));
  }

  async changeProfile(context: CommandContext, userId: string, body: unknown): Promise<SessionUser> {
    this.requireAdmin(context.actor);
    const profile = userProfileSchema.parse(body);
    await this.checkBinding(profile);
    await this.userDocument(userId);
    await this.decideForUser(userId, { type: 'changeProfile', profile }, context);
    return sessionUser(await this.userDocument(userId));
  }

  async adminAction(
    context: CommandContext,
    userId: string,
    action: 'unlock' | 'disable' | 'enable',
  ): Promise<void> {
    this.requireAdmin(context.actor);
    await this.userDocument(userId);
    if (action === 'disable' && userId === context.actor.id)
      throw new ForbiddenError('You cannot disable your own account');
    await this.decideForUser(userId, { type: action, at: this.now().toISOString() }, context);
  }

  async resetPassword(context: CommandContext, userId: string, newPassword: string): Promise<void> {
    this.requireAdmin(context.actor);
    const document = await this.userDocument(userId);
    await this.setPassword(context.actor, userId, newPassword, context.correlationId, document.username);
  }

  async issueApiKey(
    context: CommandContext,
    body: unknown,
  ): Promise<{ keyId: string; apiKey: string; key: NewApiKey }> {
    this.requireAdmin(context.actor);
    const key = newApiKeySchema.parse(body);
    const keyId = randomUUID();
    const secret = newApiKeySecret();
    await this.decideForApiKey(
      keyId,
      { type: 'issue', keyId, key, secretHash: hashApiKeySecret(secret), at: this.now().toISOString() },
      context,
    );
    return { keyId, apiKey: formatApiKey(keyId, secret), key };
  }

  async revokeApiKey(context: CommandContext, keyId: string, reason: string): Promise<void> {
    this.requireAdmin(context.actor);
    const document = await this.options.reads.collection<ApiKeyDocument>(API_KEYS_COLLECTION).get(keyId);
    if (!document) throw new NotFoundError('There is no such API key', { kind: 'api-key', id: keyId });
    await this.decideForApiKey(
      keyId,
      { type: 'revoke', at: this.now().toISOString(), reason: reason || 'revoked' },
      context,
    );
  }

  async listApiKeys(principal: Principal): Promise<Omit<ApiKeyDocument, 'secretHash'>[]> {
    this.requireAdmin(principal, true);
    const keys = await this.options.reads
      .collection<ApiKeyDocument>(API_KEYS_COLLECTION)
      .find({}, { sort: { issuedAt: -1 }, limit: 1000 });
    return keys.map(({ secretHash: _hidden, ...rest }) => rest);
  }

  /** First start: when no administrator exists yet, one is created from configuration. */
  async ensureAdmin(username: string, password: string, correlationId: string): Promise<boolean> {
    // Any active administrator will do (the demo seed may have created other users first); the
    // user's own stream, checked next, guards against a read model still catching up at start.
    const admins = await this.options.reads
      .collection<UserDocument>(USERS_COLLECTION)
      .count({ 'profile.role': 'admin', status: 'active' });
    if (admins > 0) return false;
    const userId = userIdOf(username);
    const { state } = await loadStream(this.options.events, userStreamName(userId), userDecider);
    if (state.status !== 'absent') return false;
    const system: Principal = { id: 'system', displayName: 'Fieldstream', kind: 'user', role: 'admin' };
    // No wait for the read model: at first start the worker may not be running yet.
    await executeCommand(
      this.options.events,
      userStreamName(userId),
      userDecider,
      {
        type: 'register',
        userId,
        username,
        profile: userProfileSchema.parse({ displayName: 'Administrator', role: 'admin', language: 'en' }),
        passwordHash: await hashPassword(password),
      },
      this.context(system, correlationId),
    );
    return true;
  }

  private async tokenPrincipal(token: string): Promise<{ principal: Principal; sessionId: string }> {
    const clockTimestamp = Math.floor(this.now().getTime() / 1000);
    let claims = this.verified.get(token);
    if (claims && !(clockTimestamp < claims.exp)) {
      this.verified.delete(token);
      claims = undefined;
    }
    try {
      if (!claims) {
        claims = await this.jwt.verifyAsync<TokenClaims>(token, { algorithms: ['HS256'], clockTimestamp });
        this.verified.set(token, claims);
      }
    } catch (error) {
      const expired = error instanceof Error && error.name === 'TokenExpiredError';
      throw new UnauthenticatedError(
        expired ? 'Your session has expired; sign in again' : 'The token is not valid',
        expired ? 'token_expired' : 'invalid_token',
      );
    }
    const document = await this.options.reads.collection<UserDocument>(USERS_COLLECTION).get(claims.sub);
    const now = this.now().toISOString();
    const open = document?.sessions.some((session) => session.id === claims.sid && session.expiresAt > now);
    if (!document || document.status !== 'active' || !open) {
      throw new UnauthenticatedError('This session has ended; sign in again', 'session_ended');
    }
    return { principal: principalOf(document), sessionId: claims.sid };
  }

  private async apiKeyPrincipal(apiKey: { keyId: string; secret: string }): Promise<Principal> {
    const document = await this.options.reads
      .collection<ApiKeyDocument>(API_KEYS_COLLECTION)
      .get(apiKey.keyId);
    const valid =
      document !== null &&
      apiKeySecretMatches(document.secretHash, apiKey.secret) &&
      document.status === 'active' &&
      (document.expiresAt === null || document.expiresAt > this.now().toISOString());
    if (!valid || !document)
      throw new UnauthenticatedError('The API key is not valid, or was revoked', 'invalid_api_key');
    return {
      id: document._id,
      displayName: document.name,
      kind: 'api-key',
      role: document.role as Principal['role'],
      assetCodes: document.assetCodes,
    };
  }

  private async setPassword(
    actor: Principal,
    userId: string,
    newPassword: string,
    correlationId: string,
    username?: string,
  ) {
    const parsed = newPasswordSchema.safeParse(newPassword);
    if (!parsed.success) {
      throw new FieldValidationError('The new password is too weak', [
        {
          field: 'newPassword',
          code: parsed.error.issues[0]?.code ?? 'invalid',
          message: parsed.error.issues[0]?.message ?? 'Invalid',
        },
      ]);
    }
    if (username) this.checkPasswordNotName(newPassword, username, 'newPassword');
    await this.decideForUser(
      userId,
      { type: 'changePassword', passwordHash: await hashPassword(newPassword), at: this.now().toISOString() },
      this.context(actor, correlationId),
    );
  }

  private checkPasswordNotName(password: string, username: string, field = 'password') {
    if (password.toLowerCase().includes(username.toLowerCase())) {
      throw new FieldValidationError('The password must not contain the user name', [
        { field, code: 'contains_username', message: 'The password must not contain the user name' },
      ]);
    }
  }

  /** A binding must name a record that exists, or the user could never see anything. */
  private async checkBinding(profile: UserProfile) {
    const checks = [
      ['unitCode', 'unit'],
      ['customerCode', 'customer'],
      ['technicianCode', 'technician'],
    ] as const;
    for (const [field, kind] of checks) {
      const code = profile.binding[field];
      if (!code) continue;
      const found = await this.options.reads
        .collection<MasterDataDocument>(masterDataCollection(kind))
        .get(code);
      if (!found) {
        throw new FieldValidationError(`There is no ${kind} ${code}`, [
          { field: `binding.${field}`, code: 'unknown_reference', message: `There is no ${kind} ${code}` },
        ]);
      }
    }
  }

  private async lockoutPolicy() {
    const parameters = await this.options.reads
      .collection<MasterDataDocument>(masterDataCollection('parameters'))
      .get(PARAMETERS_CODE);
    const record = parameters?.record ?? {};
    return {
      failures: typeof record['lockoutFailures'] === 'number' ? record['lockoutFailures'] : 5,
      minutes: typeof record['lockoutMinutes'] === 'number' ? record['lockoutMinutes'] : 15,
    };
  }

  private async userDocument(userId: string): Promise<UserDocument> {
    const document = await this.options.reads.collection<UserDocument>(USERS_COLLECTION).get(userId);
    if (!document) throw new NotFoundError('There is no such user', { kind: 'user', id: userId });
    return document;
  }

  /** Auditors may list users (who could do what is part of an audit); only admins change them. */
  private requireAdmin(principal: Principal, readOnly = false) {
    const allowed = principal.role === 'admin' || (readOnly && principal.role === 'auditor');
    if (!allowed || principal.kind !== 'user')
      throw new ForbiddenError('Only administrators manage users and keys');
  }

  /** Decides a command on a user's stream and waits until the users read model shows it. */
  private async decideForUser(userId: string, command: UserCommand, context: CommandContext): Promise<void> {
    const outcome = await executeCommand(
      this.options.events,
      userStreamName(userId),
      userDecider,
      command,
      context,
    );
    await this.usersReadModelAt(outcome.position);
  }

  private async decideForApiKey(
    keyId: string,
    command: ApiKeyCommand,
    context: CommandContext,
  ): Promise<void> {
    const outcome = await executeCommand(
      this.options.events,
      apiKeyStreamName(keyId),
      apiKeyDecider,
      command,
      context,
    );
    await this.usersReadModelAt(outcome.position);
  }

  /** Read-your-writes: the guard and the admin screens read the users read model, not the streams. */
  private usersReadModelAt(position: number | undefined): Promise<boolean> {
    return waitForProjection(
      this.options.reads,
      usersProjection.name,
      position,
      this.options.projectionWaitMs ?? 5_000,
    );
  }

  private context(actor: Principal, correlationId: string): CommandContext {
    return { actor, at: this.now().toISOString(), correlationId };
  }
}
