import { describe, expect, it } from 'vitest';
import { evaluateChecks } from '../../../src/checks/evaluate.js';
import { buildHostFacts, type RawHostReads } from '../../../src/observe/build.js';
import type { LabFacts } from '../../../src/observe/facts.js';
import { parseIptablesSave } from '../../../src/observe/iptables.js';
import { RuleSet, walkHook, type Packet } from '../../../src/topo/firewall.js';
import { E28, fixtureJson, fixtureText } from './fixtures.js';

/**
 * A whole observation recorded by the live reader on a Docker 28.5 lab host
 * (scripts/record-observation.mjs): web (-p 8080:80), c1 on labnet (10.10.0.0/24, alias db),
 * i1 on the internal network intnet (10.20.0.0/24), stopped (created, -p 8081:80), and a DROP
 * for 172.17.0.9 inserted in DOCKER-USER. 28's layout: FORWARD jumps to DOCKER-USER and
 * DOCKER-FORWARD (DOCKER-CT, the isolation chains, DOCKER-BRIDGE → DOCKER), and the raw table
 * drops packets for a container address that arrive on another interface.
 */
const facts = buildHostFacts(fixtureJson<RawHostReads>(E28, 'observed-host1.raw.json'));
const lab: LabFacts = { hosts: { host1: facts }, features: {}, observedAt: '2026-12-02T02:42:12Z' };
const ctx = { defaultHost: 'host1' };
const judge = (kind: string, params: Record<string, unknown>) =>
  evaluateChecks([{ kind, params }], lab, ctx)[0]!;

describe('a recorded live observation (Docker 28.5)', () => {
  it('read everything without errors', () => {
    expect(facts.errors).toBeUndefined();
    expect(facts.engine).toMatchObject({ version: '28.5.2+dfsg4', apiVersion: '1.51', firewallBackend: 'iptables' });
    expect(facts.containers.map((c) => c.name).sort()).toEqual(['c1', 'i1', 'stopped', 'web']);
  });

  it("reads 28's chains, and the raw table's DROP per container address", () => {
    const { chains, rules } = parseIptablesSave(fixtureText(E28, 'iptables-save-counters.txt'));
    const filter = chains.filter((c) => c.table === 'filter').map((c) => c.chain);
    expect(filter).toEqual(expect.arrayContaining(['DOCKER-FORWARD', 'DOCKER-BRIDGE', 'DOCKER-CT', 'DOCKER-USER']));
    expect(rules.filter((r) => r.table === 'filter' && r.chain === 'FORWARD').map((r) => r.target)).toEqual([
      'DOCKER-USER',
      'DOCKER-FORWARD',
    ]);
    const raw = rules.filter((r) => r.table === 'raw');
    expect(raw.map((r) => [r.destination, r.inIface, r.inIfaceNegated, r.target])).toEqual([
      ['172.17.0.2/32', 'docker0', true, 'DROP'],
      ['10.10.0.2/32', expect.stringMatching(/^br-/), true, 'DROP'],
    ]);
    // DOCKER-USER starts empty from 28.2.2: only the rule the learner put there.
    expect(rules.filter((r) => r.chain === 'DOCKER-USER').map((r) => r.raw)).toEqual([
      '-A DOCKER-USER -s 172.17.0.9/32 -j DROP',
    ]);
  });

  it('the checkers read the 28 layout: DOCKER-USER rule, DNAT, published port', () => {
    expect(judge('firewall-rule', { source: '172.17.0.9' }).pass).toBe(true);
    expect(judge('firewall-rule', { source: '172.17.0.8' }).pass).toBe(false);
    expect(judge('nat-rule', { type: 'dnat', dport: 8080, container: 'web', containerPort: 80 }).pass).toBe(true);
    expect(judge('port-published', { container: 'web', containerPort: 80, hostPort: 8080 }).pass).toBe(true);
    const stopped = judge('port-published', { container: 'stopped', containerPort: 80, hostPort: 8081 });
    expect(stopped.pass).toBe(false);
  });

  describe('the firewall walk through DOCKER-FORWARD', () => {
    const rs = new RuleSet(facts);
    const lan = (dst: string, dport: number, outIface: string): Packet => ({
      proto: 'tcp',
      src: '192.0.2.12',
      dst,
      dport,
      inIface: 'eth0',
      outIface,
    });

    it('a published port is accepted in DOCKER (via DOCKER-BRIDGE); another port is dropped', () => {
      const ok = walkHook(rs, 'forward', 'filter', lan('172.17.0.2', 80, 'docker0'));
      expect(ok.verdict).toBe('accept');
      expect(ok.hits.map((h) => h.ref.raw)).toEqual([
        '-A FORWARD -j DOCKER-USER',
        '-A FORWARD -j DOCKER-FORWARD',
        '-A DOCKER-FORWARD -j DOCKER-CT',
        '-A DOCKER-FORWARD -j DOCKER-ISOLATION-STAGE-1',
        '-A DOCKER-FORWARD -j DOCKER-BRIDGE',
        '-A DOCKER-BRIDGE -o docker0 -j DOCKER',
        '-A DOCKER -d 172.17.0.2/32 ! -i docker0 -o docker0 -p tcp -m tcp --dport 80 -j ACCEPT',
      ]);
      const no = walkHook(rs, 'forward', 'filter', lan('172.17.0.2', 22, 'docker0'));
      expect(no.verdict).toBe('drop');
      expect(no.hits.at(-1)?.ref.raw).toBe('-A DOCKER ! -i docker0 -o docker0 -j DROP');
    });

    it('DOCKER-USER comes first; the internal network is cut off by the isolation chain', () => {
      const user = walkHook(rs, 'forward', 'filter', { proto: 'tcp', src: '172.17.0.9', dst: '198.51.100.1', dport: 80, inIface: 'docker0', outIface: 'eth0' });
      expect(user.verdict).toBe('drop');
      expect(user.hits.at(-1)?.ref.chain).toBe('DOCKER-USER');
      const bridge = facts.networks.find((n) => n.name === 'intnet')?.bridgeName ?? '';
      const internal = walkHook(rs, 'forward', 'filter', { proto: 'tcp', src: '10.20.0.2', dst: '198.51.100.1', dport: 80, inIface: bridge, outIface: 'eth0' });
      expect(internal.verdict).toBe('drop');
      expect(internal.hits.at(-1)?.ref.chain).toBe('DOCKER-ISOLATION-STAGE-1');
      const out = walkHook(rs, 'forward', 'filter', { proto: 'tcp', src: '172.17.0.2', dst: '198.51.100.1', dport: 80, inIface: 'docker0', outIface: 'eth0' });
      expect(out.verdict).toBe('accept');
    });

    it('raw PREROUTING drops direct access to a container address from the LAN', () => {
      expect(walkHook(rs, 'prerouting', 'raw', lan('172.17.0.2', 80, 'docker0')).verdict).toBe('drop');
      const fromBridge = { ...lan('172.17.0.2', 80, 'docker0'), inIface: 'docker0', src: '172.17.0.3' };
      expect(walkHook(rs, 'prerouting', 'raw', fromBridge).verdict).toBe('accept');
    });
  });
});
