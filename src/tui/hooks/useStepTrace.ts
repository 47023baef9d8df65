import { useEffect, useState } from 'react';
import { useServices } from '../services.js';
import type { StepMap } from './useStepMap.js';

/**
 * The step's trace while its panel is open: traced (planned, then probed) when it opens and
 * again each time `refresh` changes (the checks' results). Undefined while closed; an empty
 * panel while tracing; `error` when the step has no trace or the trace failed.
 */
export function useStepTrace(
  host: string,
  trace: { from: string; to: string } | undefined,
  open: boolean,
  refresh: unknown,
): StepMap | undefined {
  const services = useServices();
  const [seen, setSeen] = useState<StepMap>({});
  const from = trace?.from;
  const to = trace?.to;
  useEffect(() => {
    if (!open || from === undefined || to === undefined || !services.traceStep) return;
    let live = true;
    setSeen({});
    services.traceStep(host, from, to).then(
      (lines) => live && setSeen({ lines, observedAt: new Date().toLocaleTimeString('en-GB') }),
      (e: Error) => live && setSeen({ error: e.message }),
    );
    return () => {
      live = false;
    };
  }, [open, host, from, to, refresh, services]);
  if (!open) return undefined;
  if (!trace) return { none: true };
  return { ...seen, trace };
}
