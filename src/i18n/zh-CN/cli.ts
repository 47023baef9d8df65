import type { Catalogue } from '../index.js';

/** 简体中文: the `cli` part of the catalogue. Keys and {placeholders} as in ../en/cli.ts. */
export const cli: Catalogue = {};
