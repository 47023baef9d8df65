import type { Command } from 'commander';
import { t } from '../../i18n/index.js';
import { requireRoot } from '../root.js';

/** The self-test runs in its own lab instance, so a learner's lab is never reset by it. */
export const SELFTEST_INSTANCE = 'st';

export interface TestLessonsOptions {
  repeat: string;
  keep?: boolean;
  json?: boolean;
  engine?: string;
  instances: string;
  profile?: boolean;
}

export function register(program: Command): void {
  program
    .command('test-lessons [ids...]')
    .description(t('cli.testLessons.description'))
    .option('--repeat <n>', t('cli.testLessons.repeatOpt'), '1')
    .option('--keep', t('cli.testLessons.keepOpt'))
    .option('--engine <engine>', t('cli.testLessons.engineOpt'))
    .option('--instances <n>', t('cli.testLessons.instancesOpt'), '4')
    .option('--profile', t('cli.testLessons.profileOpt'))
    .option('--json', t('cli.opt.json'))
    .addHelpText('after', `\n${t('cli.testLessons.help', { prefix: `dnlab${SELFTEST_INSTANCE}` })}`)
    .action(async (ids: string[], opts: TestLessonsOptions) => {
      requireRoot('dnlab test-lessons');
      const { runTestLessons } = await import('../actions/test-lessons.js');
      await runTestLessons(ids, opts);
    });
}
