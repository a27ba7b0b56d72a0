import type { DeviceDiagnosis } from '@fieldstream/api-contract';
import type { Principal } from '@fieldstream/domain';
import { DEVICES_COLLECTION, type DeviceDocument } from '@fieldstream/projections';
import type { ReadStore } from '@fieldstream/read-store';
import type { MasterDataService } from '../master-data/master-data.service';

/** An asset's device for whoever may read the asset (404 otherwise, as for a missing asset). */
export class DeviceQueries {
  constructor(
    private readonly reads: ReadStore,
    private readonly masterData: MasterDataService,
  ) {}

  async diagnosis(principal: Principal, assetCode: string): Promise<DeviceDiagnosis> {
    const asset = await this.masterData.get(principal, 'assets', assetCode);
    const device = await this.reads.collection<DeviceDocument>(DEVICES_COLLECTION).get(assetCode);
    const heartbeat = asset.record['heartbeatMinutes'];
    return {
      assetCode,
      connected: !!device,
      heartbeatMinutes: typeof heartbeat === 'number' ? heartbeat : null,
      presence: !device
        ? 'unknown'
        : device.silentSince
          ? 'silent'
          : device.lastSeenAt
            ? 'online'
            : 'unknown',
      lastSeenAt: device?.lastSeenAt ?? null,
      silentSince: device?.silentSince ?? null,
      firmware: device?.firmware ?? null,
      status: device?.status ?? null,
      activeAnomalies: device?.activeAnomalies ?? [],
      requestId: device?.requestId ?? null,
      recent: device?.recent ?? [],
    };
  }
}
