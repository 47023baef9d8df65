import { z } from 'zod';
import { isCidr, isIPv4 } from './cidr.js';

/** Param schemas shared by the checkers. Messages say what was expected, in a lesson author's terms. */

export const host = z.string().min(1, 'expected a lab host name like host1').optional();
export const name = z.string().min(1, 'expected a name');
export const ipv4 = z
  .string()
  .refine(isIPv4, { message: 'expected an IPv4 address like 10.99.0.2' });
export const cidr = z.string().refine(isCidr, { message: 'expected a CIDR like 10.99.0.0/24' });
export const port = z.coerce
  .number({ message: 'expected a port number (1-65535)' })
  .int('expected a whole port number')
  .min(1, 'expected a port number (1-65535)')
  .max(65535, 'expected a port number (1-65535)');
export const count = z.coerce
  .number({ message: 'expected a whole number' })
  .int('expected a whole number')
  .min(0, 'expected 0 or more');
export const timeoutMs = z.coerce
  .number({ message: 'expected milliseconds (at most 3000)' })
  .int('expected whole milliseconds')
  .min(100, 'expected at least 100 ms')
  .max(3000, 'expected at most 3000 ms: probes are bounded by 3 s');
