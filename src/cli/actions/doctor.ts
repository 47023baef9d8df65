import { t } from '../../i18n/index.js';
import { cleanup } from '../../lab/cleanup.js';
import { diagnose } from '../../lab/doctor.js';
import { english } from '../../lab/messages.js';
import { FAIL, OK, dim, green, red, yellow } from '../output.js';

/** `dnlab doctor [--fix] [--json]`: what the machine lacks, and how to get it. */
export async function runDoctor(opts: { fix?: boolean; json?: boolean }): Promise<void> {
  if (opts.fix && process.getuid?.() === 0) {
    const findings = await diagnose();
    if (findings.some((f) => f.id === 'leftovers' && !f.ok)) {
      const r = await cleanup();
      if (!opts.json) process.stdout.write(`${t('doctor.fixed', { ...r })}\n`);
    }
  }
  // --json is for machines: its texts stay in English, whatever the language.
  const findings = await diagnose(opts.json ? english : t);
  const problems = findings.filter((f) => !f.ok && !f.optional);
  if (opts.json) {
    process.stdout.write(`${JSON.stringify({ ok: problems.length === 0, findings }, null, 2)}\n`);
  } else {
    process.stdout.write(`${t('doctor.title')}\n`);
    for (const f of findings) {
      const mark = f.ok ? green(OK) : f.optional ? yellow('-') : red(FAIL);
      const note =
        f.optional && !f.ok ? t('doctor.optionalNote', { optional: t('doctor.optional') }) : '';
      process.stdout.write(`${mark} ${f.title}${note}${f.detail ? dim(`  ${f.detail}`) : ''}\n`);
      if (!f.ok && f.fix) process.stdout.write(`    → ${f.fix}\n`);
    }
    process.stdout.write(
      `${problems.length === 0 ? t('doctor.allGood') : t('doctor.problems', { count: problems.length })}\n`,
    );
  }
  if (problems.length > 0) process.exitCode = 1;
}
