import fs from 'node:fs';
import { runOk } from './run.js';

/** Mount points listed in /proc/self/mountinfo (octal escapes decoded). */
export function mountPoints(): string[] {
  const text = fs.readFileSync('/proc/self/mountinfo', 'utf8');
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => (line.split(' ')[4] ?? '').replace(/\\(\d{3})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8))));
}

/** Mounts at or below any of the given paths, deepest first, except those in `keep`. */
export function mountsUnder(roots: string[], keep: readonly string[] = []): string[] {
  const hits = mountPoints().filter(
    (m) => !keep.includes(m) && roots.some((r) => m === r || m.startsWith(r.endsWith('/') ? r : `${r}/`)),
  );
  return [...new Set(hits)].sort((a, b) => b.split('/').length - a.split('/').length);
}

/**
 * Lazily unmount everything at or below the given paths (dockerd leaves its data-root bind mount),
 * except the mount points in `keep` themselves (the image's volume on the lab folder).
 */
export async function unmountUnder(roots: string[], keep: readonly string[] = []): Promise<number> {
  const targets = mountsUnder(roots, keep);
  // One umount per round: a lazy unmount of a parent also detaches its children.
  for (let round = 0; round < 5; round++) {
    const left = mountsUnder(roots, keep);
    if (left.length === 0) break;
    await runOk(['umount', '-l', ...left]).catch(() => undefined);
  }
  const still = mountsUnder(roots, keep);
  if (still.length > 0) throw new Error(`could not unmount: ${still.join(', ')}`);
  return targets.length;
}
