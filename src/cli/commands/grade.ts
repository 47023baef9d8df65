import type { Command } from 'commander';
import { t } from '../../i18n/index.js';
import type { GradeOpts } from '../actions/grade.js';
import { reportError } from '../output.js';

export function register(program: Command): void {
  program
    .command('grade')
    .summary(t('grade.cli.summary'))
    .description(t('grade.cli.description'))
    .option('--lessons <ids>', t('grade.cli.lessonsOpt'))
    .option('--format <format>', t('grade.cli.formatOpt'), 'text')
    .option('-o, --output <file>', t('grade.cli.outputOpt'))
    .option('--workshop <file>', t('grade.cli.workshopOpt'))
    .option('--student <name>', t('grade.cli.studentOpt'))
    .option('-q, --quiet', t('grade.cli.quietOpt'))
    .option('--verify', t('grade.cli.verifyOpt'))
    .addHelpText('after', () => `\n${t('grade.cli.examples')}\n`)
    .action(async (opts: GradeOpts) => {
      try {
        const { runGrade } = await import('../actions/grade.js');
        process.exitCode = await runGrade(opts);
      } catch (e) {
        // Exit 2: the grade could not be made (the user's to fix), not a failed grade (exit 1).
        process.exitCode = reportError(e, 2);
      }
    });
}
