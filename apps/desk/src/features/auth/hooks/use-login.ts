import type { LoginRequest, LoginResponse } from '@fieldstream/api-contract';
import { useMutation } from '@tanstack/react-query';
import { postLogin } from '../api/post-login';
import { useSession } from './use-session';

export function useLogin() {
  const { signIn } = useSession();
  return useMutation<LoginResponse, Error, LoginRequest>({
    mutationFn: (request) => postLogin(request),
    onSuccess: (response) =>
      signIn({ token: response.token, expiresAt: response.expiresAt, user: response.user }),
  });
}
