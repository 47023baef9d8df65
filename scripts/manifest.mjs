// Writes dist/manifest.json: the sha256 of every file dnlab grades with (dist/, lessons/,
// package.json, the machine's busybox), for `dnlab grade --verify`. Run by `npm run build`,
// after tsc. One implementation: src/grade/verify.ts.
const { writeManifest } = await import('../dist/grade/verify.js');
const file = writeManifest();
process.stdout.write(`manifest: ${file}\n`);
