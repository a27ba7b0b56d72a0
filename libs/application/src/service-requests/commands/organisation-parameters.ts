import { DEFAULT_SUSPENSION_REASONS, PARAMETERS_CODE } from '@fieldstream/domain';
import type { MasterDataService } from '../../master-data/master-data.service';
import { DEFAULT_RENOUNCE_REASONS } from '../queries/wording-vocabulary';

/** The switches of the organisation that shape a request's life. */
export interface RequestParameters {
  explicitAcceptance: boolean;
  reopenWindowDays: number;
  renounceReasonCodes: string[];
  suspensionReasonCodes: string[];
}

/** What applies until an administrator records the organisation's parameters. */
export const DEFAULT_REQUEST_PARAMETERS: RequestParameters = {
  explicitAcceptance: true,
  reopenWindowDays: 14,
  // The reasons the sheet offers when none are configured (the same list, worded there).
  renounceReasonCodes: DEFAULT_RENOUNCE_REASONS.en.map((reason) => reason.code),
  suspensionReasonCodes: DEFAULT_SUSPENSION_REASONS.map((reason) => reason.code),
};

function codesOf(list: unknown): string[] {
  return Array.isArray(list)
    ? (list as { code?: unknown }[])
        .map((reason) => reason.code)
        .filter((code): code is string => typeof code === 'string')
    : [];
}

/**
 * Read from the parameters record's own stream rather than its read model: a change an
 * administrator just made applies to the very next command.
 */
export async function requestParameters(masterData: MasterDataService): Promise<RequestParameters> {
  const { state } = await masterData.current('parameters', PARAMETERS_CODE);
  const record = state.status === 'active' ? state.record : undefined;
  if (!record) return DEFAULT_REQUEST_PARAMETERS;
  const reasons = codesOf(record['renounceReasons']);
  const suspensionReasons = codesOf(record['suspensionReasons']);
  return {
    explicitAcceptance:
      typeof record['explicitAcceptance'] === 'boolean'
        ? record['explicitAcceptance']
        : DEFAULT_REQUEST_PARAMETERS.explicitAcceptance,
    reopenWindowDays:
      typeof record['reopenWindowDays'] === 'number'
        ? record['reopenWindowDays']
        : DEFAULT_REQUEST_PARAMETERS.reopenWindowDays,
    renounceReasonCodes: reasons.length > 0 ? reasons : DEFAULT_REQUEST_PARAMETERS.renounceReasonCodes,
    suspensionReasonCodes:
      suspensionReasons.length > 0 ? suspensionReasons : DEFAULT_REQUEST_PARAMETERS.suspensionReasonCodes,
  };
}
