import { createHash } from 'node:crypto';
import { dnlabEnv } from '../env.js';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { t } from '../i18n/index.js';

/**
 * dnlab checks its own files before it grades (`dnlab grade --verify`, and always when
 * `CI=true`): `npm run build` writes `dist/manifest.json` with the sha256 of every file of
 * dist/ and lessons/, of package.json, and of the program the probes run (the machine's
 * busybox); verification hashes them again and lists every difference. See docs/grading.md
 * ("Trust model") for what this does and does not protect.
 */

export const MANIFEST_FORMAT = 'dnlab-manifest';
/** Where the manifest lives, relative to dnlab's own folder. */
export const MANIFEST_FILE = 'dist/manifest.json';
/** The folders and files hashed, relative to dnlab's own folder. */
const HASHED = ['dist', 'lessons', 'package.json'];
/** Build output that is not code (tsc's incremental state) and the manifest itself. */
const NOT_HASHED = new Set([MANIFEST_FILE, 'dist/.tsbuildinfo']);
/** Where the machine's busybox may be (the probe program), first found wins. */
const BUSYBOX_PATHS = ['/usr/bin/busybox', '/bin/busybox'];

export interface Manifest {
  format: typeof MANIFEST_FORMAT;
  version: 1;
  /** Path (relative to dnlab's folder, `/`-separated) → sha256. */
  files: Record<string, string>;
  /** The probe program: its absolute path and sha256 (absent when the machine has none). */
  probe?: { path: string; sha256: string };
}

/** dnlab's own folder (this file is dist/grade/verify.js or src/grade/verify.ts). */
export function packageRoot(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
}

function sha256(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** The probe program: DNLAB_BUSYBOX, else the first busybox found (links resolved). */
export function probeProgram(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const found = [dnlabEnv('DNLAB_BUSYBOX', env), ...BUSYBOX_PATHS].find(
    (p) => p && fs.existsSync(p),
  );
  return found ? fs.realpathSync(found) : undefined;
}

/** Every hashed file under `root`, relative and `/`-separated, sorted. */
function listFiles(root: string): string[] {
  const out: string[] = [];
  for (const entry of HASHED) {
    const full = path.join(root, entry);
    if (!fs.existsSync(full)) continue;
    if (fs.statSync(full).isFile()) out.push(entry);
    else {
      for (const rel of fs.readdirSync(full, { recursive: true, encoding: 'utf8' })) {
        if (fs.statSync(path.join(full, rel)).isFile())
          out.push(`${entry}/${rel.split(path.sep).join('/')}`);
      }
    }
  }
  return out.filter((f) => !NOT_HASHED.has(f)).sort();
}

/** The manifest of what is in `root` now. */
export function makeManifest(root = packageRoot(), env: NodeJS.ProcessEnv = process.env): Manifest {
  const files = Object.fromEntries(listFiles(root).map((f) => [f, sha256(path.join(root, f))]));
  const probe = probeProgram(env);
  return {
    format: MANIFEST_FORMAT,
    version: 1,
    files,
    ...(probe ? { probe: { path: probe, sha256: sha256(probe) } } : {}),
  };
}

/** Write dist/manifest.json (run by `npm run build`, after tsc); returns its path. */
export function writeManifest(root = packageRoot(), env: NodeJS.ProcessEnv = process.env): string {
  const file = path.join(root, MANIFEST_FILE);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(makeManifest(root, env), null, 1)}\n`);
  return file;
}

/** One difference between dnlab's files and its manifest. */
export interface Difference {
  file: string;
  problem: 'changed' | 'missing' | 'added' | 'noManifest' | 'manifestChanged';
}

/**
 * Every difference between `root` now and its manifest (none: dnlab is as built). When `pin`
 * (DNLAB_MANIFEST_SHA256, taken before the learner's commands ran) is given, the manifest
 * itself must have that sha256.
 */
export function verifyInstall(root = packageRoot(), pin?: string): Difference[] {
  const file = path.join(root, MANIFEST_FILE);
  if (!fs.existsSync(file)) return [{ file: MANIFEST_FILE, problem: 'noManifest' }];
  if (pin && sha256(file) !== pin.trim().toLowerCase())
    return [{ file: MANIFEST_FILE, problem: 'manifestChanged' }];
  let manifest: Manifest;
  try {
    manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest;
    if (manifest.format !== MANIFEST_FORMAT || typeof manifest.files !== 'object')
      throw new Error();
  } catch {
    return [{ file: MANIFEST_FILE, problem: 'manifestChanged' }];
  }
  const out: Difference[] = [];
  const now = new Set(listFiles(root));
  for (const [f, hash] of Object.entries(manifest.files)) {
    if (!now.has(f)) out.push({ file: f, problem: 'missing' });
    else if (sha256(path.join(root, f)) !== hash) out.push({ file: f, problem: 'changed' });
  }
  for (const f of now) if (!(f in manifest.files)) out.push({ file: f, problem: 'added' });
  const probe = manifest.probe;
  if (probe) {
    if (!fs.existsSync(probe.path)) out.push({ file: probe.path, problem: 'missing' });
    else if (sha256(probe.path) !== probe.sha256)
      out.push({ file: probe.path, problem: 'changed' });
  }
  return out;
}

/** A name as it may be printed: control characters (an added file's name is anyone's) shown as `?`. */
const printable = (s: string) => s.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');

/** The differences as a message: the refusal, then one line each (at most `max`). */
export function describeDifferences(diffs: readonly Difference[], max = 10): string {
  const lines = diffs
    .slice(0, max)
    .map((d) => `  ${t(`grade.verify.${d.problem}`, { file: printable(d.file) })}`);
  if (diffs.length > max) lines.push(`  ${t('grade.verify.more', { n: diffs.length - max })}`);
  return [t('grade.verify.refused', { manifest: MANIFEST_FILE }), ...lines].join('\n');
}

/** Whether grading runs in CI (CI=true, as GitHub Actions, GitLab and most others set it). */
export function inCI(env: NodeJS.ProcessEnv = process.env): boolean {
  return /^(1|true|yes)$/i.test(env.CI ?? '');
}
