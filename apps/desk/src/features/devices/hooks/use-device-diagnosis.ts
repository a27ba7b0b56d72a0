import { deviceDiagnosisSchema } from '@fieldstream/api-contract';
import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../auth/hooks/use-api';
import { devicePaths } from '../api/device-paths';
import { deviceKeys } from '../api/device-query-keys';

/** An asset's device as the read model has it: refetched when the `devices` live notice says so. */
export function useDeviceDiagnosis(assetCode: string) {
  const api = useApi();
  return useQuery({
    queryKey: deviceKeys.diagnosis(assetCode),
    queryFn: ({ signal }) => api(devicePaths.diagnosis(assetCode), { signal, schema: deviceDiagnosisSchema }),
  });
}
