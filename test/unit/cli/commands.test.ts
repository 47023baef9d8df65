import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { commands } from '../../../src/cli/commands/index.js';

const DIR = path.resolve(import.meta.dirname, '../../../src/cli/commands');

describe('commands/index.ts', () => {
  it('registers every command file, each exactly once, and nothing registers another', () => {
    const withRegister = fs
      .readdirSync(DIR)
      .filter(
        (f) =>
          f !== 'index.ts' &&
          /export function register\(/.test(fs.readFileSync(path.join(DIR, f), 'utf8')),
      );
    expect(commands).toHaveLength(withRegister.length);
    const once = new Command();
    for (const c of commands) c.register(once);
    const names = once.commands.map((c) => c.name());
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(expect.arrayContaining(['trace', 'exec', 'shell', 'topo']));
    // One command per module: a module that registers two hides one from the list.
    for (const c of commands) {
      const p = new Command();
      c.register(p);
      expect(p.commands).toHaveLength(1);
    }
  });
});
