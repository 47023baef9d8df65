import { Command } from 'commander';
import { createRequire } from 'node:module';
import { setLang, t } from '../i18n/index.js';
import { commands } from './commands/index.js';
import { errorLine, langOption, localizeHelp } from './lang.js';

const pkg = createRequire(import.meta.url)('../../package.json') as { version: string };

/**
 * The program, its texts in the current language: set it first (`main` does, from `--lang` or
 * the environment), since commander reads every description here, before parsing.
 */
export function buildProgram(): Command {
  const program = localizeHelp(new Command('dnlab'))
    .description(t('cli.program.description'))
    .version(pkg.version, '-v, --version', t('cli.help.version'))
    .option('--lang <lang>', t('cli.program.langOpt'), langOption)
    .hook('preAction', (cmd) => {
      const { lang } = cmd.optsWithGlobals<{ lang?: ReturnType<typeof langOption> }>();
      if (lang) setLang(lang);
    });
  for (const c of commands) c.register(program);
  program.allowExcessArguments().action(async (_opts, cmd: Command) => {
    const [unknown] = cmd.args;
    if (unknown) program.error(errorLine(t('cli.unknownCommand', { name: unknown })));
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
