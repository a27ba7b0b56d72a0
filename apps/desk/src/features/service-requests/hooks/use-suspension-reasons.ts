import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_SUSPENSION_REASONS, PARAMETERS_CODE } from '../suspension/default-suspension-reasons';
import { useMasterRecord } from './use-master-record';

export interface SuspensionReason {
  code: string;
  label: string;
}

const DEFAULT_LABELS = new Map(DEFAULT_SUSPENSION_REASONS.map((reason) => [reason.code, reason.label]));

const isReasonList = (value: unknown): value is SuspensionReason[] =>
  Array.isArray(value) &&
  value.length > 0 &&
  value.every(
    (reason) =>
      typeof reason === 'object' &&
      reason !== null &&
      typeof (reason as SuspensionReason).code === 'string' &&
      typeof (reason as SuspensionReason).label === 'string',
  );

/**
 * The organisation's reasons for putting a request on hold (parameter `suspensionReasons`; the
 * contracts name those that pause their SLA clocks). Read from the parameters record when the desk
 * can; otherwise, or while it loads, the default codes. A default reason still carrying its default
 * (English) label is said in the user's language; a label the organisation wrote is kept as written.
 */
export function useSuspensionReasons(): SuspensionReason[] {
  const { t } = useTranslation('serviceRequests');
  const parameters = useMasterRecord('parameters', PARAMETERS_CODE);
  const listed = parameters.data?.record['suspensionReasons'];
  return useMemo(
    () =>
      (isReasonList(listed) ? listed : DEFAULT_SUSPENSION_REASONS).map((reason) => ({
        code: reason.code,
        label:
          DEFAULT_LABELS.get(reason.code) === reason.label
            ? t(`suspensionReasons.${reason.code}`, { defaultValue: reason.label })
            : reason.label,
      })),
    [listed, t],
  );
}
