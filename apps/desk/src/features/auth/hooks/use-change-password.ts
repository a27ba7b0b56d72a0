import { useMutation } from '@tanstack/react-query';
import { useApi } from './use-api';

export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

export function useChangePassword() {
  const api = useApi();
  return useMutation<void, Error, ChangePasswordRequest>({
    mutationFn: (body) => api<void>('/api/auth/password', { method: 'POST', body }),
  });
}
