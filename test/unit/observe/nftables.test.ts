import { describe, expect, it } from 'vitest';
import { parseNftRuleset } from '../../../src/observe/nftables.js';
import { NFT29, fixtureJson, fixtureText } from './fixtures.js';

/**
 * The fixture is real `nft -j list ruleset` output (nftables 1.0.6) of a table shaped like Docker
 * 29's nftables backend (moby nftablesdoc usernet-portmap / usernet-portmap-lo), loaded in a
 * scratch namespace; see test/fixtures/nftables-29/README.md.
 */
describe('parseNftRuleset (Docker 29 nftables backend shape, recorded)', () => {
  const { rules, chains } = parseNftRuleset(fixtureText(NFT29, 'nft-ruleset.json'));
  const dnats = rules.filter((r) => r.target === 'DNAT');

  it('reads the DNAT rules of nat-prerouting-and-output', () => {
    expect(dnats).toHaveLength(3);
    expect(dnats[0]).toMatchObject({
      backend: 'nftables',
      family: 'ip',
      table: 'docker-bridges',
      chain: 'nat-prerouting-and-output',
      protocol: 'tcp',
      dport: '8080',
      inIface: 'bridge1',
      inIfaceNegated: true,
      toDestination: '192.0.2.2:80',
      comment: 'DNAT',
      packets: 2,
      bytes: 120,
      raw: 'iifname != "bridge1" tcp dport 8080 counter packets 2 bytes 120 dnat to 192.0.2.2:80 comment "DNAT"',
    });
    expect(dnats[0]?.destination).toBeUndefined();
  });

  it('reads a loopback binding as destination 127.0.0.1/32, and UDP', () => {
    expect(dnats[1]).toMatchObject({
      destination: '127.0.0.1/32',
      dport: '9090',
      toDestination: '172.17.0.3:80',
    });
    expect(dnats[1]?.destinationNegated).toBeUndefined();
    expect(dnats[2]).toMatchObject({
      protocol: 'udp',
      dport: '5353',
      toDestination: '172.17.0.3:53',
    });
  });

  it('reads masquerade with a negated out-interface and a source prefix', () => {
    const masq = rules.find(
      (r) => r.target === 'MASQUERADE' && r.chain === 'nat-postrouting-out__docker0',
    );
    expect(masq).toMatchObject({
      outIface: 'docker0',
      outIfaceNegated: true,
      source: '172.17.0.0/16',
      comment: 'MASQUERADE',
    });
    expect(masq?.raw).toBe(
      'oifname != "docker0" ip saddr 172.17.0.0/16 counter packets 0 bytes 0 masquerade comment "MASQUERADE"',
    );
  });

  it('reads drops, accepts and jumps', () => {
    const direct = rules.filter(
      (r) => r.chain === 'raw-PREROUTING' && r.comment === 'DROP DIRECT ACCESS',
    );
    expect(direct.map((r) => [r.destination, r.inIface, r.inIfaceNegated, r.target])).toEqual([
      ['192.0.2.2/32', 'bridge1', true, 'DROP'],
      ['172.17.0.3/32', 'docker0', true, 'DROP'],
    ]);
    const published = rules.find(
      (r) => r.chain === 'filter-forward-in__bridge1' && r.dport === '80',
    );
    expect(published).toMatchObject({
      destination: '192.0.2.2/32',
      protocol: 'tcp',
      target: 'ACCEPT',
    });
    expect(rules.find((r) => r.comment === 'UNPUBLISHED PORT DROP')?.target).toBe('DROP');
    const out = rules.find((r) => r.chain === 'nat-OUTPUT');
    expect(out).toMatchObject({
      destination: '127.0.0.0/8',
      destinationNegated: true,
      target: 'nat-prerouting-and-output',
    });
    expect(out?.raw).toBe(
      'ip daddr != 127.0.0.0/8 fib daddr type local counter packets 2 bytes 120 jump nat-prerouting-and-output',
    );
    const ct = rules.find((r) => r.chain === 'filter-forward-in__docker0');
    expect(ct?.raw).toBe('ct state established,related counter packets 0 bytes 0 accept');
  });

  it('renders verdict maps without a single target', () => {
    const vmap = rules.find((r) => r.chain === 'filter-FORWARD');
    expect(vmap?.raw).toBe('oifname vmap @filter-forward-in-jumps');
    expect(vmap?.target).toBeUndefined();
  });

  it('reads base chains with hook, type, priority and policy; both families', () => {
    expect(chains.find((c) => c.family === 'ip' && c.chain === 'nat-PREROUTING')).toMatchObject({
      backend: 'nftables',
      table: 'docker-bridges',
      hook: 'prerouting',
      type: 'nat',
      priority: -100,
      policy: 'ACCEPT',
    });
    expect(chains.find((c) => c.chain === 'nat-prerouting-and-output')?.policy).toBeUndefined();
    expect(rules.some((r) => r.family === 'ip6')).toBe(true);
  });

  it('accepts an already parsed document', () => {
    expect(parseNftRuleset(fixtureJson(NFT29, 'nft-ruleset.json')).rules).toHaveLength(
      rules.length,
    );
  });
});

describe('parseNftRuleset: other expressions', () => {
  const doc = {
    nftables: [
      { metainfo: { json_schema_version: 1 } },
      {
        chain: {
          family: 'ip',
          table: 'filter',
          name: 'FORWARD',
          hook: 'forward',
          type: 'filter',
          prio: 0,
          policy: 'drop',
        },
      },
      {
        rule: {
          family: 'ip',
          table: 'filter',
          chain: 'FORWARD',
          expr: [{ xt: { type: 'target', name: 'DOCKER' } }],
        },
      },
      {
        rule: {
          family: 'inet',
          table: 'lab',
          chain: 'c',
          expr: [
            { match: { op: '==', left: { meta: { key: 'l4proto' } }, right: 'udp' } },
            {
              match: {
                op: '==',
                left: { payload: { protocol: 'th', field: 'dport' } },
                right: { range: [8000, 8010] },
              },
            },
            {
              match: {
                op: '==',
                left: { meta: { key: 'iifname' } },
                right: { set: ['eth0', 'eth1'] },
              },
            },
            { snat: { addr: '198.51.100.1' } },
          ],
        },
      },
      {
        rule: {
          family: 'ip',
          table: 'lab',
          chain: 'd',
          expr: [
            {
              match: {
                op: '==',
                left: { payload: { protocol: 'tcp', field: 'dport' } },
                right: { set: [80, 443] },
              },
            },
            { goto: { target: 'web' } },
          ],
        },
      },
    ],
  };

  it('leaves out iptables-nft tables unless asked', () => {
    expect(parseNftRuleset(doc).rules.map((r) => r.table)).toEqual(['lab', 'lab']);
    expect(parseNftRuleset(doc).chains).toEqual([]);
    const all = parseNftRuleset(doc, { skipIptablesNftTables: false });
    expect(all.rules).toHaveLength(3);
    expect(all.chains[0]).toMatchObject({ policy: 'DROP', hook: 'forward' });
  });

  it('reads l4proto, port ranges and sets, snat and goto', () => {
    const [a, b] = parseNftRuleset(doc).rules;
    expect(a).toMatchObject({
      family: 'inet',
      protocol: 'udp',
      dport: '8000:8010',
      inIface: '{ eth0, eth1 }',
      target: 'SNAT',
      toSource: '198.51.100.1',
    });
    expect(b).toMatchObject({ protocol: 'tcp', dport: '80,443', target: 'web', goto: true });
  });

  it('reads an empty ruleset', () => {
    expect(parseNftRuleset('{"nftables":[{"metainfo":{"version":"1.0.6"}}]}')).toEqual({
      rules: [],
      chains: [],
    });
  });
});
