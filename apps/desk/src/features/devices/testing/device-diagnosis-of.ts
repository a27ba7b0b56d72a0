import type { DeviceDiagnosis } from '@fieldstream/api-contract';

/**
 * An asset's device as the API would answer it: a boiler online, in fault, raising E104 (critical,
 * repeated five times), watched every 15 minutes, its trouble followed on `requestId`.
 */
export function deviceDiagnosisOf(
  assetCode: string,
  requestId: string | null,
  over: Partial<DeviceDiagnosis> = {},
): DeviceDiagnosis {
  return {
    assetCode,
    connected: true,
    heartbeatMinutes: 15,
    presence: 'online',
    lastSeenAt: '2026-11-27T08:55:00.000Z',
    silentSince: null,
    firmware: '2.4.1',
    status: {
      state: 'fault',
      values: { flowTemperature: 92.5, pressureBar: 1.25, pumpOn: false, mode: 'winter' },
      at: '2026-11-27T08:40:00.000Z',
    },
    activeAnomalies: [
      {
        code: 'E104',
        since: '2026-11-27T08:30:00.000Z',
        lastAt: '2026-11-27T08:55:00.000Z',
        repeats: 5,
        severity: 'critical',
        message: 'Burner lockout',
      },
    ],
    requestId,
    recent: [
      { type: 'DeviceAnomalyRepeated', at: '2026-11-27T08:55:00.000Z', code: 'E104', count: 5 },
      {
        type: 'DeviceStatusReported',
        at: '2026-11-27T08:40:00.000Z',
        state: 'fault',
        values: { flowTemperature: 92.5, pressureBar: 1.25, pumpOn: false, mode: 'winter' },
      },
      ...(requestId ? [{ type: 'DeviceRequestLinked', at: '2026-11-27T08:30:01.000Z', requestId }] : []),
      {
        type: 'DeviceAnomalyRaised',
        at: '2026-11-27T08:30:00.000Z',
        code: 'E104',
        severity: 'critical',
        count: 1,
        message: 'Burner lockout',
      },
    ],
    ...over,
  };
}
