import { spawn } from 'node:child_process';
import type { Command } from 'commander';
import { requireHost } from '../../lab/lab.js';
import { hostCommand, shellCommand, type Command as HostCommand } from '../../lab/shell.js';
import { requireRoot } from '../root.js';

/** Run a program attached to this terminal; Ctrl-C goes to it, not to dnlab. */
function attach(cmd: HostCommand): Promise<number> {
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
    .description('open an interactive shell inside a lab host (its own network, hostname and docker)')
    .addHelpText(
      'after',
      '\nInside, `docker` talks to that host’s engine and `ip`, `bridge`, `iptables` show its network.\nLeave with `exit`.\n\nExample:\n  sudo dnlab shell host1',
    )
    .action(async (host: string) => {
      requireRoot('dnlab shell');
      requireHost(host);
      process.exitCode = await attach(shellCommand(host));
    });

  program
    .command('exec <host> <command...>')
    .description('run one command inside a lab host')
    .addHelpText(
      'after',
      '\nPut `--` before the command so its options are not read as dnlab’s.\n\nExamples:\n  sudo dnlab exec host1 -- docker ps\n  sudo dnlab exec host2 -- ip -br addr',
    )
    .action(async (host: string, argv: string[]) => {
      requireRoot('dnlab exec');
      requireHost(host);
      process.exitCode = await attach(hostCommand(host, argv));
    });
}
