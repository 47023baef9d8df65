import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { getChecker } from '../checks/registry.js';
import type { Lang } from '../i18n/index.js';
import type { Command, Lesson, Step, StepCheck } from './model.js';
import { checkParams } from './rules.js';
import type { CheckFile, CommandFile, LessonFile, StepFile } from './schema.js';
import { fillText, type Draw, type ParamValue } from './seed.js';
import { resolveText as resolveRaw, type TextRole } from './text.js';

/** The params a lesson's texts are filled with (its seed's draw; none for most lessons). */
type Filling = Readonly<Record<string, ParamValue>>;

function resolveText(
  dir: string,
  v: unknown,
  role: TextRole,
  lang: Lang,
  filling: Filling,
): { text: string; file?: string } {
  const r = resolveRaw(dir, v, role, lang);
  return { ...r, text: fillText(r.text, filling) };
}

/** The lesson model from validated lesson.yaml data: defaults applied, texts read for `lang`. */
export function buildLesson(
  data: LessonFile,
  dir: string,
  lang: Lang,
  languages: Lang[],
  draw?: Draw,
): Lesson {
  const filling: Filling = draw?.params ?? {};
  const text = (v: unknown, role: TextRole = 'text'): string =>
    resolveText(dir, v, role, lang, filling).text;
  const firstHost = data.hosts[0] ?? 'host1';
  const lessonFeatures = data.features ?? [];
  return {
    id: data.id,
    dir,
    lang,
    languages,
    title: text(data.title),
    summary: text(data.summary),
    minutes: data.minutes,
    hosts: [...data.hosts],
    features: [...lessonFeatures],
    setup: commands(data.setup ?? [], firstHost),
    steps: data.steps.map((s, index) => {
      const step = buildStep(s, index, dir, lang, firstHost, lessonFeatures, filling);
      // An incident opens with its symptom, as the user reported it, then the prompt to investigate.
      return data.incident && index === 0
        ? { ...step, text: `${text(data.incident.symptom, 'doc')}\n\n${step.text}` }
        : step;
    }),
    contentHash: contentHash(dir),
    ...(draw && (draw.seed || Object.keys(draw.params).length > 0)
      ? { seed: draw.seed, params: { ...draw.params } }
      : {}),
    ...(data.incident && draw
      ? {
          incident: {
            symptom: text(data.incident.symptom, 'doc'),
            variant: draw.variant,
            variants: data.incident.variants.map((v) => v.id),
          },
        }
      : {}),
  };
}

function buildStep(
  s: StepFile,
  index: number,
  dir: string,
  lang: Lang,
  firstHost: string,
  lessonFeatures: readonly string[],
  filling: Filling,
): Step {
  const text = (v: unknown, role: TextRole = 'text'): string =>
    resolveText(dir, v, role, lang, filling).text;
  const host = s.host ?? firstHost;
  const doc = resolveText(dir, s.text, 'doc', lang, filling);
  const checks = s.checks.map((c) => buildCheck(c, lang, dir, filling, s.engines));
  const checkerFeatures = s.checks.flatMap((c, i) => {
    const checker = getChecker(c.kind);
    return checker?.features?.(checks[i]?.params) ?? [];
  });
  return {
    id: s.id,
    index,
    title: text(s.title),
    text: doc.text,
    textFile: doc.file ?? '',
    host,
    ...(s.trace ? { trace: { from: s.trace.from, to: s.trace.to } } : {}),
    features: [...new Set([...lessonFeatures, ...(s.features ?? []), ...checkerFeatures])],
    points: s.points ?? 1,
    checks,
    hints: (s.hints ?? []).map((h) => text(h)),
    solution: commands(s.solution ?? [], host),
    alternatives: (s.alternatives ?? []).map((alt) =>
      commands(Array.isArray(alt) ? alt : alt.run, host),
    ),
    ...((s.alternatives ?? []).some((alt) => !Array.isArray(alt))
      ? {
          alternativesEngines: (s.alternatives ?? []).map((alt) =>
            Array.isArray(alt) ? undefined : alt.engines,
          ),
        }
      : {}),
    ...(s.engines !== undefined ? { engines: s.engines } : {}),
    wrong: (s.wrong ?? []).map((w) => ({
      run: commands(w.run, host),
      fails: w.fails,
      says: text(w.says),
      ...(w.engines !== undefined ? { engines: w.engines } : {}),
    })),
    explain: s.explain === undefined ? '' : text(s.explain, 'doc-or-text'),
  };
}

function buildCheck(
  c: CheckFile,
  lang: Lang,
  dir: string,
  filling: Filling,
  stepEngines?: string,
): StepCheck {
  const engines = [stepEngines, c.engines].filter((e) => e !== undefined).join(' ');
  const raw = checkParams(c);
  const parsed = getChecker(c.kind)?.params.safeParse(raw);
  const params = (parsed?.success ? parsed.data : raw) as Record<string, unknown>;
  return {
    kind: c.kind,
    ...(c.id !== undefined ? { id: c.id } : {}),
    ...(c.message !== undefined
      ? { message: resolveText(dir, c.message, 'text', lang, filling).text }
      : {}),
    ...(c.needs !== undefined ? { needs: [...c.needs] } : {}),
    ...(engines ? { engines } : {}),
    params,
  };
}

function commands(list: readonly CommandFile[], host: string): Command[] {
  return list.map((c) => ({ host: c.host ?? host, run: c.run }));
}

/** sha256 over every file of the folder (relative path and bytes), in a stable order. */
export function contentHash(dir: string): string {
  const hash = createHash('sha256');
  const walk = (rel: string): void => {
    const entries = fs.readdirSync(path.join(dir, rel), { withFileTypes: true });
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const p = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) {
        hash.update(`${p}\0`);
        hash.update(fs.readFileSync(path.join(dir, p)));
        hash.update('\0');
      }
    }
  };
  walk('');
  return hash.digest('hex');
}
