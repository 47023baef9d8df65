import { PANE_TOGGLE_KEY, PANE_TOGGLE_RAW } from '../keymap.js';

/**
 * Keys from raw terminal input, pure. Ink's parser splits stdin at escape sequences only: a run
 * of plain bytes (`jjj\r`, typed fast, or read in one go on a busy machine) comes as ONE event,
 * and Ink's useInput reports that as one unknown key, so every key in the burst was lost. Here
 * each event is cut into single keys, and each key gets a stable name for the keymap.
 */

export const PASTE_START = '\x1b[200~';
export const PASTE_END = '\x1b[201~';

/** One key as typed: its bytes (for the shell) and its name (for the keymap). */
export interface KeyPress {
  raw: string;
  name: string;
  /** A bracketed paste: `raw` is the pasted text, unwrapped. */
  paste?: boolean;
}

/**
 * Cut one input event into keys: an escape sequence stays whole (`\x1b[5;2~`, `\x1bOA`, Alt-x as
 * `\x1bx`); anything else is one key per character (a surrogate pair or `\r\n` stays one key).
 */
export function splitKeys(raw: string): string[] {
  const keys: string[] = [];
  let i = 0;
  while (i < raw.length) {
    const ch = raw[i]!;
    if (ch === '\x1b') {
      const m = /^\x1b(?:\[\[?[0-?]*[ -/]*[@-~]|O.|\x1b\[[0-?]*[ -/]*[@-~]|[^])?/.exec(
        raw.slice(i),
      );
      const seq = m?.[0] ?? ch;
      keys.push(seq);
      i += seq.length;
      continue;
    }
    if (ch === '\r' && raw[i + 1] === '\n') {
      keys.push('\r\n');
      i += 2;
      continue;
    }
    const cp = raw.codePointAt(i)!;
    const len = cp > 0xffff ? 2 : 1;
    keys.push(raw.slice(i, i + len));
    i += len;
  }
  return keys;
}

const CSI_NAMES: Record<string, string> = {
  A: 'up',
  B: 'down',
  C: 'right',
  D: 'left',
  H: 'home',
  F: 'end',
  Z: 'shift+tab',
};
const TILDE_NAMES: Record<string, string> = {
  '1': 'home',
  '2': 'insert',
  '3': 'delete',
  '4': 'end',
  '5': 'pageup',
  '6': 'pagedown',
  '7': 'home',
  '8': 'end',
};

/** Modifier prefix of an xterm modifier parameter (2 shift, 3 alt, 5 ctrl, …). */
function modifiers(param: string | undefined): string {
  const n = Number(param ?? '1') - 1;
  if (!(n > 0)) return '';
  return `${n & 4 ? 'ctrl+' : ''}${n & 2 ? 'alt+' : ''}${n & 1 ? 'shift+' : ''}`;
}

/** The keymap's name of one key (`j`, `G`, `enter`, `up`, `shift+pageup`, `ctrl+c`, `ctrl+]`). */
export function keyNameOf(key: string): string {
  if (key === PANE_TOGGLE_RAW) return PANE_TOGGLE_KEY;
  if (key === '\r' || key === '\n' || key === '\r\n') return 'enter';
  if (key === '\t') return 'tab';
  if (key === '\x7f' || key === '\b') return 'backspace';
  if (key === '\x1b' || key === '\x1b\x1b') return 'escape';
  if (key === ' ') return 'space';
  const c = key.charCodeAt(0);
  if (key.length === 1 && c >= 1 && c <= 26) return `ctrl+${String.fromCharCode(c + 96)}`;
  const csi = /^\x1b\x1b?\[\[?(?:(\d*)(?:;(\d+))?)([A-Z~])$/.exec(key);
  if (csi) {
    const [, num = '', mod, final = ''] = csi;
    const base = final === '~' ? TILDE_NAMES[num] : CSI_NAMES[final];
    if (base) return base === 'shift+tab' ? base : `${modifiers(mod)}${base}`;
  }
  const ss3 = /^\x1bO([A-DHF])$/.exec(key);
  if (ss3) return CSI_NAMES[ss3[1]!]!;
  if (key.length === 2 && key[0] === '\x1b') return `alt+${key[1]}`;
  return key;
}

/**
 * Turns Ink's input events into keys, in order, holding a bracketed paste together (its start,
 * text and end may come in several events) as one key with `paste` set.
 */
export class KeySplitter {
  private paste: string | undefined;

  push(raw: string): KeyPress[] {
    const out: KeyPress[] = [];
    let rest = raw;
    while (rest) {
      if (this.paste !== undefined) {
        const end = rest.indexOf(PASTE_END);
        if (end < 0) {
          this.paste += rest;
          return out;
        }
        out.push({ raw: this.paste + rest.slice(0, end), name: 'paste', paste: true });
        this.paste = undefined;
        rest = rest.slice(end + PASTE_END.length);
        continue;
      }
      const start = rest.indexOf(PASTE_START);
      const before = start < 0 ? rest : rest.slice(0, start);
      for (const k of splitKeys(before)) out.push({ raw: k, name: keyNameOf(k) });
      if (start < 0) break;
      this.paste = '';
      rest = rest.slice(start + PASTE_START.length);
    }
    return out;
  }
}
