import { z } from 'zod';
import type { HostFacts } from '../../observe/facts.js';
import type { Checker, CheckOutcome } from '../types.js';
import {
  isCidr,
  isIPv4,
  networkAddress,
  normalizeCidr,
  prefixOf,
  stripPrefix,
} from '../lib/cidr.js';
import { bridgeOfNetwork, getHost, hostName, inetAddresses } from '../lib/lookup.js';
import { bad, ok } from '../lib/outcome.js';
import { host } from '../lib/params.js';
import { defineChecker } from '../define.js';
import { t } from '../../i18n/index.js';

const pool = z.strictObject({
  base: z.string().refine(isCidr, { message: 'expected a CIDR like 10.10.0.0/16' }),
  size: z.coerce.number().int().min(1).max(32),
});

const params = z
  .strictObject({
    host,
    setting: z.enum(['bip', 'default-address-pools', 'dns']),
    /** bip: `192.168.200.1/24`; default-address-pools: `{base, size}` or a list of them; dns: an address or a list. */
    value: z.union([z.string(), z.array(z.string()), pool, z.array(pool)], {
      message:
        'expected an address (bip: with its prefix), a list of addresses, or {base, size} pools',
    }),
  })
  .superRefine((p, ctx) => {
    const v = p.value;
    if (p.setting === 'bip' && !(typeof v === 'string' && isCidr(v) && isIPv4(stripPrefix(v)))) {
      ctx.addIssue({
        code: 'custom',
        path: ['value'],
        message: "bip needs docker0's address with its prefix, like 192.168.200.1/24",
      });
    }
    if (
      p.setting === 'default-address-pools' &&
      (typeof v === 'string' || (Array.isArray(v) && v.some((x) => typeof x === 'string')))
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['value'],
        message: 'default-address-pools needs {base, size} (or a list of them)',
      });
    }
    if (p.setting === 'dns') {
      const list = Array.isArray(v) ? v : [v];
      if (!list.every((x) => typeof x === 'string' && isIPv4(x))) {
        ctx.addIssue({
          code: 'custom',
          path: ['value'],
          message: 'dns needs an IPv4 address or a list of them',
        });
      }
    }
  });

type P = z.infer<typeof params>;
type Pool = { base: string; size: number };

function configOf(
  h: HostFacts,
): { ok: true; value: Record<string, unknown> } | { ok: false; error: string } {
  return h.daemonConfig;
}

function poolKey(p: Pool): string {
  return `${normalizeCidr(p.base) ?? p.base}/${p.size}`;
}

function showPools(ps: Pool[]): string {
  return ps.map((p) => `${p.base} size ${p.size}`).join(', ') || '-';
}

function asPools(v: unknown): Pool[] {
  const arr = Array.isArray(v) ? v : v === undefined ? [] : [v];
  return arr
    .filter((x): x is Record<string, unknown> => typeof x === 'object' && x !== null)
    .map((x) => ({ base: String(x.base ?? x.Base ?? ''), size: Number(x.size ?? x.Size) }));
}

/**
 * What is wrong with daemon.json's bip as dockerd parses it (a CIDR: docker0's address and its
 * prefix), or undefined when it is one. dockerd refuses the others and does not start:
 * `parse bip failed: invalid CIDR address: 192.168.200.1`.
 */
export function bipProblem(raw: unknown): 'noPrefix' | 'invalid' | undefined {
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string') return 'invalid';
  if (isCidr(raw) && isIPv4(stripPrefix(raw))) return undefined;
  return isIPv4(raw.trim()) ? 'noPrefix' : 'invalid';
}

function bip(h: HostFacts, want: string): CheckOutcome {
  const net = h.networks.find((n) => n.name === 'bridge');
  const bridge = (net && bridgeOfNetwork(net)) ?? 'docker0';
  const link = h.links.find((l) => l.name === bridge);
  const inEffect = link ? inetAddresses(link) : [];
  const cfg = configOf(h);
  const raw = cfg.ok ? cfg.value.bip : undefined;
  const configured =
    raw === undefined ? undefined : typeof raw === 'string' ? raw : JSON.stringify(raw);
  const evidence = [
    `${bridge}: ${inEffect.join(', ') || 'no IPv4 address'}`,
    cfg.ok ? `daemon.json bip: ${configured ?? '(not set)'}` : `daemon.json: ${cfg.error}`,
  ];
  const seen = inEffect.join(', ') || '-';
  const vars = { bridge, seen, expected: want, configured: configured ?? '-' };
  const same = (a: string) =>
    stripPrefix(a) === stripPrefix(want) && prefixOf(a) === prefixOf(want);
  if (inEffect.some(same))
    return ok('check.daemon-setting.bipOk', vars, { expected: want, seen, evidence });
  if (!cfg.ok)
    return bad(
      'check.daemon-setting.invalidJson',
      { ...vars, error: cfg.error },
      { expected: want, seen, evidence },
    );
  const problem = bipProblem(raw);
  if (problem) {
    const key =
      problem === 'noPrefix'
        ? 'check.daemon-setting.bipNoPrefix'
        : 'check.daemon-setting.bipInvalid';
    return bad(key, vars, { expected: want, seen: `daemon.json bip ${configured}`, evidence });
  }
  if (
    configured !== undefined &&
    isCidr(configured) &&
    networkAddress(configured) === stripPrefix(configured) &&
    prefixOf(configured)! < 31
  ) {
    return bad('check.daemon-setting.bipNetworkAddress', vars, {
      expected: want,
      seen: `daemon.json bip ${configured}`,
      evidence,
    });
  }
  if (configured !== undefined && same(configured)) {
    return bad(
      'check.daemon-setting.restart',
      { setting: 'bip', configured, running: seen },
      { expected: want, seen, evidence },
    );
  }
  const key =
    configured === undefined ? 'check.daemon-setting.bipUnset' : 'check.daemon-setting.bipWrong';
  return bad(key, vars, { expected: want, seen, evidence });
}

function pools(h: HostFacts, want: Pool[]): CheckOutcome {
  const inEffect = h.engine.defaultAddressPools;
  const cfg = configOf(h);
  const configured = cfg.ok ? asPools(cfg.value['default-address-pools']) : [];
  const evidence = [
    `engine default address pools: ${showPools(inEffect)}`,
    cfg.ok
      ? `daemon.json default-address-pools: ${showPools(configured)}`
      : `daemon.json: ${cfg.error}`,
  ];
  const expected = showPools(want);
  const seen = inEffect.length ? showPools(inEffect) : t('check.daemon-setting.builtinPools');
  const have = new Set(inEffect.map(poolKey));
  if (want.every((w) => have.has(poolKey(w))))
    return ok('check.daemon-setting.poolsOk', { expected, seen }, { expected, seen, evidence });
  if (!cfg.ok)
    return bad(
      'check.daemon-setting.invalidJson',
      { error: cfg.error },
      { expected, seen, evidence },
    );
  const conf = new Set(configured.map(poolKey));
  if (want.every((w) => conf.has(poolKey(w)))) {
    return bad(
      'check.daemon-setting.restart',
      { setting: 'default-address-pools', configured: showPools(configured), running: seen },
      { expected, seen, evidence },
    );
  }
  return bad(
    'check.daemon-setting.poolsWrong',
    { expected, seen, configured: configured.length ? showPools(configured) : '-' },
    { expected, seen, evidence },
  );
}

function dns(h: HostFacts, want: string[]): CheckOutcome {
  const cfg = configOf(h);
  const expected = want.join(', ');
  if (!cfg.ok)
    return bad(
      'check.daemon-setting.invalidJson',
      { error: cfg.error },
      { expected, evidence: [`daemon.json: ${cfg.error}`] },
    );
  const raw = cfg.value.dns;
  const configured = Array.isArray(raw) ? raw.map(String) : typeof raw === 'string' ? [raw] : [];
  const seen = configured.join(', ') || '-';
  const evidence = [`daemon.json dns: ${seen}`];
  if (want.every((w) => configured.includes(w)))
    return ok('check.daemon-setting.dnsOk', { expected, seen }, { expected, seen, evidence });
  return bad('check.daemon-setting.dnsWrong', { expected, seen }, { expected, seen, evidence });
}

export const daemonSetting: Checker<typeof params> = defineChecker({
  kind: 'daemon-setting',
  description:
    "A daemon setting in effect: bip (docker0's address), default-address-pools (the engine's pools), dns (daemon.json). Says when daemon.json has it but the daemon was not restarted.",
  params,
  run(facts, p: P, ctx) {
    const hf = getHost(facts, hostName(p.host, ctx));
    if (!hf.ok) return hf.outcome;
    const h = hf.value;
    switch (p.setting) {
      case 'bip':
        return bip(h, p.value as string);
      case 'default-address-pools':
        return pools(h, asPools(p.value));
      case 'dns':
        return dns(h, (Array.isArray(p.value) ? p.value : [p.value]).map(String));
    }
  },
});
