#!/usr/bin/env node
import { CommanderError } from 'commander';
import { dnlabEnv } from '../env.js';
import { setLang } from '../i18n/index.js';
import { chooseLang } from './lang.js';
import { quietOnClosedPipe, reportError } from './output.js';
import { buildProgram } from './program.js';

async function main(): Promise<void> {
  quietOnClosedPipe();
  try {
    setLang(chooseLang(process.argv.slice(2)));
  } catch (err) {
    process.exitCode = reportError(err);
    return;
  }
  if (process.platform !== 'linux' && !dnlabEnv('DNLAB_NO_VM')) {
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
