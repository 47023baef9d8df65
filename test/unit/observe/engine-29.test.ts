import { describe, expect, it } from 'vitest';
import type { HostFacts } from '../../../src/observe/facts.js';
import { parseIptablesSave, type ParsedFirewall } from '../../../src/observe/iptables.js';
import { parseNftRuleset } from '../../../src/observe/nftables.js';
import { RuleSet, walkHook, type Packet } from '../../../src/topo/firewall.js';
import { HostBuilder } from '../checks/facts-builder.js';
import { E29, fixtureText } from './fixtures.js';

/**
 * Docker 29 cannot run here: test/fixtures/engine-29 holds moby's own golden rules (docker-v29.1.0)
 * for one internal bridge network br-dummy, 192.168.0.0/24, as the iptables and the nftables
 * firewallers write them (see its README). On 29 the two DROPs of an internal network live in
 * DOCKER-INTERNAL (jumped to from DOCKER-FORWARD), no longer in DOCKER-ISOLATION-STAGE-1; with
 * the nftables backend they are per-bridge chains reached through verdict maps.
 */
function host29(fw: ParsedFirewall, backend: 'iptables' | 'nftables'): HostFacts {
  const h = new HostBuilder();
  h.facts.engine.version = '29.1.0';
  h.facts.engine.firewallBackend = backend;
  h.network('internal', { subnet: '192.168.0.0/24', bridge: 'br-dummy' });
  h.facts.firewall.push(...fw.rules);
  h.facts.firewallChains = fw.chains;
  return h.facts;
}

const fromBack = (dst: string, outIface: string): Packet => ({
  proto: 'tcp',
  src: '192.168.0.2',
  dst,
  dport: 80,
  inIface: 'br-dummy',
  outIface,
});

/** From host2 on the LAN to a container of the internal network. */
const LAN: Packet = {
  proto: 'tcp',
  src: '192.0.2.12',
  dst: '192.168.0.2',
  dport: 80,
  inIface: 'eth0',
  outIface: 'br-dummy',
};

describe("Docker 29's internal network, iptables backend (moby golden)", () => {
  const fw = parseIptablesSave(fixtureText(E29, 'iptables-save-internal.txt'));
  const rs = new RuleSet(host29(fw, 'iptables'));

  it('reads DOCKER-INTERNAL, jumped to from DOCKER-FORWARD, and no isolation chains', () => {
    const filter = fw.chains.filter((c) => c.table === 'filter').map((c) => c.chain);
    expect(filter).toContain('DOCKER-INTERNAL');
    expect(filter).not.toContain('DOCKER-ISOLATION-STAGE-1');
    const fwd = fw.rules.filter((r) => r.chain === 'DOCKER-FORWARD').map((r) => r.target);
    expect(fwd).toEqual(['DOCKER-CT', 'DOCKER-INTERNAL', 'DOCKER-BRIDGE', 'ACCEPT']);
    expect(fw.rules.filter((r) => r.chain === 'DOCKER-INTERNAL').map((r) => r.raw)).toEqual([
      '-A DOCKER-INTERNAL ! -s 192.168.0.0/24 -o br-dummy -j DROP',
      '-A DOCKER-INTERNAL ! -d 192.168.0.0/24 -i br-dummy -j DROP',
    ]);
  });

  it('the walk drops a container of the internal network going out, in DOCKER-INTERNAL', () => {
    const out = walkHook(rs, 'forward', 'filter', fromBack('198.51.100.1', 'eth0'));
    expect(out.verdict).toBe('drop');
    expect(out.hits.map((h) => h.ref.raw)).toEqual([
      '-A FORWARD -j DOCKER-FORWARD',
      '-A DOCKER-FORWARD -j DOCKER-CT',
      '-A DOCKER-FORWARD -j DOCKER-INTERNAL',
      '-A DOCKER-INTERNAL ! -d 192.168.0.0/24 -i br-dummy -j DROP',
    ]);
  });

  it('drops the LAN coming in, and lets the network talk to itself', () => {
    const inbound = walkHook(rs, 'forward', 'filter', LAN);
    expect(inbound.verdict).toBe('drop');
    expect(inbound.hits.at(-1)?.ref.raw).toBe(
      '-A DOCKER-INTERNAL ! -s 192.168.0.0/24 -o br-dummy -j DROP',
    );
    const icc = walkHook(rs, 'forward', 'filter', fromBack('192.168.0.3', 'br-dummy'));
    expect(icc.verdict).toBe('accept');
    expect(icc.hits.at(-1)?.ref.raw).toBe('-A DOCKER-FORWARD -i br-dummy -o br-dummy -j ACCEPT');
  });

  it('no MASQUERADE for the internal subnet', () => {
    expect(fw.rules.filter((r) => r.target === 'MASQUERADE')).toEqual([]);
  });
});

describe("Docker 29's internal network, nftables backend (moby golden, loaded and listed by nft)", () => {
  const fw = parseNftRuleset(fixtureText(E29, 'nft-internal.json'));
  const rs = new RuleSet(host29(fw, 'nftables'));

  it('reads the per-bridge chains and their commented DROPs', () => {
    const drops = fw.rules.filter((r) => r.target === 'DROP');
    expect(drops.map((r) => [r.chain, r.comment])).toEqual([
      ['filter-forward-in__br-dummy', 'INTERNAL NETWORK INGRESS'],
      ['filter-forward-out__br-dummy', 'INTERNAL NETWORK EGRESS'],
    ]);
    expect(drops[1]).toMatchObject({ outIface: 'br-dummy', outIfaceNegated: true });
  });

  it('the walk follows the verdict maps to the EGRESS drop, and to ICC inside', () => {
    const out = walkHook(rs, 'forward', 'filter', fromBack('198.51.100.1', 'eth0'));
    expect(out.verdict).toBe('drop');
    expect(out.hits.at(-1)?.rule.comment).toBe('INTERNAL NETWORK EGRESS');
    const inbound = walkHook(rs, 'forward', 'filter', LAN);
    expect(inbound.verdict).toBe('drop');
    expect(inbound.hits.at(-1)?.rule.comment).toBe('INTERNAL NETWORK INGRESS');
    const icc = walkHook(rs, 'forward', 'filter', fromBack('192.168.0.3', 'br-dummy'));
    expect(icc.verdict).toBe('accept');
    expect(icc.hits.at(-1)?.rule.comment).toBe('ICC');
  });

  it('no masquerade for the internal network', () => {
    expect(fw.rules.filter((r) => r.target === 'MASQUERADE')).toEqual([]);
  });
});
