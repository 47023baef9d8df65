import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: the lint config is plain JavaScript without declarations.
import { LAYERS, forbiddenFor } from '../../../eslint.config.js';
import { SRC, findCycle, folderEdges } from './imports.js';

const REPO = path.resolve(SRC, '..');
const layers = LAYERS as string[][];
const forbidden = forbiddenFor as (folder: string) => string[];

async function lint(filePath: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: REPO });
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('layers: lab → observe → checks|topo → lessons → orchestrate → grade|tui → cli', () => {
  it('lint fails on a backwards import', async () => {
    const lab = await lint(
      'src/lab/fixture.ts',
      "import { x } from '../observe/facts.js';\nexport const y = x;\n",
    );
    expect(lab.join('\n')).toMatch(/no-restricted-imports: .*src\/lab is below src\/observe/);
    const checks = await lint(
      'src/checks/lib/fixture.ts',
      "import { x } from '../../orchestrate/check-step.js';\nexport const y = x;\n",
    );
    expect(checks.join('\n')).toMatch(/no-restricted-imports/);
    const tui = await lint(
      'src/tui/hooks/fixture.ts',
      "import { x } from '../../cli/output.js';\nexport const y = x;\n",
    );
    expect(tui.join('\n')).toMatch(/no-restricted-imports/);
  });

  it('lint passes a forward import', async () => {
    const ok = await lint(
      'src/checks/lib/fixture.ts',
      "import { x } from '../../observe/facts.js';\nexport const y = x;\n",
    );
    expect(ok).toEqual([]);
  });

  it('every folder of src/ has a layer', () => {
    const folders = new Set(folderEdges().flatMap((e) => [e.from, e.to]));
    folders.delete('(root)');
    expect([...folders].filter((f) => !layers.flat().includes(f))).toEqual([]);
  });

  it('no import, dynamic ones included, goes against the layers', () => {
    const backwards = folderEdges().filter(
      (e) => e.from !== '(root)' && forbidden(e.from).includes(e.to),
    );
    expect(backwards.map((e) => `${e.file} → ${e.spec}`)).toEqual([]);
  });

  it('the folder import graph has no cycle', () => {
    expect(findCycle(folderEdges())).toBeUndefined();
    // The search itself finds one when there is one.
    expect(
      findCycle([
        { from: 'a', to: 'b' },
        { from: 'b', to: 'c' },
        { from: 'c', to: 'a' },
      ]),
    ).toEqual(['a', 'b', 'c', 'a']);
  });
});
