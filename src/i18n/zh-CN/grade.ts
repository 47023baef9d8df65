import type { Catalogue } from '../index.js';

/** 简体中文: the `grade` part of the catalogue. Keys and {placeholders} as in ../en/grade.ts. */
export const grade: Catalogue = {};
