import fs from 'node:fs';
import { dnlabEnv } from '../env.js';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { hostPaths } from './config.js';
import { enginePath, engineEnv, labEngine } from './engines.js';
import { enterHost } from './hostns.js';
import { PROMPT_COMMAND_LINE } from './prompt-osc.js';

export function dockerHostEnv(host: string): string {
  return `unix://${hostPaths(host).dockerSock}`;
}

function rcPath(host: string): string {
  return path.join(hostPaths(host).dir, 'bashrc');
}

/**
 * The lab's shell functions (`restart-docker`), read by the learner's rc file and, through
 * BASH_ENV, by every non-interactive bash the lab starts on the host (lesson solutions, setup).
 */
function functionsPath(host: string): string {
  return path.join(hostPaths(host).dir, 'functions.sh');
}

/** A word for bash: single-quoted, so nothing in it is expanded. */
function quote(word: string): string {
  return `'${word.replaceAll("'", "'\\''")}'`;
}

/** The dnlab command line that runs this very CLI (node and its main script). */
function dnlabCommand(): string {
  const main = fileURLToPath(new URL('../cli/main.js', import.meta.url));
  return `${quote(process.execPath)} ${quote(main.replace(`${path.sep}src${path.sep}`, `${path.sep}dist${path.sep}`))}`;
}

/** The learner shell's rc file: the machine's own bashrc, then the lab host's docker and prompt. */
export function writeShellRc(host: string): void {
  const functions = [
    // The lab's `systemctl restart docker`: the engine re-reads /etc/docker/daemon.json.
    `restart-docker() { ${dnlabCommand()} restart-engine ${quote(host)}; }`,
    '',
  ];
  fs.writeFileSync(functionsPath(host), functions.join('\n'));
  const engine = labEngine();
  const lines = [
    '[ -f /etc/bash.bashrc ] && . /etc/bash.bashrc',
    `export DOCKER_HOST=${dockerHostEnv(host)}`,
    // The lab engine's own `docker` CLI first (engines.ts).
    ...(engine?.bin.length ? [`export PATH=${quote(enginePath(engine, ''))}"$PATH"`] : []),
    `export DNLAB_HOST=${host}`,
    ...(dnlabEnv('DNLAB_INSTANCE') ? [`export DNLAB_INSTANCE=${quote(dnlabEnv('DNLAB_INSTANCE')!)}`] : []),
    `. ${quote(functionsPath(host))}`,
    "PS1='\\u@\\h:\\w\\$ '",
    // Tells the TUI when a command finished (invisible in a plain terminal).
    PROMPT_COMMAND_LINE,
    'cd ~ 2>/dev/null',
    '',
  ];
  fs.writeFileSync(rcPath(host), lines.join('\n'));
}

export interface Command {
  file: string;
  args: string[];
  env: NodeJS.ProcessEnv;
}

/**
 * A program run inside a lab host as the learner sees it: the host's network, UTS (hostname) and
 * mount namespaces (its own /sys, /run/netns, /etc/docker), and DOCKER_HOST set to its engine.
 */
export function hostCommand(host: string, argv: readonly string[]): Command {
  return {
    file: 'nsenter',
    args: [...enterHost(host), '--', ...argv],
    env: {
      ...engineEnv(),
      DOCKER_HOST: dockerHostEnv(host),
      DNLAB_HOST: host,
      // Non-interactive bash (`bash -c <line>`) reads this file: `restart-docker` works there too.
      BASH_ENV: functionsPath(host),
    },
  };
}

/** An interactive login-like shell inside a lab host (prompt `root@host1`). */
export function shellCommand(host: string): Command {
  return hostCommand(host, ['bash', '--rcfile', rcPath(host), '-i']);
}
