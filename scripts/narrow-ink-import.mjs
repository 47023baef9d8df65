#!/usr/bin/env node
// postinstall: Ink imports `throttle` from 'es-toolkit/compat', whose index loads some 415
// modules, about a third of the TUI's start-up. The very same function is published alone at
// 'es-toolkit/compat/throttle'; this rewrites that one import line in Ink's build, once. When
// the line is not there (another Ink version, or already done) it changes nothing.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const WIDE = "import { throttle } from 'es-toolkit/compat';";
export const NARROW = "import throttle from 'es-toolkit/compat/throttle';";

/** Ink's source with the narrow import; unchanged when the wide one is not in it. */
export function narrowImport(source) {
  return source.includes(WIDE) ? source.replace(WIDE, NARROW) : source;
}

/** The file of Ink's build that holds the import. */
export function inkFile() {
  return path.join(path.dirname(fileURLToPath(import.meta.resolve('ink'))), 'ink.js');
}

function main() {
  let file;
  try {
    file = inkFile();
  } catch {
    return; // Ink is not installed (yet): nothing to narrow
  }
  const source = fs.readFileSync(file, 'utf8');
  const narrowed = narrowImport(source);
  if (narrowed !== source) fs.writeFileSync(file, narrowed);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
