import type { EventEmitter } from 'node:events';
import { KeySplitter, type KeyPress } from './keys.js';

/**
 * Takes a key; returns true when it took it for itself (the handlers after it do not see it), or
 * 'defer' to leave it for the next screen (a screen that only takes a few keys, like the start).
 */
export type KeyHandler = (key: KeyPress) => boolean | 'defer' | void;

/** Keys kept while nobody listens (typed before the first screen that takes keys). */
const MAX_QUEUED = 1000;

/**
 * Every key of the TUI, one at a time and in order, to the handlers listening at that moment.
 *
 * A handler that changes the screen re-renders synchronously (Ink's legacy root) and the hooks
 * subscribe in layout effects, so the key after it already reaches the new screen's handlers.
 * Keys that arrive while no handler listens, or that every listener defers (the start screen
 * takes only q), wait in a queue and are delivered, in order, when the next handler subscribes.
 */
export class KeyBus {
  private readonly splitter = new KeySplitter();
  private handlers: KeyHandler[] = [];
  private readonly queue: KeyPress[] = [];
  /** Keys every listener deferred: queued again, first, when the next handler subscribes. */
  private deferred: KeyPress[] = [];
  private draining = false;
  private drainSoon = false;

  /** One input event (a chunk of stdin as Ink's parser cut it). */
  push(raw: string): void {
    for (const key of this.splitter.push(raw)) {
      if (this.queue.length < MAX_QUEUED) this.queue.push(key);
    }
    this.drain();
  }

  /** Listen; `first` puts the handler ahead of the others (the shell pane, which may take keys). */
  subscribe(handler: KeyHandler, opts: { first?: boolean } = {}): () => void {
    this.handlers = opts.first ? [handler, ...this.handlers] : [...this.handlers, handler];
    if (this.deferred.length) {
      this.queue.unshift(...this.deferred);
      this.deferred = [];
    }
    // After the commit that subscribed, so every hook of the new screen is listening.
    if (this.queue.length && !this.drainSoon) {
      this.drainSoon = true;
      queueMicrotask(() => {
        this.drainSoon = false;
        this.drain();
      });
    }
    return () => {
      this.handlers = this.handlers.filter((h) => h !== handler);
    };
  }

  /** Keys waiting for a listener (deferred ones included). */
  get pending(): number {
    return this.queue.length + this.deferred.length;
  }

  private drain(): void {
    if (this.draining) return;
    this.draining = true;
    try {
      while (this.queue.length && this.handlers.length) {
        const key = this.queue.shift()!;
        let defer = false;
        for (const h of this.handlers) {
          // A handler removed by an earlier one's key (its screen went away) no longer hears.
          if (!this.handlers.includes(h)) continue;
          const r = h(key);
          if (r === true) {
            defer = false;
            break;
          }
          if (r === 'defer') defer = true;
        }
        if (defer && this.deferred.length < MAX_QUEUED) this.deferred.push(key);
      }
    } finally {
      this.draining = false;
    }
  }
}

const buses = new WeakMap<EventEmitter, KeyBus>();

/** The bus of one Ink app, fed by Ink's input events (created on first use). */
export function keyBusFor(events: EventEmitter): KeyBus {
  let bus = buses.get(events);
  if (!bus) {
    const created = new KeyBus();
    events.on('input', (raw: string) => created.push(raw));
    buses.set(events, created);
    bus = created;
  }
  return bus;
}
