import { describe, expect, it } from 'vitest';
import { en } from '../../../src/i18n/en.js';
import { getLang, inLang, setLang, t, type MessageKey } from '../../../src/i18n/index.js';
import { zhCN } from '../../../src/i18n/zh-CN.js';
import { placeholders } from '../../../src/lessons/text.js';

describe('zh-CN catalogue', () => {
  it('has only keys that English has', () => {
    const extra = Object.keys(zhCN).filter((k) => !(k in en));
    expect(extra).toEqual([]);
  });

  it('keeps every placeholder of the English text', () => {
    const wrong = Object.entries(zhCN)
      .filter(
        ([k, v]) =>
          placeholders(v).join() !== placeholders((en as Record<string, string>)[k] ?? '').join(),
      )
      .map(([k]) => k);
    expect(wrong).toEqual([]);
  });

  it('translates every English key', () => {
    const missing = Object.keys(en).filter((k) => !(k in zhCN));
    expect(missing).toEqual([]);
  });

  it('tsc rejects an unknown key (the key type is derived from the English catalogue)', () => {
    // @ts-expect-error: not a key of the English catalogue; `npm run lint` fails if this compiles.
    expect(t('no.such.key')).toBe('no.such.key');
  });

  it('falls back to English per string, never to a crash', () => {
    setLang('zh-CN');
    try {
      expect(t('no.such.key' as MessageKey)).toBe('no.such.key');
    } finally {
      setLang('en');
    }
  });

  it('inLang runs a task, and all it awaits, in one language while the UI keeps its own', async () => {
    setLang('zh-CN');
    try {
      const inside = inLang('en', async () => {
        await new Promise((r) => setTimeout(r, 5));
        return [getLang(), t('lessons.translation.none')];
      });
      expect(getLang()).toBe('zh-CN');
      expect(t('lessons.translation.none')).toBe('无');
      expect(await inside).toEqual(['en', 'none']);
    } finally {
      setLang('en');
    }
  });
});
