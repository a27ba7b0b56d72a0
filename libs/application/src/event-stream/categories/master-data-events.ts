import {
  MASTER_DATA_KINDS,
  type MasterDataFact,
  type MasterDataKind,
  masterDataEventType,
} from '@fieldstream/domain';
import { z } from 'zod';
import { type PublishedEventType, cloudEventTypeOf, kebabCase } from '../published-event-type';
import { code } from './payload-fields';

/** What each fact says of a record, whatever its kind. */
const FACTS: Record<
  MasterDataFact,
  { summary: (noun: string) => string; payload: (kind: MasterDataKind) => z.ZodType }
> = {
  Registered: {
    summary: (noun) => `A ${noun} was registered; \`record\` holds it whole, defaults filled.`,
    payload: (kind) => z.object({ kind: z.literal(kind.name), code, record: kind.schema }),
  },
  Changed: {
    summary: (noun) =>
      `A ${noun} changed; \`record\` holds it whole as it now is (not a patch), \`changedFields\` names what differs.`,
    payload: (kind) =>
      z.object({ kind: z.literal(kind.name), code, record: kind.schema, changedFields: z.array(z.string()) }),
  },
  Retired: {
    summary: (noun) => `A ${noun} was retired (kept for history, no longer used), saying why.`,
    payload: (kind) => z.object({ kind: z.literal(kind.name), code, reason: z.string() }),
  },
  Reinstated: {
    summary: (noun) => `A retired ${noun} was reinstated.`,
    payload: (kind) => z.object({ kind: z.literal(kind.name), code }),
  },
};

/**
 * The organisation's master data, one stream per record (`<kind>-<uuid of the code>`): every kind
 * has the same four facts, `io.fieldstream.<kind>.registered.v1` and so on. The record's fields
 * are the kind's own, as the master-data API reads and writes them.
 */
export const MASTER_DATA_EVENTS: PublishedEventType[] = MASTER_DATA_KINDS.flatMap((kind) =>
  (Object.keys(FACTS) as MasterDataFact[]).map((fact): PublishedEventType => {
    const factName = kebabCase(fact);
    return {
      category: 'master-data',
      storedType: masterDataEventType(kind.name, fact),
      streamPrefix: `${kind.name}-`,
      // masterDataStreamName: a UUID of the code, so `calendar-feeds-…` is no calendar's stream.
      streamId: 'uuid',
      entity: kind.name,
      fact: factName,
      version: 1,
      cloudEventType: cloudEventTypeOf(kind.name, factName, 1),
      summary: FACTS[fact].summary(kind.name.replace(/-/g, ' ')),
      payload: FACTS[fact].payload(kind),
    };
  }),
);
