import { act } from '@testing-library/react';

/**
 * Makes the browser report being on- or offline, as it does when the signal drops: the
 * `navigator.onLine` flag and the window event. jsdom has no network of its own to lose.
 */
export function setOnline(online: boolean): void {
  act(() => {
    Object.defineProperty(window.navigator, 'onLine', { configurable: true, get: () => online });
    window.dispatchEvent(new Event(online ? 'online' : 'offline'));
  });
}
