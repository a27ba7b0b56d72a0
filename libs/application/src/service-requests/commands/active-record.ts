import type { MasterDataKindName } from '@fieldstream/domain';
import type { MasterDataService } from '../../master-data/master-data.service';

/**
 * A master-data record if it exists and is active, read from its stream: a command judges
 * references against the truth, not against a read model that may lag behind a fresh change.
 */
export async function activeRecord(
  masterData: MasterDataService,
  kind: MasterDataKindName,
  code: string,
): Promise<Record<string, unknown> | undefined> {
  const { state } = await masterData.current(kind, code);
  return state.status === 'active' ? state.record : undefined;
}
