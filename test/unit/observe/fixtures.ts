import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures');

/** A recorded fixture's text, e.g. `fixtureText('engine-20.10', 'iptables-save.txt')`. */
export function fixtureText(set: string, file: string): string {
  return fs.readFileSync(path.join(root, set, file), 'utf8');
}

export function fixtureJson<T = unknown>(set: string, file: string): T {
  return JSON.parse(fixtureText(set, file)) as T;
}

export const E20 = 'engine-20.10';
export const NFT29 = 'nftables-29';
export const E28 = 'engine-28.5';
export const E29 = 'engine-29';
