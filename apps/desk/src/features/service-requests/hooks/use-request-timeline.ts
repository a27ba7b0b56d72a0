import { serviceRequestPaths, timelineEntrySchema } from '@fieldstream/api-contract';
import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiPathOf } from '../../../shared/api/api-path-of';
import { useApi } from '../../auth/hooks/use-api';
import { serviceRequestKeys } from './service-request-query-keys';

/** The contract names the entry, not the answer's envelope: a bare list, or one under `items`/`entries`. */
const timelineAnswerSchema = z.union([
  z.array(timelineEntrySchema),
  z.object({ items: z.array(timelineEntrySchema) }).transform((answer) => answer.items),
  z.object({ entries: z.array(timelineEntrySchema) }).transform((answer) => answer.entries),
]);

/** The request's history told in the reader's language (the server words it, `lang`). */
export function useRequestTimeline(requestId: string, language: string) {
  const api = useApi();
  // The API tells timelines in `it` or `en`: a regional tag (`it-CH`) asks for its language.
  const lang = language.split('-')[0] ?? language;
  return useQuery({
    queryKey: serviceRequestKeys.timeline(requestId, lang),
    queryFn: ({ signal }) =>
      api(apiPathOf(serviceRequestPaths.timeline(requestId), new URLSearchParams({ lang })), {
        signal,
        schema: timelineAnswerSchema,
      }),
  });
}
