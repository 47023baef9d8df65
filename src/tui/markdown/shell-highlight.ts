import type { Line, Segment } from '../theme.js';

/**
 * A small, forgiving shell highlighter for code blocks: the command word, flags, quoted strings
 * and comments. It never fails: anything it does not understand stays plain.
 */

const OPERATOR = /^(\|\||&&|[|;&()])/;
const REDIRECT = /^(\d*>>?|<<?|\d*>&\d*)/;

export function highlightShell(line: string): Line {
  const out: Segment[] = [];
  let i = 0;
  let commandStart = true;
  const push = (text: string, tone?: Segment['tone']) => out.push(tone ? { text, tone } : { text });

  // A leading prompt (`$ `) is shown but muted, and the command after it still counts as first.
  const prompt = /^(\s*\$ )/.exec(line);
  if (prompt) {
    push(prompt[1]!, 'muted');
    i = prompt[1]!.length;
  }

  while (i < line.length) {
    const rest = line.slice(i);
    const ws = /^\s+/.exec(rest);
    if (ws) {
      push(ws[0]);
      i += ws[0].length;
      continue;
    }
    if (rest.startsWith('#')) {
      push(rest, 'comment');
      break;
    }
    const op = OPERATOR.exec(rest);
    if (op) {
      push(op[0], 'muted');
      i += op[0].length;
      commandStart = true;
      continue;
    }
    const redir = REDIRECT.exec(rest);
    if (redir) {
      push(redir[0], 'muted');
      i += redir[0].length;
      continue;
    }
    // One word; quotes inside it are strings, a word that is all quote is a string.
    let j = 0;
    const parts: Segment[] = [];
    let plain = '';
    while (j < rest.length && !/\s/.test(rest[j]!) && !OPERATOR.test(rest.slice(j))) {
      const ch = rest[j]!;
      if (ch === "'" || ch === '"') {
        let k = j + 1;
        while (k < rest.length && rest[k] !== ch) k += ch === '"' && rest[k] === '\\' ? 2 : 1;
        k = Math.min(k + 1, rest.length);
        if (plain) parts.push({ text: plain });
        plain = '';
        parts.push({ text: rest.slice(j, k), tone: 'string' });
        j = k;
      } else if (ch === '\\' && j + 1 < rest.length) {
        plain += rest.slice(j, j + 2);
        j += 2;
      } else {
        plain += ch;
        j += 1;
      }
    }
    if (plain) parts.push({ text: plain });
    const word = rest.slice(0, j);
    if (parts.length === 1 && !parts[0]!.tone) {
      if (commandStart && /^[A-Za-z_][A-Za-z0-9_]*=/.test(word)) {
        push(word); // VAR=value before a command
      } else if (commandStart) {
        push(word, 'command');
        commandStart = false;
      } else if (word.startsWith('-')) {
        push(word, 'flag');
      } else {
        push(word);
      }
    } else {
      out.push(...parts);
      commandStart = false;
    }
    i += Math.max(j, 1);
  }
  return out;
}

const SHELL_LANGS = new Set(['', 'sh', 'bash', 'shell', 'console', 'zsh', 'shell-session']);

export function isShellLang(lang: string | undefined): boolean {
  return SHELL_LANGS.has((lang ?? '').trim().toLowerCase());
}
