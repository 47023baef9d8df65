import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Topology } from '../../../src/lab/topology.js';
import type {
  ContainerFacts,
  HostFacts,
  LabFacts,
  NetworkFacts,
} from '../../../src/observe/facts.js';

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * The known setup, recorded from a real lab (instance `topo`, Docker 20.10, iptables) by
 * observeLab: on host1 networks `front` 10.10.1.0/24 and `back` 10.10.2.0/24; `web` on front
 * publishing 8080→80/tcp (httpd), `api` on front and back, `db` on back (httpd); host2 empty.
 */
export function knownSetup(): { topology: Topology; facts: LabFacts } {
  return JSON.parse(fs.readFileSync(path.join(here, 'fixtures/known-setup.json'), 'utf8')) as {
    topology: Topology;
    facts: LabFacts;
  };
}

function overlayNet(name: string, peers: { name: string; ip: string }[]): NetworkFacts {
  return {
    id: `ov-${name}`,
    name,
    driver: 'overlay',
    scope: 'swarm',
    internal: false,
    attachable: true,
    ingress: false,
    subnets: [{ subnet: '10.0.1.0/24', gateway: '10.0.1.1' }],
    options: { 'com.docker.network.driver.overlay.vxlanid_list': '4097' },
    containers: [],
    peers,
  };
}

function bareContainer(name: string, over: Partial<ContainerFacts>): ContainerFacts {
  return {
    id: `${name}000000000000`,
    name,
    image: 'dnlab/busybox',
    running: true,
    status: 'running',
    pid: 4242,
    networkMode: 'bridge',
    ports: [],
    publishAll: false,
    endpoints: [],
    legacyLinks: [],
    ...over,
  };
}

/**
 * The known setup plus an overlay `ov` (VNI 4097) joined by both hosts with a container on each
 * (o1 on host1, o2 on host2, their eth0 peers in the overlay's own namespace), and a macvlan
 * network `macnet` on host1's eth0 with container m1 at 192.0.2.50.
 */
export function withOverlayAndMacvlan(): { topology: Topology; facts: LabFacts } {
  const { topology, facts } = knownSetup();
  const h1 = facts.hosts.host1 as HostFacts;
  const h2 = facts.hosts.host2 as HostFacts;
  const peers = [
    { name: 'a1', ip: '192.0.2.11' },
    { name: 'a2', ip: '192.0.2.12' },
  ];
  h1.networks.push(overlayNet('ov', peers));
  h2.networks.push(overlayNet('ov', peers));
  const ovLink = (ip: string) => ({
    ifindex: 30,
    name: 'eth0',
    kind: 'veth',
    peerIfindex: 31,
    peerNetnsId: 1,
    up: true,
    mac: '02:42:0a:00:01:02',
    addresses: [{ family: 'inet' as const, address: ip, prefixLen: 24 }],
  });
  const ovEp = (ip: string) => ({
    network: 'ov',
    networkId: 'ov-ov',
    endpointId: 'e',
    ip,
    prefixLen: 24,
    aliases: [],
    dnsNames: [],
  });
  h1.containers.push(
    bareContainer('o1', {
      networkMode: 'ov',
      endpoints: [ovEp('10.0.1.2')],
      links: [ovLink('10.0.1.2')],
      routes: [{ dst: '10.0.1.0/24', dev: 'eth0', prefsrc: '10.0.1.2' }],
    }),
  );
  h2.containers.push(
    bareContainer('o2', {
      networkMode: 'ov',
      endpoints: [ovEp('10.0.1.4')],
      links: [ovLink('10.0.1.4')],
      routes: [{ dst: '10.0.1.0/24', dev: 'eth0', prefsrc: '10.0.1.4' }],
    }),
  );
  h1.networks.push({
    id: 'mac-1',
    name: 'macnet',
    driver: 'macvlan',
    scope: 'local',
    internal: false,
    attachable: false,
    ingress: false,
    subnets: [{ subnet: '192.0.2.0/24', gateway: '192.0.2.1' }],
    options: { parent: 'eth0' },
    containers: [],
  });
  h1.containers.push(
    bareContainer('m1', {
      networkMode: 'macnet',
      endpoints: [
        {
          network: 'macnet',
          networkId: 'mac-1',
          endpointId: 'm',
          ip: '192.0.2.50',
          prefixLen: 24,
          aliases: [],
          dnsNames: [],
        },
      ],
      links: [
        {
          ifindex: 40,
          name: 'eth0',
          kind: 'macvlan',
          macvlanMode: 'bridge',
          parentIfindex: 2,
          parentNetnsId: 0,
          up: true,
          addresses: [{ family: 'inet', address: '192.0.2.50', prefixLen: 24 }],
        },
      ],
      routes: [{ dst: '192.0.2.0/24', dev: 'eth0', prefsrc: '192.0.2.50' }],
    }),
  );
  return { topology, facts };
}
