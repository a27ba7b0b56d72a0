import { meterReadingAnswerSchema, type MeterReadingBody } from '@fieldstream/api-contract';
import { useMutation } from '@tanstack/react-query';
import { useApi } from '../../auth/hooks/use-api';
import { preventivePaths } from '../api/preventive-paths';

/**
 * Records one reading of one of an asset's meters, at the server's "now" (no `at`: the phone's
 * clock may be wrong, and a reading dated ahead would make every later one "go back").
 */
export function useRecordMeterReading(assetCode: string) {
  const api = useApi();
  return useMutation({
    networkMode: 'always',
    mutationFn: (reading: Omit<MeterReadingBody, 'at'>) =>
      api(preventivePaths.meterReadings(assetCode), {
        method: 'POST',
        body: reading,
        schema: meterReadingAnswerSchema,
      }),
  });
}
