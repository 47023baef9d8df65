import { t } from '../i18n/index.js';
import type { SelftestCase } from '../orchestrate/selftest.js';
import { sumProfiles, topPhases } from '../orchestrate/selftest-profile.js';
import { safeText } from '../text/safe.js';
import { bold, seconds } from './output.js';

const share = (ms: number, of: number) =>
  `${of > 0 ? Math.round((100 * ms) / of) : 0}%`.padStart(4);

/**
 * `test-lessons --profile`: where the time went, summed by phase over every case, then each
 * lesson's wall time and the slowest cases with their largest phases.
 */
export function profileReport(
  cases: readonly SelftestCase[],
  wallMs: number,
  lessonWall: ReadonlyMap<string, number>,
): string[] {
  const totals = sumProfiles(cases.flatMap((c) => (c.profile ? [c.profile] : [])));
  const caseMs = cases.reduce((a, c) => a + c.ms, 0);
  const out = [
    bold(
      t('cli.testLessons.profile.title', {
        cases: cases.length,
        caseTime: seconds(caseMs),
        wall: seconds(wallMs),
      }),
    ),
    t('cli.testLessons.profile.phases'),
    ...topPhases(totals.ms).map(
      ([phase, ms]) => `  ${phase.padEnd(10)} ${seconds(ms).padStart(9)} ${share(ms, caseMs)}`,
    ),
    `  ${t('cli.testLessons.profile.counts', { spawns: totals.spawns, containers: seconds(totals.containerStartMs) })}`,
    t('cli.testLessons.profile.lessons'),
    ...[...lessonWall].map(([id, ms]) => `  ${safeText(id).padEnd(36)} ${seconds(ms).padStart(9)}`),
    t('cli.testLessons.profile.slowest'),
  ];
  const slowest = [...cases].sort((a, b) => b.ms - a.ms).slice(0, 10);
  for (const c of slowest) {
    const phases = topPhases(c.profile?.ms ?? {})
      .slice(0, 3)
      .map(([phase, ms]) => `${phase} ${seconds(ms)}`)
      .join(', ');
    out.push(
      `  ${seconds(c.ms).padStart(7)}  ${safeText(`${c.lesson}/${c.step}`).padEnd(44)} ${c.phase.padEnd(14)} ${phases}`,
    );
  }
  return out;
}
