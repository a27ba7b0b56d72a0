import { useEffect, useRef } from 'react';

export type ShortcutKey = 'n' | '/' | 'j' | 'k' | 'Enter' | '?';
export type ShortcutHandlers = Partial<Record<ShortcutKey, (event: KeyboardEvent) => void>>;

/** Typing a `j` in a search box is typing, not a command. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) return true;
  const role = target.getAttribute('role');
  return role === 'combobox' || role === 'textbox' || role === 'listbox';
}

/** Links and buttons handle Enter themselves; a second handler would act twice. */
const isActivatable = (target: EventTarget | null) =>
  target instanceof HTMLElement && target.closest('a, button, [role="button"], summary') !== null;

/**
 * Single-key shortcuts on the whole page, as mail and issue trackers have them. Off while the user
 * types, while a dialog is open (its own keys win) and with Ctrl, Alt or Cmd held (the browser's).
 */
export function useKeyboardShortcuts(handlers: ShortcutHandlers): void {
  const current = useRef(handlers);
  useEffect(() => {
    current.current = handlers;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTyping(event.target)) return;
      if (document.querySelector('[role="dialog"][aria-modal="true"], [role="dialog"] [aria-modal="true"]'))
        return;
      const key = event.key as ShortcutKey;
      const handler = current.current[key];
      if (!handler) return;
      if (key === 'Enter' && isActivatable(event.target)) return;
      event.preventDefault();
      handler(event);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}
