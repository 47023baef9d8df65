import { useLayoutEffect, useRef } from 'react';
import { useStdin } from 'ink';
import { keyBusFor, type KeyBus, type KeyHandler } from '../input/key-bus.js';
import { resolveKey, type Action, type KeyScope } from '../keymap.js';

/**
 * The app's key bus (see KeyBus), with the terminal in raw mode while the caller is mounted.
 * App calls it first, so keys typed before any screen listens are read and kept for it.
 */
export function useKeyBus(): KeyBus {
  const { internal_eventEmitter: events, setRawMode, isRawModeSupported } = useStdin();
  const bus = keyBusFor(events);
  useLayoutEffect(() => {
    if (!isRawModeSupported) return;
    setRawMode(true);
    return () => setRawMode(false);
  }, [isRawModeSupported, setRawMode]);
  return bus;
}

/**
 * Every key, one at a time, while active. Subscribed in a layout effect: a key that changes the
 * screen re-renders it synchronously, so the next key of the same burst reaches the new screen.
 */
export function useKeyPress(handler: KeyHandler, isActive = true, first = false): void {
  const bus = useKeyBus();
  const ref = useRef(handler);
  ref.current = handler;
  useLayoutEffect(() => {
    if (!isActive) return;
    return bus.subscribe((k) => ref.current(k), { first });
  }, [bus, isActive, first]);
}

/** Keys of one keymap scope, delivered as actions. Inactive while another part owns the keyboard. */
export function useKeys(
  scope: KeyScope,
  onAction: (action: Action, name: string) => void,
  isActive = true,
): void {
  useKeyPress((key) => {
    if (key.paste) return;
    const action = resolveKey(scope, key.name);
    if (action) onAction(action, key.name);
  }, isActive);
}
