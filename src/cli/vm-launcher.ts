import { spawn } from 'node:child_process';
import { t } from '../i18n/index.js';

/**
 * macOS and Windows: the lab needs a Linux kernel, so dnlab runs inside one VM (see Vagrantfile).
 * `vagrant up` shows its own progress; then the same dnlab command runs inside over `vagrant ssh -t`.
 */
function vagrant(args: string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn('vagrant', args, { stdio: 'inherit' });
    child.on('error', () => resolve(127));
    child.on('close', (code) => resolve(code ?? 1));
  });
}

export async function runInVm(argv: string[]): Promise<number> {
  process.stderr.write(`${t('cli.vm.starting')}\n`);
  const upCode = await vagrant(['up']);
  if (upCode === 127) {
    process.stderr.write(`${t('cli.vm.noVagrant')}\n`);
    return 1;
  }
  if (upCode !== 0) return upCode;
  // The arguments become one remote command line: quote each for the VM's shell.
  const quoted = argv.map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(' ');
  return vagrant(['ssh', '-t', '-c', `cd ~/dnlab && sudo ./dnlab ${quoted}`]);
}
