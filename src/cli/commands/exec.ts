import type { Command } from 'commander';
import { t } from '../../i18n/index.js';
import { requireHost } from '../../lab/lab.js';
import { hostCommand } from '../../lab/shell.js';
import { requireRoot } from '../root.js';
import { attach } from './shell.js';

export function register(program: Command): void {
  program
    .command('exec <host> <command...>')
    .description(t('cli.exec.description'))
    .addHelpText('after', `\n${t('cli.exec.help')}`)
    .action(async (host: string, argv: string[]) => {
      requireRoot('dnlab exec');
      requireHost(host);
      process.exitCode = await attach(hostCommand(host, argv));
    });
}
