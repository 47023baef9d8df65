import path from 'node:path';
import { t } from '../i18n/index.js';
import { sortDiagnostics, type Diagnostic } from './diagnostics.js';
import { fileRules } from './files.js';
import { applyVariant, drawOf, incidentRules, type DrawOptions } from './incident.js';
import type { LessonIssue } from './issues.js';
import { lessonRules, type RuleOptions } from './rules.js';
import { applyOverlays, readOverlays } from './overlay.js';
import { LessonSchema, type LessonFile } from './schema.js';
import { translationRules } from './translations.js';
import type { Draw } from './seed.js';
import { fillData } from './seed.js';
import { readYamlFile, toDiagnostics, validateYaml } from './yaml-file.js';

export const LESSON_FILE = 'lesson.yaml';

/** Everything known about one lesson folder: its problems, and its data when it has no errors. */
export interface Analysis {
  dir: string;
  file: string;
  diagnostics: Diagnostic[];
  /** lesson.yaml as validated; absent when any error was found. */
  data?: LessonFile;
  /** lesson.yaml as parsed (whatever its shape), when it parsed as YAML. */
  raw?: unknown;
  /** The variant and params the data was filled with (FORMAT.md, "Incidents and parameters"). */
  draw?: Draw;
}

/**
 * Read and check a lesson folder: YAML syntax, the schema, cross-field rules and check params,
 * referenced files, the folder name, translations (inline, and lesson.<lang>.yaml beside it).
 * Every problem is reported, each with its position in its file. The loader and `dnlab lint`
 * both use this.
 */
export function analyzeLesson(dir: string, opts: RuleOptions & DrawOptions = {}): Analysis {
  dir = path.resolve(dir);
  const file = path.join(dir, LESSON_FILE);
  const read = readYamlFile(file, t('lessons.file.noLessonYaml'));
  if (!read.ok) return { dir, file, diagnostics: read.diagnostics };
  const { yaml, warnings } = read;
  const raw = yaml.raw;
  // Placeholders are filled before the schema and the checkers judge the data (a port is a
  // number); files and translations are judged as written.
  const draw = drawOf(raw, opts);
  const filled = fillData(raw, draw.params);

  const { issues, data } = validateYaml({ ...yaml, raw: filled }, LessonSchema);
  const more: LessonIssue[] = [
    ...lessonRules(filled, opts),
    ...fileRules(raw, dir),
    ...translationRules(raw, dir),
    ...incidentRules(raw, dir),
  ];
  const id = (raw as { id?: unknown } | null)?.id;
  if (typeof id === 'string' && id !== path.basename(dir)) {
    more.push({
      path: ['id'],
      message: t('lessons.rule.folderName', { id, folder: path.basename(dir) }),
    });
  }

  const overlays = readOverlays(dir, raw);
  const diagnostics = sortDiagnostics([
    ...warnings,
    ...toDiagnostics(yaml, [...issues, ...more]),
    ...overlays.flatMap((o) => o.diagnostics),
  ]);
  const ok = data !== undefined && !diagnostics.some((d) => d.severity === 'error');
  return {
    dir,
    file,
    diagnostics,
    raw,
    draw,
    ...(ok ? { data: applyVariant(applyOverlays(data, overlays), draw.variant) } : {}),
  };
}
