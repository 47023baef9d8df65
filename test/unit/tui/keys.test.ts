import { describe, expect, it } from 'vitest';
import { KeyBus } from '../../../src/tui/input/key-bus.js';
import { KeySplitter, splitKeys } from '../../../src/tui/input/keys.js';

describe('splitKeys', () => {
  it('cuts a burst into its keys, escape sequences whole', () => {
    expect(splitKeys('jjj\r')).toEqual(['j', 'j', 'j', '\r']);
    expect(splitKeys('\x1b[B\x1b[B\r')).toEqual(['\x1b[B', '\x1b[B', '\r']);
    expect(splitKeys('a\x1b[6;2~b\x1bOAc')).toEqual(['a', '\x1b[6;2~', 'b', '\x1bOA', 'c']);
    expect(splitKeys('\x1bx\x1b')).toEqual(['\x1bx', '\x1b']);
    expect(splitKeys('中😀\r\n')).toEqual(['中', '😀', '\r\n']);
  });
});

describe('KeySplitter', () => {
  it('keeps a bracketed paste together across events', () => {
    const s = new KeySplitter();
    expect(s.push('a\x1b[200~echo one\r')).toEqual([{ raw: 'a', name: 'a' }]);
    expect(s.push('echo two\x1b[201~b')).toEqual([
      { raw: 'echo one\recho two', name: 'paste', paste: true },
      { raw: 'b', name: 'b' },
    ]);
  });
});

describe('KeyBus', () => {
  it('delivers every key of a burst, in order, to the handlers listening at that key', () => {
    const bus = new KeyBus();
    const home: string[] = [];
    const lesson: string[] = [];
    let offHome = () => {};
    const onHome = (k: { name: string }) => {
      home.push(k.name);
      // Enter opens a lesson: the list goes away and the lesson listens (as a commit would do).
      if (k.name === 'enter') {
        offHome();
        bus.subscribe((l) => void lesson.push(l.name));
      }
    };
    offHome = bus.subscribe(onHome);
    bus.push('jjj\rnn');
    expect(home).toEqual(['j', 'j', 'j', 'enter']);
    expect(lesson).toEqual(['n', 'n']);
  });

  it('keeps keys that come before anyone listens, and delivers them to the first listener', async () => {
    const bus = new KeyBus();
    bus.push('\x1b[B\x1b[B');
    bus.push('\r');
    expect(bus.pending).toBe(3);
    const seen: string[] = [];
    bus.subscribe((k) => void seen.push(k.name));
    await Promise.resolve();
    expect(seen).toEqual(['down', 'down', 'enter']);
    expect(bus.pending).toBe(0);
  });

  it('stops a key at the handler that takes it (the focused shell pane goes first)', () => {
    const bus = new KeyBus();
    const lesson: string[] = [];
    const shell: string[] = [];
    let focus: 'lesson' | 'pane' = 'lesson';
    bus.subscribe((k) => {
      lesson.push(k.name);
      if (k.name === 'ctrl+]') focus = 'pane';
    });
    bus.subscribe(
      (k) => {
        if (focus !== 'pane') return false;
        shell.push(k.raw);
        return true;
      },
      { first: true },
    );
    bus.push('j\x1dls\r');
    expect(lesson).toEqual(['j', 'ctrl+]']);
    expect(shell).toEqual(['l', 's', '\r']);
  });
});

describe('KeyBus deferring', () => {
  it('keeps keys a screen defers (the start screen) for the next one, in order', async () => {
    const bus = new KeyBus();
    const quit: string[] = [];
    const off = bus.subscribe((k) => {
      if (k.name !== 'q') return 'defer';
      quit.push(k.name);
      return true;
    });
    bus.push('jj\r');
    expect(bus.pending).toBe(3);
    off();
    const list: string[] = [];
    bus.subscribe((k) => void list.push(k.name));
    await Promise.resolve();
    expect(list).toEqual(['j', 'j', 'enter']);
    expect(quit).toEqual([]);
  });
});
