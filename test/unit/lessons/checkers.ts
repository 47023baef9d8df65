import { z } from 'zod';
import { registerChecker } from '../../../src/checks/registry.js';
import type { Checker } from '../../../src/checks/types.js';

/**
 * Stand-ins for the real checkers, registered under the same kinds so fixtures read like real
 * lessons, with params of our own so these tests do not depend on the real checkers' schemas.
 */
const pass = () => ({ pass: true, message: 'ok', evidence: [] });

export const containerRunning: Checker = {
  kind: 'container-running',
  description: 'test stand-in',
  params: z.object({ host: z.string().optional(), container: z.string().min(1) }),
  run: pass,
};

export const networkExists: Checker = {
  kind: 'network-exists',
  description: 'test stand-in',
  params: z.object({
    host: z.string().optional(),
    name: z.string().min(1),
    driver: z.enum(['bridge', 'macvlan', 'overlay']).default('bridge'),
    subnet: z.cidrv4().optional(),
    gateway: z.ipv4().optional(),
    internal: z.boolean().optional(),
    attachable: z.boolean().optional(),
  }),
  features: (p) => ((p as { driver?: string }).driver === 'macvlan' ? ['macvlan'] : ['bridge']),
  run: pass,
};

export function registerTestCheckers(): void {
  registerChecker(containerRunning);
  registerChecker(networkExists);
}
