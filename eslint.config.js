import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * The layers of src/, lowest first: a folder may import its own layer and those below it, never
 * one above (docs/ARCHITECTURE.md). text/, i18n/ and src/errors.ts are usable by all.
 * test/unit/layers.test.ts checks that a backwards import fails this lint and that the folder
 * import graph has no cycle.
 */
export const LAYERS = [
  ['text', 'i18n'],
  ['lab'],
  ['observe'],
  ['checks', 'topo'],
  ['lessons'],
  ['orchestrate'],
  ['grade', 'tui'],
  ['cli'],
];

/** The folders `folder` must not import: every higher layer, and its own layer's siblings. */
export function forbiddenFor(folder) {
  const at = LAYERS.findIndex((l) => l.includes(folder));
  const above = LAYERS.slice(at + 1).flat();
  const siblings = LAYERS[at].filter((f) => f !== folder && at > 0);
  return [...above, ...siblings];
}

const layerRules = LAYERS.flat()
  .filter((folder) => forbiddenFor(folder).length > 0)
  .map((folder) => ({
    files: [`src/${folder}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: forbiddenFor(folder).map((f) => ({
            group: [`**/${f}/*`, `**/${f}/**`],
            message: `src/${folder} is below src/${f} (layers: docs/ARCHITECTURE.md); move the shared code down instead.`,
          })),
        },
      ],
    },
  }));

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'bench/**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // Terminal code matches escape sequences on purpose.
      'no-control-regex': 'off',
    },
  },
  ...layerRules,
);
