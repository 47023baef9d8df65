import { describe, expect, it } from 'vitest';
import type { InfoJson, NodeJson, VersionJson } from '../../../src/observe/engine-json.js';
import { parseEngine, parseSwarm, usesNftables } from '../../../src/observe/engine-info.js';
import { E20, fixtureJson } from './fixtures.js';

const version = fixtureJson<VersionJson>(E20, 'version.json');
const info = fixtureJson<InfoJson>(E20, 'info.json');
const manager = fixtureJson<InfoJson>(E20, 'info-swarm-manager.json');
const nodes = fixtureJson<NodeJson[]>(E20, 'nodes.json');

describe('parseEngine', () => {
  it('20.10: no FirewallBackend field means iptables', () => {
    expect(parseEngine(version, info, '1.41')).toMatchObject({
      version: '20.10.24+dfsg1',
      apiVersion: '1.41',
      pinnedApiVersion: '1.41',
      minApiVersion: '1.12',
      firewallBackend: 'iptables',
      defaultAddressPools: [],
      name: 'host1',
      ipv4Forwarding: true,
      bridgeNfIptables: true,
    });
  });

  it('28.1+/29: FirewallBackend driver and info, custom pools', () => {
    const e = parseEngine(
      { Version: '29.1.0', ApiVersion: '1.52', MinAPIVersion: '1.44' },
      {
        Name: 'h',
        ServerVersion: '29.1.0',
        FirewallBackend: { Driver: 'nftables', Info: [['EnableUserlandProxy', 'true']] },
        DefaultAddressPools: [{ Base: '10.10.0.0/16', Size: 24 }],
      },
      '1.52',
    );
    expect(e).toMatchObject({
      firewallBackend: 'nftables',
      firewallBackendInfo: { EnableUserlandProxy: 'true' },
      defaultAddressPools: [{ base: '10.10.0.0/16', size: 24 }],
    });
    expect(usesNftables(e.firewallBackend)).toBe(true);
    expect(usesNftables('nftables+firewalld')).toBe(true);
    expect(usesNftables('iptables+firewalld')).toBe(false);
  });
});

describe('parseSwarm', () => {
  it('inactive', () => {
    expect(parseSwarm(info)).toEqual({ state: 'inactive', isManager: false });
  });

  it('an active manager with its nodes', () => {
    const s = parseSwarm(manager, nodes);
    expect(s).toMatchObject({
      state: 'active',
      isManager: true,
      nodeId: 'u6h2sy5401frursfnx2v40dax',
      nodeAddr: '192.0.2.11',
      nodeCount: 2,
      managerCount: 1,
      dataPathPort: 4789,
      subnetSize: 24,
      clusterId: 'i7zkcpzf4rhq4ne8gjxsjg40q',
    });
    expect(s.nodes).toEqual([
      {
        id: 'u6h2sy5401frursfnx2v40dax',
        hostname: 'host1',
        role: 'manager',
        state: 'ready',
        addr: '192.0.2.11',
        leader: true,
        managerReachability: 'reachable',
        availability: 'active',
      },
      {
        id: 'v8s2txdflfalznr88pn3v815x',
        hostname: 'host2',
        role: 'worker',
        state: 'ready',
        addr: '192.0.2.12',
        availability: 'active',
      },
    ]);
  });
});
