import { z } from 'zod';
import { MACHINE_ROLES } from '../access/roles';
import type { Decider } from '../kernel/decider';
import { DomainError } from '../kernel/domain-error';
import { code, name } from '../master-data/fields';

export const newApiKeySchema = z
  .object({
    name,
    role: z.enum(MACHINE_ROLES),
    /** For devices: the assets it may report for. */
    assetCodes: z.array(code).max(1000).default([]),
    expiresAt: z.iso.datetime().optional(),
  })
  .strict()
  .superRefine((key, ctx) => {
    if (key.role === 'device' && key.assetCodes.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['assetCodes'],
        message: 'A device key names the assets it reports for',
      });
    }
  });
export type NewApiKey = z.infer<typeof newApiKeySchema>;

export type ApiKeyEvent =
  | { type: 'ApiKeyIssued'; data: { keyId: string; key: NewApiKey; secretHash: string; issuedAt: string } }
  | { type: 'ApiKeyRevoked'; data: { keyId: string; at: string; reason: string } };

export interface ApiKeyState {
  status: 'absent' | 'active' | 'revoked';
  keyId?: string;
}

export type ApiKeyCommand =
  | { type: 'issue'; keyId: string; key: NewApiKey; secretHash: string; at: string }
  | { type: 'revoke'; at: string; reason: string };

/** Machine credentials: issued once (the secret is shown once and stored only as a hash), revoked for good. */
export const apiKeyDecider: Decider<ApiKeyState, ApiKeyCommand, ApiKeyEvent> = {
  initialState: { status: 'absent' },
  evolve: (state, event) =>
    event.type === 'ApiKeyIssued'
      ? { status: 'active', keyId: event.data.keyId }
      : { ...state, status: 'revoked' },
  decide(command, state) {
    if (command.type === 'issue') {
      if (state.status !== 'absent') throw new DomainError('already_exists', 'This key id is taken', {});
      return [
        {
          type: 'ApiKeyIssued',
          data: {
            keyId: command.keyId,
            key: command.key,
            secretHash: command.secretHash,
            issuedAt: command.at,
          },
        },
      ];
    }
    if (state.status === 'absent') throw new DomainError('not_found', 'There is no such API key', {});
    if (state.status === 'revoked') return [];
    return [
      { type: 'ApiKeyRevoked', data: { keyId: state.keyId ?? '', at: command.at, reason: command.reason } },
    ];
  },
};
