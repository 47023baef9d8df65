import fs from 'node:fs';
import path from 'node:path';
import { instance, labRoot, ROOT_MARKER, stateFile } from './config.js';
import { t } from './messages.js';
import type { Topology } from './topology.js';
import { UserError } from '../errors.js';

export interface LabState {
  version: 1;
  topology: Topology;
  startedAt: string;
  /** True once `up` finished; a state file with `complete: false` is a crashed or interrupted `up`. */
  complete: boolean;
}

export function writeFileAtomic(file: string, data: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, data);
  fs.renameSync(tmp, file);
}

export function readState(): LabState | undefined {
  try {
    const s = JSON.parse(fs.readFileSync(stateFile(), 'utf8')) as LabState;
    return s && s.version === 1 && Array.isArray(s.topology?.hosts) ? s : undefined;
  } catch {
    return undefined;
  }
}

/** Only `up` writes the state file; the root it creates for it is marked as the lab's own. */
export function writeState(state: LabState): void {
  claimRoot();
  writeFileAtomic(stateFile(), `${JSON.stringify(state, null, 2)}\n`);
}

// ── the lab root is dnlab's own ─────────────────────────────────────────────────────────────

/** A lab root dnlab may not use or delete; `fix` says what to do instead. */
export class RootError extends UserError {
  constructor(message: string) {
    super(message, { tryMessage: t('lab.root.fix') });
    this.name = 'RootError';
  }
}

/**
 * What a lab root made before the marker existed holds (a lab started by an older dnlab): such
 * a folder, with nothing else in it, is still the lab's own.
 */
const LAB_ENTRIES = /^(hosts|ns|state\.json|features\.json)(\.\d+\.tmp)?$/;

function entries(root: string): string[] | undefined {
  try {
    return fs.readdirSync(root);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

/** Why dnlab may not use or delete this existing root, or undefined when it is the lab's own. */
function notOwn(root: string, names: string[]): string | undefined {
  if (names.includes('.git')) return t('lab.root.git', { path: root });
  const marker = path.join(root, ROOT_MARKER);
  if (names.includes(ROOT_MARKER)) {
    const st = fs.lstatSync(marker);
    if (!st.isFile()) return t('lab.root.notOwn', { path: root, marker: ROOT_MARKER });
    const owner = fs.readFileSync(marker, 'utf8').trim();
    if (owner !== instance()) {
      return t('lab.root.otherInstance', {
        path: root,
        owner: owner || '(default)',
        instance: instance() || '(default)',
      });
    }
    return undefined;
  }
  if (names.every((n) => LAB_ENTRIES.test(n))) return undefined;
  return t('lab.root.notOwn', { path: root, marker: ROOT_MARKER });
}

/**
 * `up`: make the lab root dnlab's own. A missing or empty folder is created and marked (a
 * `.dnlab-root` file naming the instance); a marked one is used again. A folder with a `.git`,
 * or with files of its own and no marker, is refused.
 */
export function claimRoot(root: string = labRoot()): void {
  const names = entries(root);
  if (names !== undefined && names.length > 0) {
    const why = notOwn(root, names);
    if (why) throw new RootError(why);
    if (names.includes(ROOT_MARKER)) return;
  }
  fs.mkdirSync(root, { recursive: true });
  fs.writeFileSync(path.join(root, ROOT_MARKER), `${instance()}\n`);
}

/** `down`, `reset` and cleanup, before they delete anything under the root: refuse a root not the lab's own. */
export function assertOwnRoot(root: string = labRoot()): void {
  const names = entries(root);
  if (names === undefined || names.length === 0) return;
  const why = notOwn(root, names);
  if (why) throw new RootError(why);
}
