import type { Command } from 'commander';
import { exitCodeOf, tryMessageOf } from '../../errors.js';
import { t } from '../../i18n/index.js';
import { safeJson } from '../../text/safe.js';

export function register(program: Command): void {
  program
    .command('check <lesson[/step]>')
    .description(t('cli.check.description'))
    .option('--json', t('cli.opt.json'))
    .addHelpText('after', `\n${t('cli.check.help')}`)
    .action(async (arg: string, opts: { json?: boolean }) => {
      const { runCheck } = await import('../actions/check.js');
      if (!opts.json) return runCheck(arg, opts);
      // --json always prints JSON, errors included.
      try {
        await runCheck(arg, opts);
      } catch (e) {
        const fix = tryMessageOf(e);
        const error = {
          message: e instanceof Error ? e.message : String(e),
          ...(fix ? { fix } : {}),
        };
        process.stdout.write(`${safeJson({ version: 1, error }, 2)}\n`);
        process.exitCode = exitCodeOf(e);
      }
    });
}
