import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useSession } from '../../auth/hooks/use-session';
import { queryKeysForTopic } from '../api/query-keys-for-topic';
import { readServerSentEvents } from '../api/read-server-sent-events';

const FIRST_RETRY_MS = 1_000;
const LONGEST_RETRY_MS = 30_000;

/**
 * Keeps the signed-in desk current: the API says which kinds of data changed (once its read
 * models show the change) and the matching queries are refetched. Reconnects with backoff; a
 * refused session is left to the session-expiry watcher.
 */
export function useLiveUpdates(): void {
  const { session } = useSession();
  const queryClient = useQueryClient();
  const token = session?.token;

  useEffect(() => {
    if (!token) return undefined;
    const abort = new AbortController();
    let retry = FIRST_RETRY_MS;
    let timer: ReturnType<typeof setTimeout> | undefined;

    const connect = async () => {
      try {
        const response = await fetch('/api/live', {
          headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
          signal: abort.signal,
        });
        if (response.status === 401 || !response.ok || !response.body) {
          if (response.status === 401) return;
          throw new Error(`live updates answered ${response.status}`);
        }
        retry = FIRST_RETRY_MS;
        // Whatever changed while we were not listening is unknown: refetch what is on screen.
        void queryClient.invalidateQueries();
        for await (const event of readServerSentEvents(response.body)) {
          if (event.event !== 'changed') continue;
          const { topics } = JSON.parse(event.data) as { topics: string[] };
          for (const topic of topics) {
            for (const queryKey of queryKeysForTopic(topic))
              void queryClient.invalidateQueries({ queryKey: [...queryKey] });
          }
        }
      } catch {
        if (abort.signal.aborted) return;
      }
      if (abort.signal.aborted) return;
      timer = setTimeout(() => void connect(), retry);
      retry = Math.min(retry * 2, LONGEST_RETRY_MS);
    };
    void connect();
    return () => {
      abort.abort();
      clearTimeout(timer);
    };
  }, [token, queryClient]);
}
