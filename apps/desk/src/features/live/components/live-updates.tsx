import { useLiveUpdates } from '../hooks/use-live-updates';

/** Mounted once inside the session: listens for change notices while someone is signed in. */
export function LiveUpdates() {
  useLiveUpdates();
  return null;
}
