import { hostCommand } from './shell.js';
import { run, type RunResult } from './run.js';

/**
 * Run one line as the learner would type it in the host's shell (`bash -c <line>` inside the
 * lab host). Lesson solutions and setup commands are shell lines by nature; nothing is spliced
 * into them.
 */
export function runOnHost(host: string, line: string, timeoutMs = 60_000): Promise<RunResult> {
  // --norc: Node's stdin is a socket, and bash then reads ~/.bashrc as if started by rshd.
  const cmd = hostCommand(host, ['bash', '--norc', '-c', line]);
  return run([cmd.file, ...cmd.args], { env: cmd.env, timeoutMs });
}
