import type { Catalogue } from '../index.js';

/** 简体中文: the `topo` part of the catalogue. Keys and {placeholders} as in ../en/topo.ts. */
export const topo: Catalogue = {};
