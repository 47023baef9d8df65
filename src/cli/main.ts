#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { createRequire } from 'node:module';
import { detectLang, setLang } from '../i18n/index.js';
import { commands } from './commands/index.js';
import { reportError } from './output.js';

const pkg = createRequire(import.meta.url)('../../package.json') as { version: string };

export function buildProgram(): Command {
  const program = new Command('dnlab')
    .description('A terminal learning lab for Docker container networking.\nWith no command, opens the lessons (the TUI).')
    .version(pkg.version, '-v, --version')
    .option('--lang <lang>', 'language of messages: en or zh-CN (default: from LANG)')
    .showHelpAfterError('(add --help for usage)')
    .hook('preAction', (cmd) => {
      setLang(detectLang(cmd.optsWithGlobals<{ lang?: string }>().lang));
    });
  for (const c of commands) c.register(program);
  program.allowExcessArguments().action(async (_opts, cmd: Command) => {
    const [unknown] = cmd.args;
    if (unknown) program.error(`error: unknown command '${unknown}'`);
    // React's production build: half the code to load, and no dev-only checks at every render.
    const env = process.env.NODE_ENV;
    process.env.NODE_ENV ??= 'production';
    // Ink draws only the last frame when it believes it runs in CI (`is-in-ci`, read when Ink
    // loads); the TUI needs a terminal anyway, so on one it is interactive, whatever CI says.
    const ci = process.env.CI;
    if (process.stdout.isTTY) process.env.CI = 'false';
    const { runTui } = await import('../tui/run.js');
    if (env === undefined) delete process.env.NODE_ENV; // not for the lab shells
    if (ci === undefined) delete process.env.CI;
    else process.env.CI = ci;
    process.exitCode = await runTui();
  });
  return program;
}

async function main(): Promise<void> {
  if (process.platform !== 'linux' && !process.env.DNLAB_NO_VM) {
    const { runInVm } = await import('./vm-launcher.js');
    process.exitCode = await runInVm(process.argv.slice(2));
    return;
  }
  const program = buildProgram().exitOverride();
  try {
    await program.parseAsync(process.argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      process.exitCode = err.exitCode;
      return;
    }
    process.exitCode = reportError(err);
  }
}

void main();
