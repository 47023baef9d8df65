import type { Catalogue } from '../index.js';

/** 简体中文: the `lessons` part of the catalogue. Keys and {placeholders} as in ../en/lessons.ts. */
export const lessons: Catalogue = {};
