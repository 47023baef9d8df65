/**
 * Where things go on screen, in terminal columns and rows: pure, so the app sizes the shell's pty
 * from the same numbers the screen is drawn with.
 */

/** From this many columns the lesson and the shell sit side by side. */
export const WIDE_COLUMNS = 120;

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
  /** Columns between lesson and pane in wide mode (a rule), 0 when stacked. */
  gap: number;
  /** Rows above the status bar (lesson and pane together). */
  body: number;
  /** The status bar: one line at the bottom. */
  status: Size;
}

const MIN_PANE = { width: 20, height: 3 };

export function computeLayout(columns: number, rows: number, zoom: Zoom = 'none'): LayoutPlan {
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
      gap: 0,
      body,
      status,
    };
  }
  if (mode === 'wide') {
    // Text reads best at 50-70 columns; the shell gets the rest.
    const lessonW = Math.min(72, Math.max(40, Math.floor(cols * 0.4)));
    const paneW = Math.max(MIN_PANE.width, cols - lessonW - 1);
    return {
      mode,
      zoom,
      lesson: { width: cols - paneW - 1, height: body },
      pane: { width: paneW, height: Math.max(MIN_PANE.height, body - 1) },
      gap: 1,
      body,
      status,
    };
  }
  // Stacked: lesson above, the pane's title line, the shell below; the shell gets the odd row.
  const lessonH = Math.max(3, Math.floor((body - 1) / 2));
  return {
    mode,
    zoom,
    lesson: { width: cols, height: lessonH },
    pane: { width: cols, height: Math.max(MIN_PANE.height, body - 1 - lessonH) },
    gap: 0,
    body,
    status,
  };
}

/** The next zoom for the zoom key: both → text → shell → both. */
export function nextZoom(z: Zoom): Zoom {
  return z === 'none' ? 'lesson' : z === 'lesson' ? 'pane' : 'none';
}
