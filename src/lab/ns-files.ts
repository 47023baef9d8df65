import os from 'node:os';
import { unmountUnder } from './mounts.js';
import { CommandError, run } from './run.js';

/**
 * `unshare` with persistent namespace files (`--uts=<file> --mount=<file> …`), made to work inside
 * a container on Linux 6.18 and later.
 *
 * There, namespace ids come from per-CPU batches (nstree's `ns_tree_gen_id`), and the kernel's
 * loop check on binding a mount-namespace file (`mnt_ns_loop`: the binder's own namespace id must
 * be lower than the new one's) refuses the bind with EINVAL when the new namespace took its id on a
 * CPU whose batch is older than the one that gave the caller's namespace its id. In a container
 * (the lab image) that happens on some CPUs and not others; on the machine's first namespace it
 * never does. A namespace made on the CPU that made the caller's always has the higher id, so on
 * EINVAL the same command runs again pinned to each CPU in turn, after unmounting what the failed
 * try had bound (unshare binds the files one by one).
 */
export async function unsharePersistent(
  files: readonly string[],
  argv: readonly string[],
): Promise<void> {
  const first = await run(argv);
  if (first.code === 0) return;
  if (!/Invalid argument/.test(first.stderr)) throw new CommandError(argv, first);
  const cpus = os.cpus().length;
  for (let cpu = 0; cpu < cpus; cpu++) {
    await unmountUnder([...files]);
    const again = await run(['taskset', '-c', String(cpu), ...argv]);
    if (again.code === 0) return;
  }
  await unmountUnder([...files]);
  throw new CommandError(argv, first);
}
