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
    const { runTui } = await loadTui();
    process.exitCode = await runTui();
  });
  return program;
}

/** The TUI's module (Ink, React, the screens), loaded as fast as it loads. */
async function loadTui(): Promise<typeof import('../tui/run.js')> {
  // React's production build: half the code to load, and no dev-only checks at every render. (The
  // bundle has it built in; this is for tsc's output.) Read by key: the bundle defines the name.
  const env = process.env;
  const NODE_ENV = 'NODE_ENV';
  const mode = env[NODE_ENV];
  env[NODE_ENV] ??= 'production';
  // Ink draws only the last frame when it believes it runs in CI (`is-in-ci`, read when Ink
  // loads); the TUI needs a terminal anyway, so on one it is interactive, whatever CI says.
  const ci = env.CI;
  if (process.stdout.isTTY) env.CI = 'false';
  // Yoga (Ink's layout) reads its inlined wasm with `fetch` when there is one, and the first
  // `fetch` loads Node's HTTP client: about a quarter of the TUI's start. Without it, Yoga decodes
  // the very same bytes itself.
  const fetch = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
  Object.defineProperty(globalThis, 'fetch', {
    value: undefined,
    configurable: true,
    writable: true,
  });
  try {
    return await import('../tui/run.js');
  } finally {
    if (fetch) Object.defineProperty(globalThis, 'fetch', fetch);
    else delete (globalThis as { fetch?: unknown }).fetch;
    if (mode === undefined) delete env[NODE_ENV]; // not for the lab shells
    if (ci === undefined) delete env.CI;
    else env.CI = ci;
  }
}
