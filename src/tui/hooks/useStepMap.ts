import { useEffect, useMemo, useState } from 'react';
import type { Topology } from '../../lab/topology.js';
import type { LabFacts } from '../../observe/facts.js';
import { renderMap } from '../../topo/index.js';
import { useServices } from '../services.js';

export interface StepMap {
  /** The map as text lines; undefined while the first observation runs. */
  lines?: string[];
  /** When the facts were read (local time). */
  observedAt?: string;
  /** Why the lab could not be read. */
  error?: string;
  /** The trace panel (the same place and keys as the map): the two ends it traces. */
  trace?: { from: string; to: string };
  /** The trace panel of a step that names no trace: what to do instead. */
  none?: boolean;
}

type Observed = { topology: Topology; facts: LabFacts; at: string } | { error: string };

/**
 * The live map of one host while the panel is open: observed when it opens and again each time
 * `refresh` changes (the checks' results), drawn to the width (pure) on every render.
 */
export function useStepMap(
  host: string,
  open: boolean,
  width: number,
  refresh: unknown,
): StepMap | undefined {
  const services = useServices();
  const [seen, setSeen] = useState<Observed>();
  useEffect(() => {
    if (!open) return;
    const observe = services.observeMap;
    if (!observe) return;
    let live = true;
    observe(host).then(
      (r) => live && setSeen({ ...r, at: new Date().toLocaleTimeString('en-GB') }),
      (e: Error) => live && setSeen({ error: e.message }),
    );
    return () => {
      live = false;
    };
  }, [open, host, refresh, services]);
  const lines = useMemo(() => {
    if (!seen || 'error' in seen) return undefined;
    const text = renderMap(seen.facts, seen.topology, { host, width });
    return text.replace(/\n+$/, '').split('\n');
  }, [seen, host, width]);
  if (!open) return undefined;
  if (seen && 'error' in seen) return { error: seen.error };
  return lines && seen ? { lines, observedAt: seen.at } : {};
}
