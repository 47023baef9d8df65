import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/** scripts/narrow-ink-import.mjs (postinstall) saves the TUI ~200 ms of start-up. */
describe("Ink's throttle import, narrowed at install", () => {
  it('Ink imports throttle alone, not the whole es-toolkit/compat index', () => {
    const ink = path.join(path.dirname(fileURLToPath(import.meta.resolve('ink'))), 'ink.js');
    const source = fs.readFileSync(ink, 'utf8');
    expect(source).toContain("import throttle from 'es-toolkit/compat/throttle';");
    expect(source).not.toContain("from 'es-toolkit/compat';");
  });

  it('and it is the very same function', async () => {
    const alone = (await import('es-toolkit/compat/throttle')) as { default: unknown };
    const { throttle } = await import('es-toolkit/compat');
    expect(alone.default).toBe(throttle);
  });
});
