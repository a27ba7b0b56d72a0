import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../auth/hooks/use-api';
import type { ApiKeyEntry, UserAccount } from '../types/user-types';
import { usersKeys } from './users-query-keys';

export function useUsers() {
  const api = useApi();
  return useQuery({
    queryKey: usersKeys.users(),
    queryFn: ({ signal }) => api<UserAccount[]>('/api/users', { signal }),
    refetchInterval: 10_000,
    refetchOnWindowFocus: true,
  });
}

export function useApiKeys() {
  const api = useApi();
  return useQuery({
    queryKey: usersKeys.apiKeys(),
    queryFn: ({ signal }) => api<ApiKeyEntry[]>('/api/api-keys', { signal }),
    refetchOnWindowFocus: true,
  });
}
