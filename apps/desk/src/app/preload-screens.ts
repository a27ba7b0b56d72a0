import { matchRoutes, type RouteObject } from 'react-router';
import type { LazyScreenHandle } from '../shared/components/lazy-screen';

const isLazyScreenHandle = (handle: unknown): handle is LazyScreenHandle =>
  typeof handle === 'object' && handle !== null && 'preloadScreen' in handle;

/**
 * Starts fetching the code of the lazy screens `location` shows, so the first screen's chunk
 * downloads while React is still rendering the frame rather than after.
 */
export function preloadScreens(routes: RouteObject[], location: string): void {
  for (const { route } of matchRoutes(routes, location) ?? []) {
    if (isLazyScreenHandle(route.handle)) route.handle.preloadScreen();
  }
}
