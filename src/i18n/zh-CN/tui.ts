import type { Catalogue } from '../index.js';

/** 简体中文: the `tui` part of the catalogue. Keys and {placeholders} as in ../en/tui.ts. */
export const tui: Catalogue = {};
