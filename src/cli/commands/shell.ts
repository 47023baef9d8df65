import { spawn } from 'node:child_process';
import type { Command } from 'commander';
import { t } from '../../i18n/index.js';
import { requireHost } from '../../lab/lab.js';
import { shellCommand, type Command as HostCommand } from '../../lab/shell.js';
import { requireRoot } from '../root.js';

/** Run a program attached to this terminal; Ctrl-C goes to it, not to dnlab. */
export function attach(cmd: HostCommand): Promise<number> {
  const ignore = () => {};
  process.on('SIGINT', ignore);
  return new Promise((resolve, reject) => {
    const child = spawn(cmd.file, cmd.args, { stdio: 'inherit', env: cmd.env });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      process.off('SIGINT', ignore);
      resolve(code ?? (signal ? 128 + 2 : 1));
    });
  });
}

export function register(program: Command): void {
  program
    .command('shell <host>')
    .description(t('cli.shell.description'))
    .addHelpText('after', `\n${t('cli.shell.help')}`)
    .action(async (host: string) => {
      requireRoot('dnlab shell');
      requireHost(host);
      process.exitCode = await attach(shellCommand(host));
    });
}
