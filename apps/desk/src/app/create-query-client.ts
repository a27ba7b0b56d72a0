import { QueryClient } from '@tanstack/react-query';
import { ApiProblemError } from '../shared/api/api-problem-error';
import { InvalidResponseError } from '../shared/api/invalid-response-error';

const MAX_QUERY_RETRIES = 2;

/**
 * A 4xx answer or a body that breaks the contract will not change on retry; a network blip or a
 * 5xx might.
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiProblemError && error.isClientError) return false;
  if (error instanceof InvalidResponseError) return false;
  return failureCount < MAX_QUERY_RETRIES;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: shouldRetry,
        staleTime: 30_000,
        // Dispatchers switch windows constantly; refetching on each focus would flood the API.
        refetchOnWindowFocus: false,
      },
      // Commands are not idempotent unless they carry a key: never resend one behind the user's back.
      mutations: { retry: false },
    },
  });
}
