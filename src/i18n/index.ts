import { AsyncLocalStorage } from 'node:async_hooks';
import { en, type MessageKey } from './en.js';
import { zhCN } from './zh-CN.js';

/**
 * One message catalogue for every UI string. English is the fallback per string: a key missing
 * from the chosen language falls back to English, never to a crash.
 */
export type Vars = Record<string, string | number | undefined>;
export type Catalogue = Record<string, string>;

export const SUPPORTED_LANGS = ['en', 'zh-CN'] as const;
export type Lang = (typeof SUPPORTED_LANGS)[number];

const catalogues: Record<Lang, Record<MessageKey, string>> = { en, 'zh-CN': zhCN };
let current: Lang = 'en';
const scoped = new AsyncLocalStorage<Lang>();

export function setLang(lang: Lang): void {
  current = lang;
}

export function getLang(): Lang {
  return scoped.getStore() ?? current;
}

/**
 * Run `fn` (and everything it awaits) in `lang`, whatever the UI's language: the lesson
 * self-test matches check messages against English phrases while its report is in the UI's.
 */
export function inLang<T>(lang: Lang, fn: () => T): T {
  return scoped.run(lang, fn);
}

/**
 * `--lang` wins; else the first set of LC_ALL / LC_MESSAGES / LANG (`zh_CN.UTF-8` → zh-CN), as
 * the C library reads them (an empty one counts as unset); else English.
 */
export function detectLang(explicit?: string, env: NodeJS.ProcessEnv = process.env): Lang {
  const raw = explicit ?? [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v) ?? '';
  return /^zh([-_](CN|Hans|SG))?/i.test(raw) ? 'zh-CN' : 'en';
}

/** Fill `{name}` placeholders; an unknown placeholder is left visible rather than dropped. */
export function format(template: string, vars: Vars = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => {
    const v = vars[k];
    return v === undefined ? m : String(v);
  });
}

export type { MessageKey };

/** Is `key` in the catalogue? For keys made at run time (`lessons.format.${format}`). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}

export function t(key: MessageKey, vars?: Vars): string {
  const template = catalogues[getLang()][key] ?? en[key] ?? key;
  return format(template, vars);
}

/** A text that lessons give per language: a plain string (English) or `{en, zh-CN}`. */
export type LocalText = string | Partial<Record<Lang, string>>;

export function localText(text: LocalText | undefined, lang: Lang = getLang()): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return text[lang] ?? text.en ?? Object.values(text)[0] ?? '';
}
