import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Analysis } from './analyze.js';

/**
 * Analysed lessons kept between runs, for the TUI's start (reading and checking 13 lessons is most
 * of it). An entry is used only when nothing it came from has changed: the same code (the
 * bundle's chunk name, a hash of its code and of every chunk it imports), the same language, and
 * every file of the lesson folder with the same size, mtime, ctime and inode. Outside the bundle
 * (tests, tsc's output) there is no code identity, and nothing is cached. `dnlab check` and
 * `grade` never read it: a verdict comes from the lesson files themselves.
 */

export interface CacheKey {
  /** Identifies the code that analyses (the bundle chunk's name). */
  code: string;
  lang: string;
  /** The learner's seed and a forced variant: they decide a lesson's draw (seed.ts). */
  seed?: string;
  variant?: string;
}

/** `$XDG_CACHE_HOME/dnlab/lessons` (an absolute XDG_CACHE_HOME only), else `~/.cache/dnlab/lessons`. */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const xdg = env.XDG_CACHE_HOME;
  const base = xdg && path.isAbsolute(xdg) ? xdg : path.join(os.homedir(), '.cache');
  return path.join(base, 'dnlab', 'lessons');
}

/** The running code's identity when it is bundled (a hashed chunk name), else undefined. */
export function codeIdentity(moduleUrl: string): string | undefined {
  const file = fileURLToPath(moduleUrl);
  return /^chunk-[A-Z0-9]+\.js$/.test(path.basename(file)) ? file : undefined;
}

/** Every file under `dir` with what would change if it were edited, sorted. */
function fileStats(dir: string): (string | number)[][] {
  const out: (string | number)[][] = [];
  for (const rel of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    const s = fs.statSync(path.join(dir, rel), { bigint: true });
    if (s.isFile())
      out.push([rel, String(s.size), String(s.mtimeNs), String(s.ctimeNs), String(s.ino)]);
  }
  return out;
}

function entryFile(dir: string, key: CacheKey, root: string): string {
  const name = createHash('sha256').update(`${dir}\0${key.lang}`).digest('hex').slice(0, 32);
  return path.join(root, `${name}.json`);
}

/**
 * The analysis of `dir`: from the cache when it is current, else from `analyse()`, then kept.
 * A cache that cannot be read or written is passed by: the lesson is analysed as without one.
 */
export function cachedAnalysis(
  dir: string,
  key: CacheKey,
  analyse: () => Analysis,
  root: string = cacheDir(),
): Analysis {
  let stamp: string;
  try {
    stamp = createHash('sha256')
      .update(JSON.stringify({ key, dir, files: fileStats(dir) }))
      .digest('hex');
  } catch {
    return analyse();
  }
  const file = entryFile(dir, key, root);
  try {
    const entry = JSON.parse(fs.readFileSync(file, 'utf8')) as {
      stamp?: string;
      analysis?: Analysis;
    };
    if (entry.stamp === stamp && entry.analysis) return entry.analysis;
  } catch {
    /* no entry, or not one we wrote: analysed below */
  }
  const analysis = analyse();
  try {
    fs.mkdirSync(root, { recursive: true, mode: 0o700 });
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify({ stamp, analysis }), { mode: 0o600 });
    fs.renameSync(tmp, file);
  } catch {
    /* read-only home, full disk: the next start analyses again */
  }
  return analysis;
}
