import { t } from '../i18n/index.js';
import { inInstance, inInstanceAllowed, instance, validInstance } from '../lab/config.js';
import { labEngine } from '../lab/engines.js';
import { down, up } from '../lab/lab.js';

/**
 * The self-test's helper lab instances: `<instance>w1`, `<instance>w2`, … beside the one the
 * self-test runs in (named from it, so that they carry its prefix and never meet another run's).
 * `n` is the number of instances in all; none when the names would not fit (8 characters) or
 * DNLAB_ROOT fixes the lab root, with a note why.
 */
export function helperNames(n: number, note: (line: string) => void): string[] {
  const names = Array.from({ length: Math.max(0, n - 1) }, (_, i) => `${instance()}w${i + 1}`);
  if (names.length === 0) return [];
  if (!inInstanceAllowed() || !names.every(validInstance)) {
    note(t('cli.testLessons.noHelpers', { instance: instance() }));
    return [];
  }
  return names;
}

/**
 * Bring the helpers up on `engine` (a kept helper on another engine is rebuilt), all at once.
 * Returns those that came up; one that did not is named, with what to try, and left out.
 */
export async function upHelpers(
  names: readonly string[],
  engine: string | undefined,
  note: (line: string) => void,
): Promise<string[]> {
  // The engine every instance must run: the asked one, else the main lab's own.
  if (engine) process.env.DNLAB_ENGINE = engine;
  const results = await Promise.allSettled(
    names.map((name) =>
      inInstance(name, async () => {
        const running = labEngine();
        if (running && engine && running.name !== engine) await down();
        await up();
      }),
    ),
  );
  return names.filter((name, i) => {
    const r = results[i]!;
    if (r.status === 'fulfilled') return true;
    const reason = r.reason instanceof Error ? r.reason.message : String(r.reason);
    note(t('cli.testLessons.helperFailed', { instance: name, reason }));
    return false;
  });
}

/** Take every helper down (also those that did not come up: what they left is removed). */
export async function downHelpers(names: readonly string[]): Promise<void> {
  await Promise.allSettled(names.map((name) => inInstance(name, () => down())));
}
