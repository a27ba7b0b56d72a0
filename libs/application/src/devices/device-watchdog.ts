import { deviceDecider, deviceStreamName, silenceDueAt } from '@fieldstream/domain';
import type { EventStore } from '@fieldstream/event-store';
import { type MasterDataDocument, masterDataCollection } from '@fieldstream/projections';
import type { ReadStore } from '@fieldstream/read-store';
import { systemContext } from '../commands/command-context';
import { executeCommand, loadStream } from '../commands/execute-command';

/**
 * Notices devices that stopped talking: every asset whose record says how often its device
 * reports (`heartbeatMinutes`) and that has spoken at least once is checked, and one silent for
 * longer than that (plus the slack of heartbeats recorded every few minutes) is reported silent —
 * once; any signal it sends afterwards says it is back. Run every minute by the worker.
 */
export class DeviceWatchdog {
  constructor(
    private readonly events: EventStore,
    private readonly reads: ReadStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Reports the silent devices; answers how many were checked and which went silent now. */
  async run(): Promise<{ checked: number; silent: string[] }> {
    const monitored = await this.reads
      .collection<MasterDataDocument>(masterDataCollection('asset'))
      .find({ status: 'active', 'record.heartbeatMinutes': { $gt: 0 } }, { projection: { searchTerms: 0 } });
    const silent: string[] = [];
    const now = this.now();
    for (const asset of monitored) {
      const expectedMinutes = Number(asset.record['heartbeatMinutes']);
      const stream = deviceStreamName(asset.code);
      const { state } = await loadStream(this.events, stream, deviceDecider);
      const due = silenceDueAt(state, expectedMinutes);
      if (due === undefined || due > now.getTime()) continue;
      const outcome = await executeCommand(
        this.events,
        stream,
        deviceDecider,
        { type: 'reportSilence', assetCode: asset.code, at: now.toISOString(), expectedMinutes },
        systemContext(now.toISOString(), `device-watchdog-${asset.code}`),
      );
      if (outcome.events.length > 0) silent.push(asset.code);
    }
    return { checked: monitored.length, silent };
  }
}
