import fs from 'node:fs';
import { dnlabEnv } from '../env.js';
import path from 'node:path';
import { labRoot } from './config.js';
import { t } from './messages.js';
import { run } from './run.js';
import { writeFileAtomic } from './state.js';

/**
 * The Docker engines a lab can run. dnlab installs its own into /opt/dnlab/engines/<version>/bin
 * (sandbox-vm/engines.sh); `20.10` is the distribution's docker.io in /usr/sbin and /usr/bin;
 * `system` is whatever dockerd the machine finds on PATH. A host finds dockerd, containerd, the
 * shim, docker-proxy and docker-init through PATH, so the engine's folder first on PATH selects it.
 */
export interface EngineChoice {
  /** `28.5`, `26.1`, `20.10` or `system`. */
  name: string;
  /** Folders put first on PATH for the daemons and the learner's `docker` (none for `system`). */
  bin: string[];
  /** `dockerd --version` as it answered when the lab chose it (`28.5.2+dfsg4`). */
  version: string;
}

/** The engines the curriculum's self-test runs on (CI): major.minor. */
export const SELF_TESTED = ['28.5', '26.1', '20.10'];

const DISTRO_BIN = ['/usr/sbin', '/usr/bin'];

export function enginesRoot(): string {
  return dnlabEnv('DNLAB_ENGINES_ROOT') ?? '/opt/dnlab/engines';
}

/** `28.5.2+dfsg4` → [28, 5, 2]; missing parts are 0. */
export function parseVersion(v: string): [number, number, number] {
  const m = /(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(v);
  return [Number(m?.[1] ?? 0), Number(m?.[2] ?? 0), Number(m?.[3] ?? 0)];
}

export function compareVersions(a: string, b: string): number {
  const [x, y] = [parseVersion(a), parseVersion(b)];
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return 0;
}

/** `28.5.2` → `28.5` */
export function majorMinor(v: string): string {
  const [a, b] = parseVersion(v);
  return `${a}.${b}`;
}

/** The engines dnlab installed, newest first (folder names: `28.5`, `26.1`). */
export function installedEngines(): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(enginesRoot());
  } catch {
    return [];
  }
  return names
    .filter(
      (n) => /^\d+\.\d+$/.test(n) && isExecutable(path.join(enginesRoot(), n, 'bin', 'dockerd')),
    )
    .sort((a, b) => compareVersions(b, a));
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** PATH with the engine's folders first. */
export function enginePath(
  choice: Pick<EngineChoice, 'bin'>,
  base = process.env.PATH ?? '/usr/sbin:/usr/bin:/sbin:/bin',
): string {
  return [...choice.bin, base].join(':');
}

/** What `dockerd --version` says under these folders: `28.5.2+dfsg4`, or undefined. */
async function dockerdVersion(bin: string[]): Promise<string | undefined> {
  const file = bin.length ? path.join(bin[0]!, 'dockerd') : 'dockerd';
  const r = await run([file, '--version'], {
    env: { ...process.env, PATH: enginePath({ bin }) },
    timeoutMs: 10_000,
  });
  return r.code === 0 ? /version\s+([^\s,]+)/i.exec(r.stdout)?.[1] : undefined;
}

/** The names `--engine` accepts on this machine (for help and errors). */
export function engineNames(): string[] {
  return [...installedEngines(), '20.10', 'system'];
}

/**
 * Resolve a request (`--engine`, else DNLAB_ENGINE, else the newest engine dnlab installed, else
 * `system`) to folders and a version. Throws with what to try when the engine is not here.
 */
export async function chooseEngine(
  request = dnlabEnv('DNLAB_ENGINE') || undefined,
): Promise<EngineChoice> {
  const name = request ?? installedEngines()[0] ?? 'system';
  const bin =
    name === 'system'
      ? []
      : name === '20.10'
        ? DISTRO_BIN
        : [path.join(enginesRoot(), name, 'bin')];
  const notHere = () =>
    new Error(t('lab.engine.missing', { engine: name, available: engineNames().join(', ') }));
  if (name !== 'system' && name !== '20.10' && !installedEngines().includes(name)) throw notHere();
  const version = await dockerdVersion(bin);
  if (!version) throw name === 'system' ? new Error(t('lab.engine.noSystem')) : notHere();
  if (name === '20.10' && majorMinor(version) !== '20.10') throw notHere();
  return { name, bin, version };
}

function engineFile(): string {
  return path.join(labRoot(), 'engine.json');
}

/** The engine this lab runs, as recorded when its first daemon started; undefined before. */
export function labEngine(): EngineChoice | undefined {
  try {
    const e = JSON.parse(fs.readFileSync(engineFile(), 'utf8')) as EngineChoice;
    return typeof e.name === 'string' && Array.isArray(e.bin) && typeof e.version === 'string'
      ? e
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The lab's engine: the recorded one (a reset or restart keeps it), else chosen now and recorded,
 * so every host of a lab runs the same engine. Several hosts start at once: one choice wins.
 */
const choosing = new Map<string, Promise<EngineChoice>>();
export async function labEngineOrChoose(): Promise<EngineChoice> {
  const recorded = labEngine();
  if (recorded) return recorded;
  // One choice per lab (two instances may be brought up at once from one process).
  const file = engineFile();
  const pending =
    choosing.get(file) ??
    chooseEngine().then((c) => {
      writeFileAtomic(file, `${JSON.stringify(c, null, 2)}\n`);
      return c;
    });
  choosing.set(file, pending);
  try {
    return await pending;
  } finally {
    choosing.delete(file);
  }
}

/** Environment for a program that must find the lab's engine first (daemons, the learner's docker). */
export function engineEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const e = labEngine();
  return e && e.bin.length ? { ...env, PATH: enginePath(e, env.PATH) } : env;
}

/**
 * An engine range as lessons write it (`engines:` in lesson.yaml, `[!engines …]` in step text):
 * comparators separated by spaces, all of which must hold (`>=28`, `<28.2.2`, `>=26 <28`); a bare
 * version (`20.10`, `=28`) means that release line; `||` joins alternatives (`<26.1 || >=27`).
 * Undefined when it does not parse.
 */
export function parseEngineRange(range: string): ((version: string) => boolean) | undefined {
  const sets = range.split('||').map(parseComparatorSet);
  if (sets.some((set) => set === undefined)) return undefined;
  return (v) => sets.some((set) => set!(v));
}

function parseComparatorSet(text: string): ((version: string) => boolean) | undefined {
  if (!text.trim()) return undefined;
  const tests: ((v: string) => boolean)[] = [];
  for (const part of text.trim().split(/\s+/)) {
    const m = /^(>=|<=|>|<|=)?(\d+(?:\.\d+){0,2})$/.exec(part);
    if (!m) return undefined;
    const [, op = '=', want = ''] = m;
    const depth = want.split('.').length;
    const line = (v: string) => parseVersion(v).slice(0, depth).join('.');
    tests.push((v) => {
      const c = compareVersions(v, want);
      if (op === '=') return line(v) === line(want);
      return op === '>=' ? c >= 0 : op === '>' ? c > 0 : op === '<=' ? c <= 0 : c < 0;
    });
  }
  return (v) => tests.every((test) => test(v));
}

/** Does this engine version fall in the range? A range that does not parse matches nothing. */
export function engineInRange(range: string, version: string): boolean {
  return parseEngineRange(range)?.(version) ?? false;
}
