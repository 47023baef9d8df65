import { describe, expect, it } from 'vitest';
import type { NetworkJson } from '../../../src/observe/engine-json.js';
import { bridgeNameOf, parseNetwork } from '../../../src/observe/network.js';
import { E20, fixtureJson } from './fixtures.js';

const load = (name: string) => parseNetwork(fixtureJson<NetworkJson>(E20, `network-${name}.json`));

describe('parseNetwork (Docker 20.10, recorded)', () => {
  it('bridge: docker0, IPAM without a gateway, web and web2 attached', () => {
    const n = load('bridge');
    expect(n).toMatchObject({
      name: 'bridge',
      driver: 'bridge',
      scope: 'local',
      bridgeName: 'docker0',
      internal: false,
      ipamDriver: 'default',
    });
    expect(n.subnets).toEqual([{ subnet: '172.17.0.0/16' }]);
    expect(n.containers.map((c) => [c.name, c.ipv4]).sort()).toEqual([
      ['web', '172.17.0.2/16'],
      ['web2', '172.17.0.3/16'],
    ]);
  });

  it('labnet: bridge name from the option; appnet: br-<id12>', () => {
    expect(load('labnet')).toMatchObject({
      bridgeName: 'br-lab',
      subnets: [{ subnet: '10.99.0.0/24', gateway: '10.99.0.1', gatewaySource: 'ipam' }],
    });
    expect(load('appnet').bridgeName).toBe('br-24b0775ee8dd');
    expect(load('appnet').containers).toEqual([
      {
        id: '7300955d28a354f8fd0a185562fb2e1a7c5e93b57c2fc8635c07f3cca954d138',
        name: 'c2',
        ipv4: '172.18.0.2/16',
        mac: '02:42:ac:12:00:02',
        endpointId: 'c582a641b95fbaf028c0be2acb1f7a674ee8c472ca682e49d61701995508ad5d',
      },
    ]);
  });

  it('ov: attachable swarm overlay with its VNI option and peers', () => {
    const n = load('ov');
    expect(n).toMatchObject({
      driver: 'overlay',
      scope: 'swarm',
      attachable: true,
      ingress: false,
    });
    expect(n.options['com.docker.network.driver.overlay.vxlanid_list']).toBe('4097');
    expect(n.peers).toEqual([
      { name: '96fa849a5ffd', ip: '192.0.2.11' },
      { name: 'e08ee476ace0', ip: '192.0.2.12' },
    ]);
    expect(n.bridgeName).toBeUndefined();
  });

  it('ingress and docker_gwbridge', () => {
    expect(load('ingress')).toMatchObject({
      ingress: true,
      containers: [{ id: 'ingress-sbox', name: 'ingress-endpoint' }],
    });
    expect(load('docker_gwbridge').bridgeName).toBe('docker_gwbridge');
  });

  it('host and none: no subnets, no bridge', () => {
    expect(load('host')).toMatchObject({
      driver: 'host',
      subnets: [],
      containers: [{ name: 'hostc' }],
    });
    expect(load('none').bridgeName).toBeUndefined();
  });

  it('the list omits Containers', () => {
    const list = fixtureJson<NetworkJson[]>(E20, 'networks-list.json').map(parseNetwork);
    expect(list.map((n) => n.name)).toEqual(['none', 'host', 'bridge', 'labnet', 'appnet']);
    expect(list.every((n) => n.containers.length === 0)).toBe(true);
  });

  it('bridgeNameOf: only bridge networks', () => {
    expect(bridgeNameOf({ Name: 'm', Id: 'x', Driver: 'macvlan', Options: {} })).toBeUndefined();
    expect(
      bridgeNameOf({ Name: 'bridge', Id: '0123456789abcdef', Driver: 'bridge', Options: null }),
    ).toBe('docker0');
    expect(bridgeNameOf({ Name: 'n', Id: '0123456789abcdef', Driver: 'bridge' })).toBe(
      'br-0123456789ab',
    );
  });
});
