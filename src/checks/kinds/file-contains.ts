import { z } from 'zod';
import type { LabFacts } from '../../observe/facts.js';
import type { Checker } from '../types.js';
import { displayName, getHost, getRunning, hostName } from '../lib/lookup.js';
import { bad, ok } from '../lib/outcome.js';
import { host, name } from '../lib/params.js';
import { probeResult } from '../../observe/probe.js';
import { catProbe, catProbeIfRunning } from '../lib/file-probe.js';
import { defineChecker } from '../define.js';

function compiles(s: string): boolean {
  try {
    new RegExp(s, 'm');
    return true;
  } catch {
    return false;
  }
}

const params = z.strictObject({
  host,
  container: name,
  path: z.string().regex(/^\//, { message: 'expected an absolute path like /etc/hosts' }),
  text: z.string().min(1).optional(),
  /** A JavaScript regular expression, matched line by line (`m` flag). */
  pattern: z
    .string()
    .min(1)
    .refine(compiles, { message: 'expected a valid regular expression' })
    .optional(),
});

function excerpt(s: string, max = 6): string[] {
  const lines = s.split('\n').filter((l) => l.trim() !== '');
  return lines.length > max
    ? [...lines.slice(0, max), `… (${lines.length - max} more lines)`]
    : lines;
}

export const fileContains: Checker<typeof params> = defineChecker({
  kind: 'file-contains',
  description:
    'A file inside a running container exists and contains a text or matches a pattern (e.g. /etc/hosts, /etc/resolv.conf).',
  params,
  probes(p, ctx, facts?: LabFacts) {
    return catProbeIfRunning(facts, hostName(p.host, ctx), p.container, p.path);
  },
  run(facts, p, ctx) {
    const hf = getHost(facts, hostName(p.host, ctx));
    if (!hf.ok) return hf.outcome;
    const cf = getRunning(hf.value, p.container);
    if (!cf.ok) return cf.outcome;
    const cname = displayName(cf.value);
    const probe = catProbe(hostName(p.host, ctx), p.container, p.path);
    const res = probeResult(facts, probe);
    if (!res)
      return bad(
        'check.common.probeMissing',
        { from: cname, probe: probe.id },
        { evidence: [`probe ${probe.id}: no result`] },
      );
    const what =
      p.text !== undefined ? `"${p.text}"` : p.pattern !== undefined ? `/${p.pattern}/` : '';
    const vars = {
      container: cname,
      path: p.path,
      text: p.text ?? '',
      pattern: p.pattern ?? '',
      what,
    };
    if (res.code !== 0) {
      const err = res.stderr.trim().split('\n')[0] ?? '';
      return bad(
        'check.file-contains.unreadable',
        { ...vars, error: err || `exit ${res.code}` },
        { expected: p.path, seen: err, evidence: [`probe ${probe.id} → exit ${res.code}: ${err}`] },
      );
    }
    const evidence = [`${cname}:${p.path}:`, ...excerpt(res.stdout)];
    const expected =
      p.text !== undefined ? p.text : p.pattern !== undefined ? `/${p.pattern}/` : p.path;
    if (p.text !== undefined && !res.stdout.includes(p.text)) {
      return bad('check.file-contains.noText', vars, {
        expected,
        seen: excerpt(res.stdout, 3).join(' / '),
        evidence,
      });
    }
    if (p.pattern !== undefined && !new RegExp(p.pattern, 'm').test(res.stdout)) {
      return bad('check.file-contains.noMatch', vars, {
        expected,
        seen: excerpt(res.stdout, 3).join(' / '),
        evidence,
      });
    }
    const key =
      p.text !== undefined || p.pattern !== undefined
        ? 'check.file-contains.ok'
        : 'check.file-contains.exists';
    return ok(key, vars, { expected, evidence });
  },
});
