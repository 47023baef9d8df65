import fs from 'node:fs';
import path from 'node:path';
import { SUPPORTED_LANGS } from '../i18n/index.js';
import { t } from '../i18n/index.js';
import type { LessonIssue } from './issues.js';
import { parseEngineRange } from '../lab/engines.js';
import { isDocPath } from './schema.js';
import { isFileText, textFields, translationPath } from './text.js';

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
      else
        for (const file of [v, ...SUPPORTED_LANGS.map((l) => translationPath(v, l))])
          out.push(...engineNoteRules(dir, file).map((message) => ({ path: p, message })));
    }
  }
  return out;
}

/** A version note in step text: a blockquote that starts `> [!engines <range>]` (FORMAT.md). */
export const ENGINE_NOTE = /^\s*>\s*\[!engines\b([^\]]*)\]/;

/** Every `[!engines …]` note of a markdown file must carry a range that parses. */
function engineNoteRules(dir: string, file: string): string[] {
  let text: string;
  try {
    text = fs.readFileSync(path.join(dir, file), 'utf8');
  } catch {
    return [];
  }
  const out: string[] = [];
  text.split('\n').forEach((line, i) => {
    const m = ENGINE_NOTE.exec(line);
    if (m && !parseEngineRange(m[1] ?? ''))
      out.push(t('lessons.file.badEngineNote', { file, line: i + 1, range: (m[1] ?? '').trim() }));
  });
  return out;
}

export function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}
