/**
 * The server's VAPID public key (base64url, as the API gives it) as the bytes `subscribe()` takes:
 * every browser accepts bytes, not every one a string.
 */
export function applicationServerKeyOf(publicKey: string): Uint8Array<ArrayBuffer> {
  const base64 = publicKey.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}
