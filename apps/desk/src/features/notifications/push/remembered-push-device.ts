export interface RememberedPushDevice {
  endpoint: string;
  deviceId: string;
}

const keyOf = (userId: string) => `fieldstream.push-device.${userId}`;

/**
 * Which registered device is this browser, for each user who turned push on here. The API's list
 * names devices without their endpoints (an endpoint is a capability: whoever has it can push),
 * so the browser keeps the id the API gave its subscription. It is "this device" while the
 * browser's current endpoint is still the one remembered and the API still lists the id.
 */
export const rememberedPushDevice = {
  read(userId: string): RememberedPushDevice | null {
    try {
      const value = JSON.parse(localStorage.getItem(keyOf(userId)) ?? 'null') as unknown;
      const record = value as Partial<RememberedPushDevice> | null;
      return typeof record?.endpoint === 'string' && typeof record.deviceId === 'string'
        ? { endpoint: record.endpoint, deviceId: record.deviceId }
        : null;
    } catch {
      return null;
    }
  },
  write(userId: string, device: RememberedPushDevice): void {
    localStorage.setItem(keyOf(userId), JSON.stringify(device));
  },
  forget(userId: string): void {
    localStorage.removeItem(keyOf(userId));
  },
};
