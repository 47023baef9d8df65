import { describe, expect, it } from 'vitest';
import { buildHostFacts, type RawHostReads } from '../../../src/observe/build.js';
import type { LabFacts } from '../../../src/observe/facts.js';
import { deferCostlyReads, judgeLazily, settleDeferredReads } from '../../../src/observe/lazy.js';
import { E20, fixtureJson } from './fixtures.js';

/** The recorded observation as a lazy one would leave it: no container namespaces, no firewall read. */
function lazyFacts(): LabFacts {
  const raw = fixtureJson<RawHostReads>(E20, 'observed-host1.raw.json');
  const hostInode = raw.netnsInodes?.host;
  const kept = Object.fromEntries(
    Object.entries(raw.containerNetns ?? {}).filter(
      ([id]) => raw.netnsInodes?.containers[id] === hostInode,
    ),
  );
  const facts: LabFacts = {
    hosts: { host1: buildHostFacts({ ...raw, containerNetns: kept, iptablesSave: undefined }) },
    features: {},
    observedAt: 'now',
  };
  deferCostlyReads(facts, { firewall: true });
  return facts;
}

describe('deferred reads (no I/O)', () => {
  it('container links read nothing until asked; --network host containers have the host links', () => {
    const facts = lazyFacts();
    const h = facts.hosts.host1!;
    const web = h.containers.find((c) => c.name === 'web')!;
    expect(web.links).toBeUndefined();
    expect(web.routes).toBeUndefined();
    expect(h.containers.find((c) => c.name === 'hostc')?.links?.length).toBe(h.links.length);
    expect(h.firewall).toEqual([]);
    expect(h.firewallChains).toEqual([]);
  });

  it('facts stay plain data: JSON, and assignment replaces a getter', () => {
    const facts = lazyFacts();
    const h = facts.hosts.host1!;
    const json = JSON.parse(JSON.stringify(facts)) as LabFacts;
    expect(json.hosts.host1?.firewall).toEqual([]);
    expect(json.hosts.host1?.containers.find((c) => c.name === 'web')).not.toHaveProperty('links');
    const web = h.containers.find((c) => c.name === 'web')!;
    web.links = [];
    expect(Object.getOwnPropertyDescriptor(web, 'links')).toMatchObject({
      value: [],
      enumerable: true,
    });
  });

  it('settling turns what is still deferred into plain values', () => {
    const facts = lazyFacts();
    settleDeferredReads(facts);
    const h = facts.hosts.host1!;
    const web = h.containers.find((c) => c.name === 'web')!;
    expect(Object.getOwnPropertyDescriptor(web, 'links')).toBeUndefined();
    expect(Object.getOwnPropertyDescriptor(h, 'firewall')).toMatchObject({ value: [] });
  });

  it('judgeLazily judges once when nothing costly is looked at, then settles', async () => {
    const facts = lazyFacts();
    let calls = 0;
    const result = await judgeLazily(facts, (f) => {
      calls++;
      return f.hosts.host1?.containers.filter((c) => c.running).length;
    });
    expect(result).toBe(7);
    expect(calls).toBe(1);
    expect(Object.getOwnPropertyDescriptor(facts.hosts.host1!, 'firewall')).toMatchObject({
      value: [],
    });
  });
});
