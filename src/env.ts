/**
 * Every DNLAB_* environment variable dnlab itself reads, and what it does. dnlab reads them
 * through `dnlabEnv()` only; the table in docs/ENVIRONMENT.md lists the same names (a unit test
 * keeps the two, and the code, in step). The test suite's own variables are listed there too.
 */
export const DNLAB_ENV = {
  DNLAB_INSTANCE:
    'a second, independent lab: 1-8 lowercase letters or digits (dnlab<x>-*, /var/lib/dnlab<x>)',
  DNLAB_ROOT: 'the lab folder (default /var/lib/dnlab<instance>)',
  DNLAB_ENGINE: 'the Docker engine for `up` (as --engine): 28.5, 26.1, 20.10 or system',
  DNLAB_ENGINES_ROOT: 'where the engines dnlab installed live (default /opt/dnlab/engines)',
  DNLAB_IMAGE_TAR: 'the lab image tarball (default /var/cache/dnlab/busybox-rootfs.tar)',
  DNLAB_LESSONS: 'the lessons folder (default: the lessons/ shipped with dnlab)',
  DNLAB_STUDENT:
    "the student's name in a grade result (after --student; default the hostname); also the learner's seed when DNLAB_SEED is unset",
  DNLAB_SEED:
    "the learner's seed: it picks each incident's variant and the lessons' parameters (default: DNLAB_STUDENT, else drawn once and kept in progress)",
  DNLAB_SELFTEST_PROFILE: '1: test-lessons prints where the time went (as --profile)',
  DNLAB_BUSYBOX:
    "the busybox program `grade --verify` checks (default the machine's busybox-static)",
  DNLAB_MANIFEST_SHA256:
    "the manifest's sha256 taken before the learner's commands ran (grade --verify)",
  DNLAB_NO_VM: 'on macOS or Windows: run here instead of in the VM',
  DNLAB_DEBUG: 'print the stack of an unexpected error',
} as const;

export type DnlabVar = keyof typeof DNLAB_ENV;

/** The value of one of dnlab's variables in `env` (default: this process's), as set. */
export function dnlabEnv(name: DnlabVar, env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env[name];
}
