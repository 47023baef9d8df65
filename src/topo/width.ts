import stringWidth from 'string-width';

/**
 * Text measured in terminal columns, not string length: a CJK character takes two columns, a
 * combining mark none. The map and the trace line things up with these (a Chinese label or
 * message must not push a column out of line), and never cut a character in half.
 */

export function cols(text: string): number {
  return stringWidth(text);
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The user-perceived characters of a text (a wide character or an emoji is one). */
export function graphemes(text: string): string[] {
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

/** Pad with spaces to at least `width` columns (never cuts). */
export function padCols(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - cols(text)));
}

/**
 * The longest head of `text` that fits in `width` columns, and the rest. At least one character
 * goes into the head, so cutting always makes progress.
 */
export function splitCols(text: string, width: number): [string, string] {
  let head = '';
  let w = 0;
  let used = 0;
  for (const g of graphemes(text)) {
    const gw = cols(g);
    if (w + gw > width && head) break;
    head += g;
    w += gw;
    used += g.length;
  }
  return [head, text.slice(used)];
}
