/**
 * Where things go on screen, in terminal columns and rows: pure, so the app sizes the shell's pty
 * from the same numbers the screen is drawn with.
 */

/** From this many columns the lesson and the shell sit side by side. */
export const WIDE_COLUMNS = 100;

/** The text's share of the width side by side, in percent: default, bounds, one key's step. */
export const SPLIT = { default: 50, min: 30, max: 70, step: 5 } as const;

/** The split one resize key away (`delta` -1: narrower text, +1: wider), within bounds. */
export function resizeSplit(split: number, delta: 1 | -1): number {
  const next = Math.round(split / SPLIT.step) * SPLIT.step + delta * SPLIT.step;
  return Math.min(SPLIT.max, Math.max(SPLIT.min, next));
}

export interface LayoutOptions {
  /** The text's share of the width side by side, in percent (SPLIT bounds). */
  split?: number;
  /** Who has the keyboard: stacked, the shell gets most rows only while it has focus. */
  focus?: 'lesson' | 'pane';
  /** The map panel is open: side by side it sits above the shell, beside the text. */
  map?: boolean;
}

export type Zoom = 'none' | 'lesson' | 'pane';

export interface Size {
  width: number;
  height: number;
}

export interface LayoutPlan {
  mode: 'wide' | 'stacked';
  zoom: Zoom;
  /** The lesson column (0 high when the pane is zoomed). */
  lesson: Size;
  /** The shell's terminal size (cols × rows) under its one-line title; 0 high when hidden. */
  pane: Size;
  /**
   * The open map above the shell, beside the text (wide, unzoomed, tall enough); 0 high when the
   * map is closed or takes the text's place instead (stacked or short screens).
   */
  map: Size;
  /** Columns between lesson and pane in wide mode (a rule), 0 when stacked. */
  gap: number;
  /** Rows above the status bar (lesson and pane together). */
  body: number;
  /** The status bar: one line at the bottom. */
  status: Size;
}

const MIN_PANE = { width: 20, height: 3 };
/** Body rows from which an open map fits above the shell instead of replacing the text. */
const MAP_BESIDE_MIN_BODY = 20;
/** The map's share of the right column's rows, in percent. */
const MAP_SHARE = 45;

export function computeLayout(
  columns: number,
  rows: number,
  zoom: Zoom = 'none',
  opts: LayoutOptions = {},
): LayoutPlan {
  const cols = Math.max(20, Math.floor(columns));
  const body = Math.max(4, Math.floor(rows) - 1);
  const status = { width: cols, height: 1 };
  const mode = cols >= WIDE_COLUMNS ? 'wide' : 'stacked';

  if (zoom === 'lesson') {
    return {
      mode,
      zoom,
      lesson: { width: cols, height: body },
      pane: { width: cols, height: 0 },
      map: { width: cols, height: 0 },
      gap: 0,
      body,
      status,
    };
  }
  if (zoom === 'pane') {
    return {
      mode,
      zoom,
      lesson: { width: cols, height: 0 },
      pane: { width: cols, height: body - 1 },
      map: { width: cols, height: 0 },
      gap: 0,
      body,
      status,
    };
  }
  if (mode === 'wide') {
    // The learner's split (half by default); the shell keeps at least MIN_PANE columns.
    const split = Math.min(SPLIT.max, Math.max(SPLIT.min, opts.split ?? SPLIT.default));
    const lessonW = Math.max(30, Math.round(((cols - 1) * split) / 100));
    const paneW = Math.max(MIN_PANE.width, cols - lessonW - 1);
    const mapH =
      opts.map && body >= MAP_BESIDE_MIN_BODY ? Math.floor(((body - 1) * MAP_SHARE) / 100) : 0;
    return {
      mode,
      zoom,
      lesson: { width: cols - paneW - 1, height: body },
      pane: { width: paneW, height: Math.max(MIN_PANE.height, body - 1 - mapH) },
      map: { width: paneW, height: mapH },
      gap: 1,
      body,
      status,
    };
  }
  // Stacked: lesson above, the pane's title line, the shell below. The side with the keyboard
  // gets about two thirds of the rows (the text while reading, the shell while typing).
  const minor = Math.max(MIN_PANE.height, Math.floor((body - 1) / 3));
  const lessonH = opts.focus === 'pane' ? minor : Math.max(3, body - 1 - minor);
  return {
    mode,
    zoom,
    lesson: { width: cols, height: lessonH },
    pane: { width: cols, height: Math.max(MIN_PANE.height, body - 1 - lessonH) },
    map: { width: cols, height: 0 },
    gap: 0,
    body,
    status,
  };
}

/** Whether the map, once open, has its place beside the text (wide and tall enough, unzoomed). */
export function mapGoesBeside(
  columns: number,
  rows: number,
  zoom: Zoom = 'none',
  opts: LayoutOptions = {},
): boolean {
  return computeLayout(columns, rows, zoom, { ...opts, map: true }).map.height > 0;
}

/** The next zoom for the zoom key: both → text → shell → both. */
export function nextZoom(z: Zoom): Zoom {
  return z === 'none' ? 'lesson' : z === 'lesson' ? 'pane' : 'none';
}
