/**
 * Untrusted text made safe for a terminal. Names a learner chose (containers, networks), lesson
 * files and student result files can hold escape sequences: OSC 52 writes the reader's
 * clipboard, CSI 2J clears the screen, a bare CR overwrites what was printed. Every such string
 * goes through `safeText` before it is printed; printable Unicode (Chinese included) is kept.
 *
 * Removed: C0 controls (a newline or tab only where the caller asks to keep it; otherwise each
 * becomes one space), DEL, C1 controls (U+0080–U+009F), whole escape sequences (CSI, OSC, DCS,
 * SOS, PM, APC, and the short ESC forms, in 7-bit and 8-bit form), lone surrogates and the
 * bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069) that reorder a line.
 */

export interface SafeTextOptions {
  /** Keep `\n` (default: it becomes a space). */
  newlines?: boolean;
  /** Keep `\t` (default: it becomes a space). */
  tabs?: boolean;
}

const ESC = 0x1b;
const BEL = 0x07;
const ST8 = 0x9c;
/** 8-bit introducers of control strings ended by ST: DCS, SOS, OSC, PM, APC. */
const STRING_8BIT = new Set([0x90, 0x98, 0x9d, 0x9e, 0x9f]);
/** The 7-bit finals after ESC that open a control string: P (DCS), X (SOS), ] (OSC), ^ (PM), _ (APC). */
const STRING_7BIT = new Set([0x50, 0x58, 0x5d, 0x5e, 0x5f]);

const isBidiControl = (c: number) => (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);

/** Index just past a control string's terminator (BEL, ESC \ or 8-bit ST), or the end of `s`. */
function skipControlString(s: string, i: number): number {
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === BEL || c === ST8) return i + 1;
    if (c === ESC) return s.charCodeAt(i + 1) === 0x5c ? i + 2 : i;
  }
  return i;
}

/** Index just past a CSI's parameters, intermediates and final byte (an unfinished one ends at any other char). */
function skipCsi(s: string, i: number): number {
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x40 && c <= 0x7e) return i + 1;
    if (c < 0x20 || c > 0x3f) return i;
  }
  return i;
}

/** Index just past an escape sequence whose ESC is at `i - 1`. */
function skipEscape(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c === 0x5b) return skipCsi(s, i + 1);
  if (STRING_7BIT.has(c)) return skipControlString(s, i + 1);
  // nF: intermediates (0x20–0x2F) then a final (0x30–0x7E); Fp/Fe/Fs: one final.
  let j = i;
  while (j < s.length && s.charCodeAt(j) >= 0x20 && s.charCodeAt(j) <= 0x2f) j++;
  const f = s.charCodeAt(j);
  if (f >= 0x30 && f <= 0x7e) return j + 1;
  return j; // a lone ESC: drop it (and any intermediates) only
}

export function safeText(s: string, opts: SafeTextOptions = {}): string {
  let out = '';
  let i = 0;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (c === ESC) {
      i = skipEscape(s, i + 1);
    } else if (c === 0x9b) {
      i = skipCsi(s, i + 1);
    } else if (STRING_8BIT.has(c)) {
      i = skipControlString(s, i + 1);
    } else if (c === 0x0a || c === 0x09) {
      out += (c === 0x0a ? opts.newlines : opts.tabs) ? s[i] : ' ';
      i++;
    } else if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || isBidiControl(c)) {
      i++;
    } else if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) out += s.slice(i, i + 2);
      i += next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      i++; // a low surrogate with no high one before it
    } else {
      out += s[i];
      i++;
    }
  }
  return out;
}

/**
 * JSON that keeps every value exactly yet prints no control character: JSON.stringify already
 * writes C0 as `\u00XX` and lone surrogates as `\uDXXX`; DEL, C1 and the line/paragraph
 * separators are escaped here too, so the bytes are safe on a terminal and parse to the same value.
 */
export function safeJson(value: unknown, space?: number): string {
  return JSON.stringify(value, null, space).replace(
    /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * A copy of a plain data value (objects, arrays, strings) with every string made safe: for
 * formatting a whole result (a grade, a student's result file, the lab's facts) as terminal text.
 */
export function safeDeep<T>(value: T, opts: SafeTextOptions = {}): T {
  if (typeof value === 'string') return safeText(value, opts) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => safeDeep(v, opts)) as T;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [safeText(k, opts), safeDeep(v, opts)]),
    ) as T;
  }
  return value;
}

/** An error's message (or the thrown value) as safe text: engine and command errors quote names. */
export function safeError(err: unknown): string {
  const message = (err as { message?: unknown } | undefined)?.message;
  return safeText(typeof message === 'string' ? message : String(err), { newlines: true });
}
