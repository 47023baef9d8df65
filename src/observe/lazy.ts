import { buildFirewall } from './build.js';
import { usesNftables } from './engine-info.js';
import type { ContainerFacts, HostFacts, LabFacts } from './facts.js';
import { parseIpLinks, parseIpRoutes } from './iproute.js';
import { readContainerIp, readIptablesSave, readNftRuleset } from './read.js';

/**
 * Pay only for what the checks look at. The costly reads of an observation are one program run
 * per container network namespace (its links and routes) and one or two for the firewall
 * (iptables-save, nft). `observeLab({ lazy: true })` leaves them out and puts getters in their
 * place that note who asked: `ContainerFacts.links`/`routes` (undefined until read) and
 * `HostFacts.firewall`/`firewallChains` ([] until read). `resolveDeferredReads` then reads
 * exactly what was asked for, and the caller judges again:
 *
 *   const facts = await observeLab({ hosts, lazy: true });
 *   const results = await judgeLazily(facts, (f) => evaluateChecks(checks, f, ctx));
 *
 * Checkers are pure functions of facts, so judging twice gives the answer on full facts.
 */

interface HostDeferred {
  /** Containers (by id) whose links and routes are not read yet. */
  containers: Map<string, ContainerFacts>;
  /** …and those of them that were looked at. */
  asked: Set<string>;
  firewallDeferred: boolean;
  firewallAsked: boolean;
}

const deferred = new WeakMap<LabFacts, Map<string, HostDeferred>>();

function setValue<T extends object>(obj: T, key: string, value: unknown): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

function deferContainer(c: ContainerFacts, d: HostDeferred): void {
  d.containers.set(c.id, c);
  for (const key of ['links', 'routes']) {
    Object.defineProperty(c, key, {
      get() {
        d.asked.add(c.id);
        return undefined;
      },
      set(v: unknown) {
        setValue(c, key, v);
      },
      enumerable: false,
      configurable: true,
    });
  }
}

function deferFirewall(h: HostFacts, d: HostDeferred): void {
  d.firewallDeferred = true;
  for (const key of ['firewall', 'firewallChains']) {
    Object.defineProperty(h, key, {
      get() {
        d.firewallAsked = true;
        return [];
      },
      set(v: unknown) {
        setValue(h, key, v);
      },
      enumerable: true,
      configurable: true,
    });
  }
}

/**
 * Put getters in place of the reads an observation skipped: the links and routes of running
 * containers that have none, and (when `firewall` is true) the host's firewall rules.
 */
export function deferCostlyReads(facts: LabFacts, opts: { firewall: boolean }): void {
  const byHost = new Map<string, HostDeferred>();
  for (const [name, h] of Object.entries(facts.hosts)) {
    const d: HostDeferred = {
      containers: new Map(),
      asked: new Set(),
      firewallDeferred: false,
      firewallAsked: false,
    };
    for (const c of h.containers) {
      if (c.running && c.pid && c.links === undefined) deferContainer(c, d);
    }
    if (opts.firewall) deferFirewall(h, d);
    byHost.set(name, d);
  }
  deferred.set(facts, byHost);
}

function pushError(h: HostFacts, source: string, e: unknown): void {
  const entry = { source, message: e instanceof Error ? e.message : String(e) };
  if (h.errors) h.errors.push(entry);
  else setValue(h, 'errors', [entry]);
}

async function resolveHost(host: string, h: HostFacts, d: HostDeferred): Promise<boolean> {
  const wanted = [...d.asked].filter((id) => d.containers.has(id));
  d.asked.clear();
  const readFirewall = d.firewallDeferred && d.firewallAsked;
  if (wanted.length === 0 && !readFirewall) return false;

  // One read per network namespace; every deferred container in it gets the result.
  const groups = new Map<number | string, ContainerFacts[]>();
  for (const c of d.containers.values()) {
    const key = c.netnsInode ?? c.id;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  const reads = [...groups.values()]
    .filter((members) => members.some((c) => wanted.includes(c.id)))
    .map(async (members) => {
      for (const c of members) d.containers.delete(c.id);
      try {
        const ip = await readContainerIp(members[0]?.pid as number);
        const links = parseIpLinks(ip.ipAddr);
        const routes = parseIpRoutes(ip.ipRoute);
        for (const c of members) {
          setValue(c, 'links', links);
          setValue(c, 'routes', routes);
        }
      } catch (e) {
        pushError(h, `container:${members.map((c) => c.name).join(',')}`, e);
        for (const c of members) {
          setValue(c, 'links', undefined);
          setValue(c, 'routes', undefined);
        }
      }
    });

  if (readFirewall) {
    d.firewallDeferred = false;
    reads.push(
      (async () => {
        const errors: { source: string; message: string }[] = [];
        const [iptablesSave, nftRuleset] = await Promise.all([
          readIptablesSave(host).catch((e: unknown) => {
            pushError(h, 'firewall', e);
            return undefined;
          }),
          usesNftables(h.engine.firewallBackend)
            ? readNftRuleset(host).catch((e: unknown) => {
                pushError(h, 'firewall', e);
                return undefined;
              })
            : undefined,
        ]);
        const fw = buildFirewall({ iptablesSave, nftRuleset }, errors);
        for (const e of errors) pushError(h, e.source, e.message);
        setValue(h, 'firewall', fw.rules);
        setValue(h, 'firewallChains', fw.chains);
      })(),
    );
  }
  await Promise.all(reads);
  return true;
}

/**
 * Read what was looked at since the last call (all hosts in parallel). True when something was
 * read: judge again. Facts that were not deferred: false at once.
 */
export async function resolveDeferredReads(facts: LabFacts): Promise<boolean> {
  const byHost = deferred.get(facts);
  if (!byHost) return false;
  const done = await Promise.all(
    [...byHost.entries()].map(([host, d]) => {
      const h = facts.hosts[host];
      return h ? resolveHost(host, h, d) : Promise.resolve(false);
    }),
  );
  return done.some(Boolean);
}

/**
 * Turn what is still deferred into plain values (links absent, firewall []), so the facts are
 * plain data again (for recording, JSON, `--json` output).
 */
export function settleDeferredReads(facts: LabFacts): void {
  const byHost = deferred.get(facts);
  if (!byHost) return;
  for (const [host, d] of byHost) {
    for (const c of d.containers.values()) {
      delete (c as unknown as Record<string, unknown>).links;
      delete (c as unknown as Record<string, unknown>).routes;
    }
    const h = facts.hosts[host];
    if (h && d.firewallDeferred) {
      setValue(h, 'firewall', []);
      setValue(h, 'firewallChains', []);
    }
  }
  deferred.delete(facts);
}

/**
 * Judge facts from a lazy observation: judge, read what the judging looked at, judge again,
 * until nothing new is asked for. Then the facts are settled into plain data.
 */
export async function judgeLazily<T>(facts: LabFacts, judge: (facts: LabFacts) => T): Promise<T> {
  let result = judge(facts);
  while (await resolveDeferredReads(facts)) result = judge(facts);
  settleDeferredReads(facts);
  return result;
}
