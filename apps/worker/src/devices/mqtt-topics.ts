import { DEVICE_SIGNAL_KINDS, type DeviceSignalKind } from '@fieldstream/domain';

/**
 * The topic scheme: `<prefix>/assets/<assetCode>/<kind>`, kind one of the signal kinds. One level
 * per asset lets a broker's ACL give each device its own branch (pattern `<prefix>/assets/%u/#`
 * with the asset code as the device's user name).
 */
export function subscriptionOf(prefix: string, sharedGroup: string | null): string {
  const topic = `${prefix}/assets/+/+`;
  return sharedGroup ? `$share/${sharedGroup}/${topic}` : topic;
}

/** The asset and kind a topic names, or why it names none. */
export function parseTopic(
  prefix: string,
  topic: string,
): { assetCode: string; kind: DeviceSignalKind } | { error: string } {
  if (!topic.startsWith(`${prefix}/assets/`)) return { error: `not under ${prefix}/assets/` };
  const [assetCode, kind, ...rest] = topic.slice(prefix.length + '/assets/'.length).split('/');
  if (!assetCode || !kind || rest.length > 0) return { error: 'expected <prefix>/assets/<assetCode>/<kind>' };
  if (!(DEVICE_SIGNAL_KINDS as readonly string[]).includes(kind))
    return { error: `unknown kind ${kind}; one of ${DEVICE_SIGNAL_KINDS.join(', ')}` };
  return { assetCode, kind: kind as DeviceSignalKind };
}

/** Where the worker says why it refused a message: the device (or its gateway) may listen. */
export const rejectedTopicOf = (prefix: string, assetCode: string) =>
  `${prefix}/assets/${assetCode}/rejected`;
