import { useCallback } from 'react';
import { apiRequest, type ApiRequestOptions } from '../../../shared/api/api-request';
import { useSession } from './use-session';

export type AuthorizedRequest = <T = unknown>(
  path: string,
  options?: Omit<ApiRequestOptions<T>, 'token'>,
) => Promise<T>;

/** `apiRequest` with the tab's bearer token: what every feature calls the API with. */
export function useApi(): AuthorizedRequest {
  const { session } = useSession();
  const token = session?.token;
  return useCallback<AuthorizedRequest>(
    (path, options = {}) => apiRequest(path, { ...options, ...(token ? { token } : {}) }),
    [token],
  );
}
