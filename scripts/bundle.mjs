#!/usr/bin/env node
// Bundles the CLI with esbuild, after tsc (run by `npm run build`): dist/cli/main.js becomes one
// ESM entry plus chunks (dist/cli/chunk-*.js) that a command loads only when it runs, so
// `dnlab --version` does not read the whole program. tsc's per-file output stays beside it for the
// tests and for dist/lab/internet-dns-main.js, the lab internet's DNS server, a program of its own.
//
// Every chunk sits in dist/cli/, beside main.js, so a path that a module finds from its own
// `import.meta.url` (`../../lessons`, `../../package.json`, `../lab/internet-dns-main.js`) holds
// whether it runs bundled or from tsc's dist/<folder>/.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'dist', 'cli');

// Chunks of an earlier build: their names are hashes, so they would pile up (and be hashed into
// the manifest) if left.
for (const f of fs.existsSync(OUT) ? fs.readdirSync(OUT) : []) {
  if (/^chunk-[A-Z0-9]+\.js$/.test(f)) fs.rmSync(path.join(OUT, f));
}
const result = await build({
  absWorkingDir: ROOT,
  entryPoints: { main: 'src/cli/main.ts' },
  outdir: OUT,
  bundle: true,
  splitting: true,
  chunkNames: 'chunk-[hash]',
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // node-pty is native; react-devtools-core is Ink's optional (DEV=true) devtools, not installed.
  external: ['@lydell/node-pty', 'react-devtools-core'],
  // React (and its reconciler) in its production build only: what the TUI runs (cli/program.ts),
  // and a bundle with no development build to parse. The lab shells' environment is untouched.
  define: { 'process.env.NODE_ENV': '"production"' },
  // CommonJS packages in an ESM bundle: their require() of Node's modules needs a real require.
  banner: {
    js: "import { createRequire as __dnlabRequire } from 'node:module'; const require = __dnlabRequire(import.meta.url);",
  },
  legalComments: 'none',
  logLevel: 'warning',
  metafile: Boolean(process.env.BUNDLE_META),
});
// BUNDLE_META=file: esbuild's account of what went where (to see what a command loads).
if (process.env.BUNDLE_META)
  fs.writeFileSync(process.env.BUNDLE_META, JSON.stringify(result.metafile));
// tsc's map described its own main.js, which the bundle replaced.
fs.rmSync(path.join(OUT, 'main.js.map'), { force: true });
fs.chmodSync(path.join(OUT, 'main.js'), 0o755);
