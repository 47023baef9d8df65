import fs from 'node:fs';
import path from 'node:path';
import { SUPPORTED_LANGS, t, type Lang } from '../i18n/index.js';
import type { LessonIssue } from './issues.js';
import { isDocPath } from './schema.js';

/**
 * Texts in a lesson: a string (English) or `{en, zh-CN}`. Markdown files may also be translated
 * by convention, without touching lesson.yaml: `steps/01-x.md` → `steps/01-x.zh-CN.md` beside it.
 */

/** Where a text sits in lesson.yaml and how it may be given. */
export type TextRole =
  /** a markdown file reference (step `text`) */
  | 'doc'
  /** inline markdown, or a markdown file reference (step `explain`) */
  | 'doc-or-text'
  /** inline text only */
  | 'text';

export interface TextRef {
  path: (string | number)[];
  value: unknown;
  role: TextRole;
}

export const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Every text field of lesson.yaml data (as parsed, not necessarily valid) with its path. */
export function textFields(raw: unknown): TextRef[] {
  const out: TextRef[] = [];
  if (!isObj(raw)) return out;
  const add = (p: (string | number)[], value: unknown, role: TextRole): void => {
    if (value !== undefined) out.push({ path: p, value, role });
  };
  add(['title'], raw.title, 'text');
  add(['summary'], raw.summary, 'text');
  arr(raw.steps).forEach((step, i) => {
    if (!isObj(step)) return;
    add(['steps', i, 'title'], step.title, 'text');
    add(['steps', i, 'text'], step.text, 'doc');
    arr(step.hints).forEach((h, j) => add(['steps', i, 'hints', j], h, 'text'));
    arr(step.checks).forEach((c, j) => {
      if (isObj(c)) add(['steps', i, 'checks', j, 'message'], c.message, 'text');
    });
    arr(step.wrong).forEach((w, j) => {
      if (isObj(w)) add(['steps', i, 'wrong', j, 'says'], w.says, 'text');
    });
    add(['steps', i, 'explain'], step.explain, 'doc-or-text');
  });
  return out;
}

/** The variants a text gives explicitly: a string is English. */
export function variants(value: unknown): Partial<Record<Lang, string>> {
  if (typeof value === 'string') return { en: value };
  const out: Partial<Record<Lang, string>> = {};
  if (isObj(value)) {
    for (const lang of SUPPORTED_LANGS) {
      const v = value[lang];
      if (typeof v === 'string') out[lang] = v;
    }
  }
  return out;
}

/** `steps/01-x.md` → `steps/01-x.zh-CN.md`: where a file's translation sits by convention. */
export function translationPath(rel: string, lang: Lang): string {
  return rel.replace(/\.md$/, `.${lang}.md`);
}

/** Whether a text names a markdown file (rather than being inline markdown), for its role. */
export function isFileText(value: string, role: TextRole): boolean {
  return role === 'doc' || (role === 'doc-or-text' && isDocPath(value));
}

/**
 * The variant of a text for `lang`, as written or found: an explicit variant; else, for a file,
 * its conventional translation if that file exists; else English. `file` is set when the variant
 * is a file (relative to the lesson folder).
 */
export function pickVariant(
  dir: string,
  value: unknown,
  role: TextRole,
  lang: Lang,
): { value: string; file?: string; lang: Lang } | undefined {
  const v = variants(value);
  const explicit = v[lang];
  if (explicit !== undefined) {
    return isFileText(explicit, role)
      ? { value: explicit, file: explicit, lang }
      : { value: explicit, lang };
  }
  const en = v.en;
  if (en === undefined) return undefined;
  if (!isFileText(en, role)) return { value: en, lang: 'en' };
  if (lang !== 'en') {
    const sibling = translationPath(en, lang);
    if (fs.existsSync(path.join(dir, sibling))) return { value: sibling, file: sibling, lang };
  }
  return { value: en, file: en, lang: 'en' };
}

/** A text resolved for `lang` (English fallback), markdown files read; '' when absent. */
export function resolveText(
  dir: string,
  value: unknown,
  role: TextRole,
  lang: Lang,
): { text: string; file?: string } {
  const picked = pickVariant(dir, value, role, lang);
  if (!picked) return { text: '' };
  if (picked.file === undefined) return { text: picked.value };
  const file = path.join(dir, picked.file);
  return { text: fs.readFileSync(file, 'utf8'), file };
}

/** The `{name}` placeholders of a text, as the message catalogue fills them. */
export function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? ''))].sort();
}

/** A translated text that lost or gained a placeholder of the English one, as a lint issue. */
export function placeholderIssue(
  path: PropertyKey[],
  enText: string,
  text: string,
  lang: Lang,
): LessonIssue | undefined {
  const want = placeholders(enText);
  const have = placeholders(text);
  if (want.join() === have.join()) return undefined;
  const list = (names: string[]) =>
    names.length ? names.map((n) => `{${n}}`).join(' ') : t('lessons.translation.none');
  return {
    path,
    message: t('lessons.translation.placeholders', { lang, en: list(want), have: list(have) }),
  };
}
