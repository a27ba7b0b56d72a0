/**
 * Devices for the demo: some of the demo's assets talk to the system over MQTT as their gateways
 * would (heartbeats, statuses with readings, now and then a fault code of their model that clears
 * a few minutes later), or one asset bursts into an alarm storm.
 *
 *   npm run devices                          # 10 assets talking until Ctrl-C
 *   npm run devices -- --assets 25
 *   npm run devices -- --storm SN-... [--count 10000] [--code E-104]
 *
 * Reads the assets and their models' fault codes from the read models of DATA_DIR (./data), and
 * publishes to MQTT_URL (mqtt://127.0.0.1:1883) under MQTT_TOPIC_PREFIX (fieldstream/v1).
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type MasterDataDocument, masterDataCollection } from '@fieldstream/projections';
import { openSqliteReadStore } from '@fieldstream/read-store-sqlite';
import mqtt, { type MqttClient } from 'mqtt';

type SimulatedAsset = { code: string; faults: string[]; temperature: number; fault?: string };

const { values } = parseArgs({
  options: {
    assets: { type: 'string', default: '10' },
    storm: { type: 'string' },
    count: { type: 'string', default: '10000' },
    code: { type: 'string' },
    'heartbeat-seconds': { type: 'string', default: '30' },
  },
});
const url = process.env['MQTT_URL'] ?? 'mqtt://127.0.0.1:1883';
const prefix = process.env['MQTT_TOPIC_PREFIX'] ?? 'fieldstream/v1';
const dataDir = resolve(process.env['DATA_DIR'] ?? './data');
const say = (text: string) => process.stdout.write(`${new Date().toISOString().slice(11, 19)} ${text}\n`);

async function demoAssets(limit: number, only?: string): Promise<SimulatedAsset[]> {
  const reads = await openSqliteReadStore({ file: join(dataDir, 'read-models.sqlite') });
  try {
    const assets = await reads
      .collection<MasterDataDocument>(masterDataCollection('asset'))
      .find(only ? { _id: only } : { status: 'active' }, { sort: { _id: 1 }, limit });
    const conditions = await reads
      .collection<MasterDataDocument>(masterDataCollection('condition'))
      .find({ status: 'active', 'record.precision': 'precise' });
    return assets.map((asset) => ({
      code: asset.code,
      faults: conditions
        .filter((c) =>
          ((c.record['modelCodes'] as string[]) ?? []).includes(String(asset.record['modelCode'])),
        )
        .map((c) => String(c.record['deviceCode'])),
      temperature: 60 + Math.random() * 15,
    }));
  } finally {
    await reads.close();
  }
}

const publish = (client: MqttClient, asset: string, kind: string, payload: object) =>
  client.publishAsync(`${prefix}/assets/${asset}/${kind}`, JSON.stringify(payload), { qos: 1 });

async function storm(client: MqttClient, assetCode: string): Promise<void> {
  const [asset] = await demoAssets(1, assetCode);
  if (!asset) throw new Error(`No asset ${assetCode} in ${dataDir}`);
  const code = values.code ?? asset.faults[0];
  if (!code) throw new Error(`${assetCode}'s model sends no fault code the catalogue knows: pass --code`);
  const count = Number(values.count);
  say(`Storm: ${count} × ${code} from ${assetCode}...`);
  const started = Date.now();
  const payload = { code, severity: 'critical', message: 'Simulated alarm storm' };
  for (let sent = 0; sent < count; sent += 500) {
    await Promise.all(
      Array.from({ length: Math.min(500, count - sent) }, () =>
        publish(client, assetCode, 'anomaly', payload),
      ),
    );
    say(`  ${Math.min(sent + 500, count)} / ${count} sent`);
  }
  say(
    `Sent ${count} alarms in ${((Date.now() - started) / 1000).toFixed(1)} s: the desk shows one request for ${assetCode}.`,
  );
}

async function live(client: MqttClient): Promise<void> {
  const assets = await demoAssets(Number(values.assets));
  if (assets.length === 0) throw new Error(`No assets in ${dataDir}: start the demo once first (npm start)`);
  say(`${assets.length} devices talking to ${url} under ${prefix}: ${assets.map((a) => a.code).join(', ')}`);
  const beat = async () => {
    for (const asset of assets) await publish(client, asset.code, 'heartbeat', { firmware: '2.4.1' });
  };
  const report = async () => {
    for (const asset of assets) {
      asset.temperature += (Math.random() - 0.5) * 2;
      await publish(client, asset.code, 'status', {
        state: asset.fault ? 'fault' : 'running',
        values: { temperature: Number(asset.temperature.toFixed(1)), pumpOn: !asset.fault },
      });
    }
  };
  // Now and then one device faults with one of its model's codes, and clears it a while later.
  const trouble = async () => {
    const healthy = assets.filter((a) => !a.fault && a.faults.length > 0);
    const asset = healthy[Math.floor(Math.random() * healthy.length)];
    if (!asset) return;
    const code = asset.faults[Math.floor(Math.random() * asset.faults.length)]!;
    asset.fault = code;
    await publish(client, asset.code, 'anomaly', { code, severity: 'warning', message: 'Simulated fault' });
    say(`${asset.code} raised ${code}`);
    setTimeout(
      () => {
        asset.fault = undefined;
        void publish(client, asset.code, 'cleared', { code }).then(() =>
          say(`${asset.code} cleared ${code}`),
        );
      },
      (2 + Math.random() * 3) * 60_000,
    );
  };
  await beat();
  await report();
  const seconds = Number(values['heartbeat-seconds']) * 1000;
  setInterval(() => void beat(), seconds);
  setInterval(() => void report(), 2 * seconds);
  setInterval(() => void trouble(), 4 * seconds);
  await new Promise(() => undefined);
}

async function main(): Promise<void> {
  const client = await mqtt.connectAsync(url, {
    clientId: `fieldstream-simulator-${process.pid}`,
    clean: true,
  });
  process.on('SIGINT', () => void client.endAsync().then(() => process.exit(0)));
  try {
    if (values.storm) await storm(client, values.storm);
    else await live(client);
  } finally {
    await client.endAsync();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
