import type { Catalogue } from '../index.js';

/** 简体中文: the `checks` part of the catalogue. Keys and {placeholders} as in ../en/checks.ts. */
export const checks: Catalogue = {};
