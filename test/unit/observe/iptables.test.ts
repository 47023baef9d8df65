import { describe, expect, it } from 'vitest';
import { parseIptablesSave, tokenize } from '../../../src/observe/iptables.js';
import { E20, fixtureText } from './fixtures.js';

describe('parseIptablesSave (Docker 20.10, recorded)', () => {
  const { rules, chains } = parseIptablesSave(fixtureText(E20, 'iptables-save.txt'));

  it('reads the DNAT of -p 8080:80 with its interface negation', () => {
    const dnat = rules.find((r) => r.table === 'nat' && r.target === 'DNAT' && r.dport === '8080');
    expect(dnat).toMatchObject({
      backend: 'iptables',
      chain: 'DOCKER',
      protocol: 'tcp',
      inIface: 'docker0',
      inIfaceNegated: true,
      toDestination: '172.17.0.2:80',
      raw: '-A DOCKER ! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80',
    });
    expect(dnat?.destination).toBeUndefined();
  });

  it('reads a binding on 127.0.0.1 and a UDP one', () => {
    const lo = rules.find((r) => r.target === 'DNAT' && r.dport === '9090');
    expect(lo).toMatchObject({
      destination: '127.0.0.1/32',
      toDestination: '172.17.0.3:80',
      protocol: 'tcp',
    });
    expect(lo?.destinationNegated).toBeUndefined();
    const udp = rules.find((r) => r.target === 'DNAT' && r.protocol === 'udp');
    expect(udp).toMatchObject({ dport: '5353', toDestination: '172.17.0.3:53' });
  });

  it('reads MASQUERADE with a negated out-interface, and filter ACCEPTs with -o', () => {
    const masq = rules.find((r) => r.target === 'MASQUERADE' && r.source === '10.99.0.0/24');
    expect(masq).toMatchObject({
      table: 'nat',
      chain: 'POSTROUTING',
      outIface: 'br-lab',
      outIfaceNegated: true,
    });
    const accept = rules.find(
      (r) => r.table === 'filter' && r.chain === 'DOCKER' && r.dport === '7000',
    );
    expect(accept).toMatchObject({
      destination: '172.17.0.3/32',
      inIface: 'docker0',
      inIfaceNegated: true,
      outIface: 'docker0',
      target: 'ACCEPT',
    });
    expect(accept?.outIfaceNegated).toBeUndefined();
  });

  it('reads jumps to chains and every rule of both tables', () => {
    expect(
      rules.filter((r) => r.table === 'filter' && r.chain === 'FORWARD').map((r) => r.target),
    ).toContain('DOCKER-ISOLATION-STAGE-1');
    expect(rules.filter((r) => r.table === 'nat')).toHaveLength(16);
    expect(rules.filter((r) => r.table === 'filter')).toHaveLength(27);
    expect(rules.every((r) => r.packets === undefined)).toBe(true);
  });

  it('reads chain policies', () => {
    expect(chains.find((c) => c.table === 'filter' && c.chain === 'FORWARD')).toMatchObject({
      policy: 'DROP',
      packets: 0,
    });
    expect(chains.find((c) => c.table === 'nat' && c.chain === 'DOCKER')?.policy).toBeUndefined();
  });
});

describe('parseIptablesSave -c (counters)', () => {
  const { rules } = parseIptablesSave(fixtureText(E20, 'iptables-save-counters.txt'));

  it('strips the [p:b] prefix into packets/bytes and keeps the rest as raw', () => {
    const dnat = rules.find((r) => r.target === 'DNAT' && r.dport === '8080');
    expect(dnat).toMatchObject({ packets: 0, bytes: 0, toDestination: '172.17.0.2:80' });
    expect(dnat?.raw.startsWith('-A DOCKER ')).toBe(true);
  });

  it('reads the same rules as without counters', () => {
    const plain = parseIptablesSave(fixtureText(E20, 'iptables-save.txt')).rules;
    const key = (r: { table: string; raw: string }) => `${r.table} ${r.raw}`;
    expect(rules.map(key).sort()).toEqual(plain.map(key).sort());
  });

  it('reads non-zero counters', () => {
    const text =
      '*nat\n:PREROUTING ACCEPT [12:720]\n[3:180] -A DOCKER ! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80\nCOMMIT\n';
    const parsed = parseIptablesSave(text);
    expect(parsed.rules[0]).toMatchObject({ packets: 3, bytes: 180 });
    expect(parsed.chains[0]).toMatchObject({
      chain: 'PREROUTING',
      policy: 'ACCEPT',
      packets: 12,
      bytes: 720,
    });
  });
});

describe('parseIptablesSave: other shapes', () => {
  it('reads Docker 29 / 28 shapes: raw DROP, DOCKER-INTERNAL with negated source, SNAT --to-source', () => {
    const text = [
      '*raw',
      '-A PREROUTING -d 192.0.2.2/32 ! -i bridge1 -j DROP',
      'COMMIT',
      '*filter',
      '-A DOCKER-INTERNAL ! -s 10.98.0.0/24 -o br-x -j DROP',
      '-A DOCKER-FORWARD -j DOCKER-INTERNAL',
      '-A DOCKER-USER -m comment --comment "allow \\"lab\\" only" -j RETURN',
      'COMMIT',
      '*nat',
      '-A DOCKER_POSTROUTING -s 127.0.0.11/32 -p udp -m udp --sport 60810 -j SNAT --to-source :53',
      '-A FOO -p tcp -m multiport --dports 80,443 -g BAR',
      '-A FOO -p tcp ! --dport 22 -j ACCEPT',
      'COMMIT',
    ].join('\n');
    const { rules } = parseIptablesSave(text);
    expect(rules[0]).toMatchObject({
      table: 'raw',
      destination: '192.0.2.2/32',
      inIface: 'bridge1',
      inIfaceNegated: true,
      target: 'DROP',
    });
    expect(rules[1]).toMatchObject({
      source: '10.98.0.0/24',
      sourceNegated: true,
      outIface: 'br-x',
      target: 'DROP',
    });
    expect(rules[2]).toMatchObject({ target: 'DOCKER-INTERNAL' });
    expect(rules[3]).toMatchObject({ comment: 'allow "lab" only', target: 'RETURN' });
    expect(rules[4]).toMatchObject({
      sport: '60810',
      target: 'SNAT',
      toSource: ':53',
      protocol: 'udp',
    });
    expect(rules[5]).toMatchObject({ dport: '80,443', target: 'BAR', goto: true });
    expect(rules[6]).toMatchObject({ dport: '!22', target: 'ACCEPT' });
  });

  it('reads the old negation form (-i ! eth0)', () => {
    const { rules } = parseIptablesSave('*filter\n-A INPUT -i ! eth0 -j DROP\nCOMMIT\n');
    expect(rules[0]).toMatchObject({ inIface: 'eth0', inIfaceNegated: true, target: 'DROP' });
  });

  it('tokenizes quoted words', () => {
    expect(tokenize('-A X -m comment --comment "a b" -j Y')).toEqual([
      '-A',
      'X',
      '-m',
      'comment',
      '--comment',
      'a b',
      '-j',
      'Y',
    ]);
  });

  it('reads nothing from empty output', () => {
    expect(parseIptablesSave('')).toEqual({ rules: [], chains: [] });
  });
});
