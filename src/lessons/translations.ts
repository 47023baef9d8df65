import fs from 'node:fs';
import path from 'node:path';
import { t, type Lang } from '../i18n/index.js';
import { isFile } from './files.js';
import type { LessonIssue } from './issues.js';
import { overlayFileName, TRANSLATIONS, type Translation } from './overlay.js';
import { isDocPath } from './schema.js';
import {
  isFileText,
  pickVariant,
  placeholderIssue,
  textFields,
  translationPath,
  variants,
} from './text.js';

/**
 * Translations given in lesson.yaml itself: a lesson is translated to a language as soon as it
 * has a lesson.<lang>.yaml (overlay.ts checks that one), or one of its texts is translated,
 * explicitly (`{en, zh-CN}`) or by a markdown file beside the English one (`01-x.zh-CN.md`).
 * Then every markdown file must exist in that language, and every translated text must keep the
 * English text's `{placeholders}`.
 */

/** Languages a lesson has texts in: English first, then each translation. */
export function lessonLanguages(raw: unknown, dir: string): Lang[] {
  return ['en', ...TRANSLATIONS.filter((lang) => isTranslated(raw, dir, lang))];
}

function isTranslated(raw: unknown, dir: string, lang: Translation): boolean {
  if (fs.existsSync(path.join(dir, overlayFileName(lang)))) return true;
  return textFields(raw).some((ref) => {
    if (variants(ref.value)[lang] !== undefined) return true;
    const en = variants(ref.value).en;
    return (
      en !== undefined &&
      isFileText(en, ref.role) &&
      isDocPath(en) &&
      isFile(path.join(dir, translationPath(en, lang)))
    );
  });
}

export function translationRules(raw: unknown, dir: string): LessonIssue[] {
  const out: LessonIssue[] = [];
  for (const lang of TRANSLATIONS) {
    if (!isTranslated(raw, dir, lang)) continue;
    for (const ref of textFields(raw)) {
      const en = variants(ref.value).en;
      if (en === undefined) continue;
      const explicit = variants(ref.value)[lang] !== undefined;
      const at = explicit ? [...ref.path, lang] : ref.path;
      const picked = pickVariant(dir, ref.value, ref.role, lang);
      if (isFileText(en, ref.role) && picked?.lang !== lang) {
        const file = isDocPath(en) ? translationPath(en, lang) : en;
        out.push({ path: ref.path, message: t('lessons.translation.missingFile', { lang, file }) });
        continue;
      }
      if (!picked || picked.lang !== lang) continue;
      const enText = contents(dir, en, ref.role);
      const langText = contents(dir, picked.value, ref.role);
      if (enText === undefined || langText === undefined) continue;
      const issue = placeholderIssue(at, enText, langText, lang);
      if (issue) out.push(issue);
    }
  }
  return out;
}

/** A text's words: inline as written, or a file's contents (undefined if it cannot be read). */
function contents(
  dir: string,
  value: string,
  role: Parameters<typeof isFileText>[1],
): string | undefined {
  if (!isFileText(value, role)) return value;
  try {
    return fs.readFileSync(path.join(dir, value), 'utf8');
  } catch {
    return undefined;
  }
}
