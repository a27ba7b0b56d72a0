import { type ComponentType, lazy, type ReactElement, Suspense, useState } from 'react';
import { ScreenLoading } from './screen-loading';

/** A lazy screen's route `handle`: starts fetching its code ahead of rendering it. */
export interface LazyScreenHandle {
  preloadScreen(): void;
}

/**
 * A route's `element` (and `handle`) for a screen fetched on its first visit, so the desk's first
 * load carries only the sign-in page, the frame and the home page. Spread it into the route with a
 * function that imports the screen's module, e.g.
 * `{ path: 'map', ...lazyScreen(async () => (await import('./components/map-page')).MapPage) }`.
 *
 * The router stays synchronous (the location changes at once); only the screen waits for its code,
 * with a status in its place inside the frame. Once fetched, the screen renders straight away on
 * every later visit. A fetch that failed (a network blip, a release that replaced the chunks) is
 * tried again on the next visit instead of failing for the rest of the session.
 */
export function lazyScreen(load: () => Promise<ComponentType>): {
  element: ReactElement;
  handle: LazyScreenHandle;
} {
  let loaded: ComponentType | undefined;
  let loading: Promise<ComponentType> | undefined;
  const fetchScreen = () =>
    (loading ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    ));
  // A failed preload is not an error yet: rendering the screen tries again and reports it.
  const preloadScreen = () => void fetchScreen().catch(() => undefined);
  // Jest has no chunks to wait for: requiring every screen up front, as the routes did before they
  // were split, keeps the tests' renders synchronous. Vite replaces NODE_ENV, so builds drop this.
  if (process.env.NODE_ENV === 'test') preloadScreen();

  function LazyScreen() {
    // Chosen once per visit, so the screen is never swapped (and remounted) under the user.
    const [Screen] = useState(() => loaded ?? lazy(async () => ({ default: await fetchScreen() })));
    return (
      <Suspense fallback={<ScreenLoading />}>
        <Screen />
      </Suspense>
    );
  }
  return { element: <LazyScreen />, handle: { preloadScreen } };
}
