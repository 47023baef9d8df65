import fs from 'node:fs';
import path from 'node:path';
import { stateFile } from './config.js';
import type { Topology } from './topology.js';

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

export function writeState(state: LabState): void {
  writeFileAtomic(stateFile(), `${JSON.stringify(state, null, 2)}\n`);
}
