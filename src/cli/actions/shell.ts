import { spawn } from 'node:child_process';
import { requireHost } from '../../lab/lab.js';
import { hostCommand, shellCommand, type Command as HostCommand } from '../../lab/shell.js';

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

/** `dnlab shell <host>`: a login shell on the host, attached to this terminal. */
export async function runShell(host: string): Promise<void> {
  requireHost(host);
  process.exitCode = await attach(shellCommand(host));
}

/** `dnlab exec <host> <command...>`: one program on the host, attached to this terminal. */
export async function runExec(host: string, argv: string[]): Promise<void> {
  requireHost(host);
  process.exitCode = await attach(hostCommand(host, argv));
}
