import { useEffect, useReducer } from 'react';
import type { ShellPool } from '../app/shell-pool.js';
import type { ShellSession } from '../services.js';

/** The live shell of a host from the pool (started on first use); re-renders when it is replaced. */
export function useHostShell(
  pool: ShellPool,
  host: string,
  cols: number,
  rows: number,
): ShellSession | undefined {
  const [, bump] = useReducer((n: number) => n + 1, 0);
  useEffect(() => pool.onChange((h) => h === host && bump()), [pool, host]);
  useEffect(() => {
    pool.resized(host, cols, rows);
    if (!pool.peek(host)) pool.get(host, cols, Math.max(1, rows));
  }, [pool, host, cols, rows]);
  return pool.peek(host);
}
