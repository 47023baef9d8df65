import { describe, expect, it } from 'vitest';
import { safeJson, safeText } from '../../../src/text/safe.js';

/** No byte a terminal would act on: C0 (bar \n \t when kept), DEL, C1, ESC. */
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/;

describe('safeText', () => {
  it('keeps printable text, Chinese and emoji as they are', () => {
    for (const s of ['web-1', '网络 实验 ✔ ✘', 'naïve café', '👩‍💻 ok', '中文（全角）']) {
      expect(safeText(s)).toBe(s);
    }
  });

  it('removes an OSC 52 clipboard write, ended by BEL or by ST', () => {
    expect(safeText('a\x1b]52;c;ZWNobyBwd25lZA==\x07b')).toBe('ab');
    expect(safeText('a\x1b]52;c;ZWNobyBwd25lZA==\x1b\\b')).toBe('ab');
    expect(safeText('a\x9d52;c;ZWNobw==\x9cb')).toBe('ab');
  });

  it('removes an unterminated OSC to the end (nothing of it reaches the terminal)', () => {
    expect(safeText('net\x1b]0;evil title')).toBe('net');
  });

  it('removes CSI sequences whole, 7-bit and 8-bit', () => {
    expect(safeText('\x1b[2Jclear')).toBe('clear');
    expect(safeText('n\x1b[31mx\x1b[0m')).toBe('nx');
    expect(safeText('a\x9b2Jb')).toBe('ab');
    expect(safeText('a\x1b[?1049hb')).toBe('ab');
    expect(safeText('a\x1b[38;2;255;0;0mb')).toBe('ab');
  });

  it('removes DCS, APC, PM, SOS strings and short ESC forms', () => {
    expect(safeText('a\x1bPq#0;2;0;0;0\x1b\\b')).toBe('ab');
    expect(safeText('a\x1b_Gf=100;AAAA\x1b\\b')).toBe('ab');
    expect(safeText('a\x90payload\x9cb')).toBe('ab');
    expect(safeText('a\x1b^pm\x07b\x1bXsos\x1b\\c')).toBe('abc');
    expect(safeText('a\x1b(0b\x1bcc\x1b7d')).toBe('abcd');
    expect(safeText('end\x1b')).toBe('end');
  });

  it('removes carriage returns and backspaces, so nothing printed can be overwritten', () => {
    expect(safeText('pass\rFAIL')).toBe('passFAIL');
    expect(safeText('ok\b\b\bno')).toBe('okno');
    expect(CONTROL.test(safeText('x\r\x1b[1A\x1b[2Ky'))).toBe(false);
  });

  it('turns newlines and tabs into spaces unless asked to keep them', () => {
    expect(safeText('a\nb\tc')).toBe('a b c');
    expect(safeText('a\nb\tc', { newlines: true })).toBe('a\nb c');
    expect(safeText('a\nb\tc', { newlines: true, tabs: true })).toBe('a\nb\tc');
  });

  it('removes every other C0, DEL and C1 character', () => {
    let all = '';
    for (let c = 0; c < 0xa0; c++) all += String.fromCharCode(c);
    const out = safeText(all, { newlines: true, tabs: true });
    expect(CONTROL.test(out)).toBe(false);
    expect(out).toContain('ABC');
  });

  it('removes lone surrogates and keeps pairs', () => {
    expect(safeText('a\ud800b\udc00c')).toBe('abc');
    expect(safeText('x\ud83d\ude00y')).toBe('x😀y');
  });

  it('removes bidirectional overrides', () => {
    expect(safeText('user\u202etxt.exe')).toBe('usertxt.exe');
  });

  it('leaves no control byte on random input', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % 0x200);
    for (let n = 0; n < 200; n++) {
      const s = String.fromCharCode(...Array.from({ length: 64 }, rnd));
      expect(CONTROL.test(safeText(s))).toBe(false);
    }
  });
});

describe('safeJson', () => {
  it('keeps the exact value and prints no control byte', () => {
    const v = { id: 'a\x1b]52;c;eA==\x07\x9b2J\x7f\u2028\ud800z', n: ['中文'] };
    const text = safeJson(v, 2);
    expect(CONTROL.test(text)).toBe(false);
    expect(JSON.parse(text)).toEqual(v);
  });
});
