import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { SUPPORTED_LANGS, t, type Lang } from '../i18n/index.js';
import type { Diagnostic } from './diagnostics.js';
import { expecting, type LessonIssue } from './issues.js';
import { SLUG, type LessonFile } from './schema.js';
import { isFileText, isObj, placeholderIssue, variants } from './text.js';
import { readYamlFile, toDiagnostics, validateYaml } from './yaml-file.js';

/**
 * A lesson's translation kept beside it, so that translating never touches lesson.yaml:
 * `lesson.zh-CN.yaml` holds the texts of lesson.yaml in that language, step by step (by id),
 * and `steps/01-x.zh-CN.md` the markdown files. Lint holds it to the English: the same steps in
 * the same order, as many hints, a message for every check that has one, the same placeholders.
 */

export type Translation = Exclude<Lang, 'en'>;
export const TRANSLATIONS = SUPPORTED_LANGS.filter((l): l is Translation => l !== 'en');

export const overlayFileName = (lang: Translation): string => `lesson.${lang}.yaml`;

const Text = z.string(expecting('lessons.what.string')).min(1, expecting('lessons.what.string'));

const OverlayStep = z.strictObject(
  {
    id: z.string(expecting('lessons.what.slug')).regex(SLUG, expecting('lessons.what.slug')),
    title: Text,
    hints: z.array(Text, expecting('lessons.what.texts')).optional(),
    checks: z.record(z.string(), Text, expecting('lessons.what.overlayChecks')).optional(),
    explain: Text.optional(),
  },
  expecting('lessons.what.overlayStep'),
);

const OverlaySchema = z.strictObject(
  {
    title: Text,
    summary: Text,
    steps: z.array(OverlayStep, expecting('lessons.what.overlaySteps')),
  },
  expecting('lessons.what.overlay'),
);

export type Overlay = z.output<typeof OverlaySchema>;
type OverlayStep = Overlay['steps'][number];

export interface OverlayRead {
  lang: Translation;
  diagnostics: Diagnostic[];
  /** The translation, when it has no errors. */
  data?: Overlay;
}

/** The translation files present in a lesson folder, each read and held to lesson.yaml. */
export function readOverlays(dir: string, raw: unknown): OverlayRead[] {
  return TRANSLATIONS.filter((lang) => fs.existsSync(path.join(dir, overlayFileName(lang)))).map(
    (lang) => readOverlay(dir, raw, lang),
  );
}

function readOverlay(dir: string, raw: unknown, lang: Translation): OverlayRead {
  const read = readYamlFile(path.join(dir, overlayFileName(lang)));
  if (!read.ok) return { lang, diagnostics: read.diagnostics };
  const { issues, data } = validateYaml(read.yaml, OverlaySchema);
  const more = data ? overlayRules(raw, data, lang) : [];
  const diagnostics = [...read.warnings, ...toDiagnostics(read.yaml, [...issues, ...more])];
  const ok = data !== undefined && !diagnostics.some((d) => d.severity === 'error');
  return { lang, diagnostics, ...(ok ? { data } : {}) };
}

interface EnStep {
  id: string;
  title?: unknown;
  hints: unknown[];
  /** Check id → the English message, for checks that have one. */
  messages: Map<string, unknown>;
  checkIds: Set<string>;
  explain?: unknown;
}

function englishSteps(raw: unknown): EnStep[] {
  const steps = isObj(raw) && Array.isArray(raw.steps) ? raw.steps : [];
  return steps.filter(isObj).map((s) => {
    const checks = Array.isArray(s.checks) ? s.checks.filter(isObj) : [];
    const ids = checks.map((c) => c.id).filter((id): id is string => typeof id === 'string');
    return {
      id: String(s.id),
      title: s.title,
      hints: Array.isArray(s.hints) ? s.hints : [],
      messages: new Map(
        checks
          .filter((c) => typeof c.id === 'string' && c.message !== undefined)
          .map((c) => [c.id as string, c.message]),
      ),
      checkIds: new Set(ids),
      explain: s.explain,
    };
  });
}

/** The translation against lesson.yaml: every difference a learner would notice. */
function overlayRules(raw: unknown, o: Overlay, lang: Translation): LessonIssue[] {
  const out: LessonIssue[] = [];
  const en = isObj(raw) ? raw : {};
  const same = (p: PropertyKey[], enText: unknown, text: string): void => {
    const issue = placeholderIssue(p, variants(enText).en ?? '', text, lang);
    if (issue) out.push(issue);
  };
  same(['title'], en.title, o.title);
  same(['summary'], en.summary, o.summary);

  const steps = englishSteps(raw);
  const ids = new Set(steps.map((s) => s.id));
  o.steps.forEach((s, j) => {
    if (!ids.has(s.id)) {
      out.push({
        path: ['steps', j, 'id'],
        message: t('lessons.translation.unknownStep', { id: s.id, ids: [...ids].join(', ') }),
      });
    }
  });
  const given = o.steps.map((s) => s.id);
  steps.forEach((step, i) => {
    const j = given.indexOf(step.id);
    if (j < 0) {
      out.push({
        path: ['steps'],
        message: t('lessons.translation.missingStep', { lang, id: step.id, n: i + 1 }),
      });
      return;
    }
    if (j !== i && given.length === steps.length) {
      out.push({
        path: ['steps', j, 'id'],
        message: t('lessons.translation.stepOrder', { id: step.id, n: i + 1 }),
      });
    }
    out.push(...stepRules(step, o.steps[j] as OverlayStep, ['steps', j], lang, same));
  });
  return out;
}

function stepRules(
  en: EnStep,
  o: OverlayStep,
  at: PropertyKey[],
  lang: Translation,
  same: (p: PropertyKey[], enText: unknown, text: string) => void,
): LessonIssue[] {
  const out: LessonIssue[] = [];
  same([...at, 'title'], en.title, o.title);

  const hints = o.hints ?? [];
  if (hints.length !== en.hints.length) {
    out.push({
      path: o.hints ? [...at, 'hints'] : [...at, 'id'],
      message: t('lessons.translation.hintCount', {
        lang,
        id: en.id,
        want: en.hints.length,
        have: hints.length,
      }),
    });
  }
  hints.forEach((h, k) => {
    if (k < en.hints.length) same([...at, 'hints', k], en.hints[k], h);
  });

  const checks = o.checks ?? {};
  for (const [id, message] of Object.entries(checks)) {
    const p = [...at, 'checks', id];
    if (!en.checkIds.has(id)) {
      out.push({ path: p, at: 'key', message: t('lessons.translation.unknownCheck', { id }) });
    } else if (!en.messages.has(id)) {
      out.push({ path: p, at: 'key', message: t('lessons.translation.checkHasNoMessage', { id }) });
    } else {
      same(p, en.messages.get(id), message);
    }
  }
  for (const id of en.messages.keys()) {
    if (!(id in checks)) {
      out.push({
        path: o.checks ? [...at, 'checks'] : [...at, 'id'],
        message: t('lessons.translation.missingCheckMessage', { lang, id }),
      });
    }
  }

  const enExplain = variants(en.explain).en;
  const inline = enExplain !== undefined && !isFileText(enExplain, 'doc-or-text');
  if (o.explain !== undefined && !inline) {
    out.push({
      path: [...at, 'explain'],
      message:
        enExplain === undefined
          ? t('lessons.translation.noExplain')
          : t('lessons.translation.explainIsFile', { file: enExplain, lang }),
    });
  } else if (o.explain === undefined && inline) {
    out.push({ path: [...at, 'id'], message: t('lessons.translation.missingExplain', { lang }) });
  } else if (o.explain !== undefined) {
    same([...at, 'explain'], en.explain, o.explain);
  }
  return out;
}

/** lesson.yaml's data with each translation's texts added beside the English ones. */
export function applyOverlays(data: LessonFile, overlays: OverlayRead[]): LessonFile {
  let out = data;
  for (const { lang, data: o } of overlays) if (o) out = applyOverlay(out, o, lang);
  return out;
}

function withLang<T>(text: T, lang: Translation, value: string | undefined): T {
  if (value === undefined) return text;
  return { ...variants(text), [lang]: value } as T;
}

function applyOverlay(data: LessonFile, o: Overlay, lang: Translation): LessonFile {
  const byId = new Map(o.steps.map((s) => [s.id, s]));
  return {
    ...data,
    title: withLang(data.title, lang, o.title),
    summary: withLang(data.summary, lang, o.summary),
    steps: data.steps.map((step) => {
      const s = byId.get(step.id);
      if (!s) return step;
      return {
        ...step,
        title: withLang(step.title, lang, s.title),
        ...(step.hints ? { hints: step.hints.map((h, k) => withLang(h, lang, s.hints?.[k])) } : {}),
        checks: step.checks.map((c) =>
          c.id !== undefined && c.message !== undefined
            ? { ...c, message: withLang(c.message, lang, s.checks?.[c.id]) }
            : c,
        ),
        ...(step.explain !== undefined ? { explain: withLang(step.explain, lang, s.explain) } : {}),
      };
    }),
  };
}
