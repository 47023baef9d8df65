import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { SRC, sourceFiles } from './imports.js';

export interface LongFunction {
  file: string;
  name: string;
  lines: number;
}

/** Line counts of every file in src/, relative path → lines. */
export function fileLengths(): Map<string, number> {
  return new Map(
    sourceFiles().map((f) => [
      path.relative(SRC, f),
      fs.readFileSync(f, 'utf8').split('\n').length - 1,
    ]),
  );
}

function nameOf(node: ts.Node, sf: ts.SourceFile): string {
  const named = node as { name?: ts.Node };
  if (named.name) return named.name.getText(sf);
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent))
    return parent.name.getText(sf);
  if (ts.isCallExpression(parent))
    return `(callback of ${parent.expression.getText(sf).slice(0, 40)})`;
  return '(anonymous)';
}

/** Functions, methods and arrow functions of `text` longer than `max` lines. */
export function longFunctions(file: string, text: string, max: number): LongFunction[] {
  const sf = ts.createSourceFile(
    file,
    text,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const found: LongFunction[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const start = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line;
      const end = sf.getLineAndCharacterOfPosition(node.getEnd()).line;
      if (end - start + 1 > max)
        found.push({ file, name: nameOf(node, sf), lines: end - start + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

export function allLongFunctions(max: number): LongFunction[] {
  return sourceFiles().flatMap((f) =>
    longFunctions(path.relative(SRC, f), fs.readFileSync(f, 'utf8'), max),
  );
}
