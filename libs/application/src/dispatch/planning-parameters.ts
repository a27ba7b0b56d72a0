import { PARAMETERS_CODE, type Parameters, parametersSchema } from '@fieldstream/domain';
import { type MasterDataDocument, masterDataCollection } from '@fieldstream/projections';
import type { ReadStore } from '@fieldstream/read-store';

/** What an organisation without a parameters record plans with (the schema's defaults fill the rest). */
const MINIMAL_PARAMETERS = {
  renounceReasons: [{ code: 'other', label: 'Other' }],
  priorities: [{ code: 'normal', label: 'Normal', colour: '#228be6' }],
};

/**
 * The organisation's parameters as planning reads them: the active record, parsed so that fields
 * added since it was written come with their defaults.
 */
export async function planningParameters(reads: ReadStore): Promise<Parameters> {
  const stored = await reads
    .collection<MasterDataDocument>(masterDataCollection('parameters'))
    .get(PARAMETERS_CODE);
  const parsed = parametersSchema.safeParse(stored?.status === 'active' ? stored.record : {});
  return parsed.success ? parsed.data : parametersSchema.parse(MINIMAL_PARAMETERS);
}
