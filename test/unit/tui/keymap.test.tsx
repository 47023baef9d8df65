import React, { useState } from 'react';
import { Text } from 'ink';
import { describe, expect, it, vi } from 'vitest';
import { HelpOverlay } from '../../../src/tui/components/HelpOverlay.js';
import { useRawInput } from '../../../src/tui/hooks/useRawInput.js';
import { keyNameOf } from '../../../src/tui/input/keys.js';
import {
  KEYMAP,
  SCOPE_ORDER,
  keyLabel,
  resolveKey,
  type KeyScope,
} from '../../../src/tui/keymap.js';
import { t } from '../../../src/i18n/index.js';
import { en } from '../../../src/i18n/en.js';
import { KEY, plain, renderTui, tick, waitForFrame } from './helpers.js';

describe('keymap', () => {
  it('gives every key one meaning per scope (global keys included where they apply)', () => {
    for (const scope of SCOPE_ORDER) {
      const seen = new Map<string, string>();
      const modal = scope === 'confirm' || scope === 'help' || scope === 'pane';
      const own = KEYMAP.filter((b) => b.scope === scope);
      const global =
        scope === 'global' || scope === 'pane'
          ? []
          : KEYMAP.filter((b) => b.scope === 'global' && (!modal || b.action === 'quit'));
      for (const b of [...own, ...global]) {
        for (const k of b.keys) {
          expect(seen.get(k) ?? b.action, `${scope}: ${k}`).toBe(b.action);
          seen.set(k, b.action);
        }
      }
    }
  });

  it('has an English text for every binding', () => {
    for (const b of KEYMAP) expect(en[b.description], b.description).toBeTypeOf('string');
  });

  it('resolves keys by scope; the pane only knows its toggle', () => {
    expect(resolveKey('home', 'j')).toBe('down');
    expect(resolveKey('lesson', 'j')).toBe('scrollDown');
    expect(resolveKey('lesson', 'q')).toBeUndefined();
    expect(resolveKey('home', 'q')).toBe('quit');
    expect(resolveKey('lesson', 'ctrl+c')).toBe('quit');
    expect(resolveKey('confirm', 'n')).toBe('no');
    expect(resolveKey('confirm', 'h')).toBeUndefined();
    expect(resolveKey('confirm', '?')).toBeUndefined();
    expect(resolveKey('pane', 'ctrl+]')).toBe('togglePane');
    expect(resolveKey('pane', 'ctrl+c')).toBeUndefined();
  });

  it('names keys from the bytes the terminal sends', () => {
    expect(keyNameOf('\x1b[A')).toBe('up');
    expect(keyNameOf('\x1bOB')).toBe('down');
    expect(keyNameOf('\x03')).toBe('ctrl+c');
    expect(keyNameOf('\x1d')).toBe('ctrl+]');
    expect(keyNameOf('\x1b')).toBe('escape');
    expect(keyNameOf('G')).toBe('G');
    expect(keyNameOf(' ')).toBe('space');
    expect(keyNameOf('\r')).toBe('enter');
    expect(keyNameOf('\x1b[5~')).toBe('pageup');
    expect(keyNameOf('\x1b[6;2~')).toBe('shift+pagedown');
    expect(keyNameOf('\x1b[1;2A')).toBe('shift+up');
    expect(keyNameOf('\x1b[Z')).toBe('shift+tab');
    expect(keyNameOf('\x7f')).toBe('backspace');
    expect(keyLabel('ctrl+]')).toBe('Ctrl-]');
    expect(keyLabel('pagedown')).toBe('PgDn');
  });
});

describe('HelpOverlay', () => {
  it('lists every keymap entry: its keys and what it does, by scope', () => {
    const r = renderTui(<HelpOverlay width={100} />);
    const text = plain(r.lastFrame());
    for (const scope of SCOPE_ORDER)
      expect(text).toContain(t(`tui.help.scope.${scope as KeyScope}`).slice(0, 40));
    const lines = text.split('\n');
    for (const b of KEYMAP) {
      const keys = b.keys.map(keyLabel).join(' / ');
      expect(
        lines.some((l) => l.includes(keys) && l.includes(t(b.description).slice(0, 30))),
        `${b.scope}/${b.action}: ${keys} ${t(b.description)}`,
      ).toBe(true);
    }
  });
});

function Pane(props: { onData: (s: string) => void; onPaste: (s: string) => void }) {
  const [focused, setFocused] = useState(true);
  useRawInput({
    paneFocused: focused,
    onData: props.onData,
    onPaste: props.onPaste,
    onToggle: () => setFocused((f) => !f),
  });
  return <Text>{focused ? 'pane' : 'lesson'}</Text>;
}

describe('useRawInput', () => {
  it('forwards raw keys (arrows, Esc, Ctrl-C, Tab) while focused, and Ctrl-] leaves', async () => {
    const onData = vi.fn();
    const onPaste = vi.fn();
    const r = renderTui(<Pane onData={onData} onPaste={onPaste} />);
    await tick();
    for (const k of [KEY.up, '\x1bOB', KEY.ctrlC, '\t', 'ls -l\r', '\x1b[15~']) {
      r.stdin.write(k);
      await tick();
    }
    r.stdin.write(KEY.escape);
    await vi.waitFor(() => expect(onData.mock.calls.length).toBeGreaterThanOrEqual(12));
    // One call per key, in order (a run of text is cut into its keys).
    expect(onData.mock.calls.map((c) => c[0])).toEqual([
      KEY.up,
      '\x1bOB',
      KEY.ctrlC,
      '\t',
      ...'ls -l\r',
      '\x1b[15~',
      KEY.escape,
    ]);
    r.stdin.write(KEY.toggle);
    await waitForFrame(r, (f) => f === 'lesson');
    r.stdin.write('x');
    await tick();
    expect(onData).toHaveBeenCalledTimes(12);
  });

  it('hands a bracketed paste over as one paste', async () => {
    const onData = vi.fn();
    const onPaste = vi.fn();
    const r = renderTui(<Pane onData={onData} onPaste={onPaste} />);
    await tick();
    r.stdin.write('\x1b[200~echo one\recho two\x1b[201~');
    await vi.waitFor(() => expect(onPaste).toHaveBeenCalledWith('echo one\recho two'));
    expect(onData).not.toHaveBeenCalled();
  });
});
