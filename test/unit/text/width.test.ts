import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { ONE_COLUMN_EACH, displayWidth, graphemes, truncate } from '../../../src/text/width.js';

/** Every code point the fast path measures by length must be one column in string-width too. */
function fastPathCodePoints(): number[] {
  const out: number[] = [];
  for (let cp = 0; cp <= 0xffff; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    if (ONE_COLUMN_EACH.test(String.fromCodePoint(cp))) out.push(cp);
  }
  return out;
}

describe('displayWidth', () => {
  it('measures what the fast path takes exactly as string-width does, one column each', () => {
    const cps = fastPathCodePoints();
    expect(cps.length).toBeGreaterThan(900);
    const wrong = cps.filter((cp) => stringWidth(String.fromCodePoint(cp)) !== 1);
    expect(wrong.map((cp) => cp.toString(16))).toEqual([]);
  });

  it('leaves controls, combining marks, zero-width and wide characters to string-width', () => {
    for (const s of ['\u001b[31mred\u001b[0m', 'e\u0301', 'a\u200bb', '\u00ad', '你好', '✅', '👍🏽', '\t'])
      expect(ONE_COLUMN_EACH.test(s), JSON.stringify(s)).toBe(false);
    expect(displayWidth('\u001b[31mred\u001b[0m')).toBe(3);
    expect(displayWidth('e\u0301')).toBe(1);
    expect(displayWidth('你好 ok')).toBe(7);
    expect(displayWidth('✅ done')).toBe(7);
  });

  it('measures mixed text as string-width does', () => {
    for (const s of ['✔ host1  10.0.0.2', '├─ eth0 → br-1a2b', 'café · naïve', '网络 ✘ 1/3', ''])
      expect(displayWidth(s), s).toBe(stringWidth(s));
  });

  it('cuts between whole characters', () => {
    expect(graphemes('a你👍🏽')).toEqual(['a', '你', '👍🏽']);
    expect(truncate('你好世界', 5)).toBe('你好…');
  });
});
