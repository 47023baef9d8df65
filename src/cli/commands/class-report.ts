import type { Command } from 'commander';
import { t } from '../../i18n/index.js';

export function register(program: Command): void {
  program
    .command('class-report')
    .summary(t('grade.cli.report.summary'))
    .description(t('grade.cli.report.description'))
    .argument('<files...>', t('grade.cli.report.filesArg'))
    .option('--html <file>', t('grade.cli.report.htmlOpt'))
    .option('--title <title>', t('grade.cli.report.titleOpt'))
    .addHelpText('after', () => `\n${t('grade.cli.report.examples')}\n`)
    .action(async (files: string[], opts: { html?: string; title?: string }) => {
      const { runClassReport } = await import('../actions/class-report.js');
      process.exitCode = runClassReport(files, opts);
    });
}
