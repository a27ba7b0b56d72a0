import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../auth/hooks/use-api';
import type { IssuedApiKey, UserProfile } from '../types/user-types';
import { usersKeys } from './users-query-keys';

const userPath = (id: string) => `/api/users/${encodeURIComponent(id)}`;

/** Every account and key command; each success refreshes the lists. */
export function useUserCommands() {
  const api = useApi();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: usersKeys.all() });
  return {
    register: useMutation<unknown, Error, UserProfile & { username: string; password: string }>({
      mutationFn: (body) => api('/api/users', { method: 'POST', body }),
      onSuccess: refresh,
    }),
    change: useMutation<unknown, Error, { id: string; profile: UserProfile }>({
      mutationFn: ({ id, profile }) => api(userPath(id), { method: 'PUT', body: profile }),
      onSuccess: refresh,
    }),
    action: useMutation<unknown, Error, { id: string; action: 'unlock' | 'disable' | 'enable' }>({
      mutationFn: ({ id, action }) => api(`${userPath(id)}/${action}`, { method: 'POST' }),
      onSuccess: refresh,
    }),
    resetPassword: useMutation<unknown, Error, { id: string; newPassword: string }>({
      mutationFn: ({ id, newPassword }) =>
        api(`${userPath(id)}/password`, { method: 'POST', body: { newPassword } }),
      onSuccess: refresh,
    }),
    issueKey: useMutation<
      IssuedApiKey,
      Error,
      { name: string; role: 'integrator' | 'device'; assetCodes: string[]; expiresAt?: string }
    >({
      mutationFn: (body) => api<IssuedApiKey>('/api/api-keys', { method: 'POST', body }),
      onSuccess: refresh,
    }),
    revokeKey: useMutation<unknown, Error, { id: string; reason: string }>({
      mutationFn: ({ id, reason }) =>
        api(`/api/api-keys/${encodeURIComponent(id)}/revoke`, { method: 'POST', body: { reason } }),
      onSuccess: refresh,
    }),
  };
}
