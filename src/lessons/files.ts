import fs from 'node:fs';
import path from 'node:path';
import { SUPPORTED_LANGS } from '../i18n/index.js';
import { t } from '../i18n/index.js';
import type { LessonIssue } from './issues.js';
import { isDocPath } from './schema.js';
import { isFileText, textFields } from './text.js';

/** Every markdown file lesson.yaml names must exist in the lesson folder. */
export function fileRules(raw: unknown, dir: string): LessonIssue[] {
  const out: LessonIssue[] = [];
  for (const ref of textFields(raw)) {
    if (ref.role === 'text') continue;
    const given: [PropertyKey[], unknown][] =
      typeof ref.value === 'string'
        ? [[ref.path, ref.value]]
        : typeof ref.value === 'object' && ref.value !== null
          ? SUPPORTED_LANGS.map((l) => [
              [...ref.path, l],
              (ref.value as Record<string, unknown>)[l],
            ])
          : [];
    for (const [p, v] of given) {
      if (typeof v !== 'string' || !isFileText(v, ref.role) || !isDocPath(v)) continue;
      if (!isFile(path.join(dir, v)))
        out.push({ path: p, message: t('lessons.file.missing', { file: v }) });
    }
  }
  return out;
}

export function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}
