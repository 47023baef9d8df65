import type {
  ContainerFacts,
  EndpointFacts,
  FirewallRule,
  HostFacts,
  LabFacts,
  LinkFacts,
  NetworkFacts,
  PortBinding,
  ProbeResult,
} from '../../../src/observe/facts.js';
import type { CheckContext } from '../../../src/checks/types.js';

/**
 * Builds facts the way the observers would report a real lab host: a network has its Linux bridge
 * (with the gateway address), a running container on a bridge network gets an eth<n> inside and a
 * veth on the host whose ifindex/iflink point at each other, with the bridge as its master.
 */

export const ctx: CheckContext = { defaultHost: 'host1' };

/** A 64-hex id derived from a name (distinct names → distinct first characters where it matters). */
export function fakeId(name: string): string {
  return Buffer.from(name).toString('hex').padEnd(64, 'a').slice(0, 64);
}

export interface NetworkOpts {
  driver?: string;
  subnet?: string;
  /** IPAM gateway (left out, like engines ≤28 do when none was configured). */
  ipamGateway?: string;
  /** The bridge's own address; default: the subnet's .1 with its prefix. `false`: no bridge link. */
  bridgeAddress?: string | false;
  bridge?: string;
  internal?: boolean;
  attachable?: boolean;
  options?: Record<string, string>;
  scope?: string;
}

export interface ContainerOpts {
  /** Network name → IPv4 address (without prefix; the network's prefix is used). */
  networks?: Record<string, string>;
  running?: boolean;
  status?: string;
  exitCode?: number;
  mode?: string;
  ports?: PortBinding[];
  publishAll?: boolean;
  image?: string;
}

/** `-p [hostIp:]hostPort:containerPort[/proto]` as Docker records it (0.0.0.0 and :: when no address). */
export function publish(
  hostPort: number,
  containerPort: number,
  protocol: PortBinding['protocol'] = 'tcp',
  hostIp = '',
): PortBinding[] {
  if (hostIp === '' || hostIp === '0.0.0.0') {
    return [
      { containerPort, protocol, hostIp: '0.0.0.0', hostPort },
      { containerPort, protocol, hostIp: '::', hostPort },
    ];
  }
  return [{ containerPort, protocol, hostIp, hostPort }];
}

/** `--expose` / EXPOSE: a port with no host binding. */
export function expose(
  containerPort: number,
  protocol: PortBinding['protocol'] = 'tcp',
): PortBinding[] {
  return [{ containerPort, protocol, hostIp: '' }];
}

export function probeResult(code: number, stdout = '', stderr = '', ms = 5): ProbeResult {
  return { code, stdout, stderr, ms };
}

export class HostBuilder {
  readonly facts: HostFacts;
  private ifindex = 100;
  private vethN = 0;

  constructor(name = 'host1', lanAddress = '192.0.2.11') {
    this.facts = {
      host: name,
      engine: {
        version: '20.10.24+dfsg1',
        apiVersion: '1.41',
        firewallBackend: 'iptables',
        defaultAddressPools: [],
        name,
      },
      containers: [],
      networks: [],
      links: [
        {
          ifindex: 1,
          name: 'lo',
          up: true,
          linkType: 'loopback',
          addresses: [{ family: 'inet', address: '127.0.0.1', prefixLen: 8 }],
        },
        {
          ifindex: 2,
          name: 'eth0',
          kind: 'veth',
          peerIfindex: 3,
          peerNetnsId: 0,
          up: true,
          addresses: [{ family: 'inet', address: lanAddress, prefixLen: 24 }],
        },
      ],
      routes: [],
      bridgePorts: [],
      firewall: [],
      swarm: { state: 'inactive', isManager: false },
      daemonConfig: { ok: true, value: {} },
      probes: {},
    };
    this.network('bridge', {
      subnet: '172.17.0.0/16',
      bridge: 'docker0',
      options: { 'com.docker.network.bridge.name': 'docker0' },
    });
    this.network('host', { driver: 'host', bridgeAddress: false });
    this.network('none', { driver: 'null', bridgeAddress: false });
  }

  private nextIndex(): number {
    return this.ifindex++;
  }

  network(name: string, o: NetworkOpts = {}): NetworkFacts {
    const driver = o.driver ?? 'bridge';
    const id = fakeId(`net-${name}`);
    const n: NetworkFacts = {
      id,
      name,
      driver,
      scope: o.scope ?? (driver === 'overlay' ? 'swarm' : 'local'),
      internal: o.internal ?? false,
      attachable: o.attachable ?? false,
      ingress: false,
      subnets: o.subnet
        ? [{ subnet: o.subnet, ...(o.ipamGateway ? { gateway: o.ipamGateway } : {}) }]
        : [],
      options: o.options ?? {},
      containers: [],
    };
    if (driver === 'bridge') {
      n.bridgeName = o.bridge ?? `br-${id.slice(0, 12)}`;
      const addr = o.bridgeAddress ?? (o.subnet ? firstHost(o.subnet) : false);
      const link: LinkFacts = {
        ifindex: this.nextIndex(),
        name: n.bridgeName,
        kind: 'bridge',
        up: true,
        addresses: [],
      };
      if (addr) {
        const [a, p] = addr.split('/');
        link.addresses.push({ family: 'inet', address: a!, prefixLen: Number(p) });
      }
      this.facts.links.push(link);
    }
    this.facts.networks.push(n);
    return n;
  }

  getNetwork(name: string): NetworkFacts {
    const n = this.facts.networks.find((x) => x.name === name);
    if (!n) throw new Error(`builder: no network ${name}`);
    return n;
  }

  container(name: string, o: ContainerOpts = {}): ContainerFacts {
    const running = o.running ?? true;
    const nets = o.networks ?? {};
    const netNames = Object.keys(nets);
    const c: ContainerFacts = {
      id: fakeId(name),
      name,
      image: o.image ?? 'dnlab/busybox',
      running,
      status: o.status ?? (running ? 'Up 3 seconds' : `Exited (${o.exitCode ?? 0}) 2 seconds ago`),
      networkMode: o.mode ?? netNames[0] ?? 'default',
      ports: o.ports ?? [],
      publishAll: o.publishAll ?? false,
      endpoints: [],
      legacyLinks: [],
    };
    if (o.exitCode !== undefined) c.exitCode = o.exitCode;
    if (running) {
      c.pid = 4000 + this.facts.containers.length;
      c.links = [
        {
          ifindex: 1,
          name: 'lo',
          up: true,
          linkType: 'loopback',
          addresses: [{ family: 'inet', address: '127.0.0.1', prefixLen: 8 }],
        },
      ];
    }
    netNames.forEach((netName, i) => {
      const n = this.getNetwork(netName);
      const ip = nets[netName]!;
      const prefixLen = Number(n.subnets[0]?.subnet.split('/')[1] ?? 24);
      const e: EndpointFacts = {
        network: n.name,
        networkId: n.id,
        endpointId: fakeId(`ep-${name}-${netName}`),
        aliases: [],
        dnsNames: [name],
      };
      if (running) {
        e.ip = ip;
        e.prefixLen = prefixLen;
        const gw = n.subnets[0] ? firstHost(n.subnets[0].subnet).split('/')[0] : undefined;
        if (gw) e.gateway = gw;
        n.containers.push({ id: c.id, name, ipv4: `${ip}/${prefixLen}` });
        if (n.driver === 'bridge') this.plugVeth(c, `eth${i}`, n.bridgeName!, ip, prefixLen);
      }
      c.endpoints.push(e);
    });
    this.facts.containers.push(c);
    return c;
  }

  /** A veth pair: eth<n> inside the container, veth<hex> on the host, master = bridge. */
  plugVeth(
    c: ContainerFacts,
    inner: string,
    bridge: string | undefined,
    ip?: string,
    prefixLen = 24,
  ): { inner: LinkFacts; outer: LinkFacts } {
    const outerIndex = this.nextIndex();
    const innerIndex = this.nextIndex();
    const vname = `veth${(0xa0b1c2 + this.vethN++).toString(16)}`;
    const innerLink: LinkFacts = {
      ifindex: innerIndex,
      name: inner,
      kind: 'veth',
      peerIfindex: outerIndex,
      peerNetnsId: 0,
      up: true,
      addresses: ip ? [{ family: 'inet', address: ip, prefixLen }] : [],
    };
    const outer: LinkFacts = {
      ifindex: outerIndex,
      name: vname,
      kind: 'veth',
      peerIfindex: innerIndex,
      peerNetnsId: this.vethN,
      up: true,
      addresses: [],
    };
    if (bridge) {
      outer.master = bridge;
      outer.slaveKind = 'bridge';
      this.facts.bridgePorts.push({
        ifindex: outerIndex,
        name: vname,
        master: bridge,
        state: 'forwarding',
      });
    }
    (c.links ??= []).push(innerLink);
    this.facts.links.push(outer);
    return { inner: innerLink, outer };
  }

  rule(r: Partial<FirewallRule> & { raw: string }): this {
    this.facts.firewall.push({ backend: 'iptables', table: 'nat', chain: 'DOCKER', ...r });
    return this;
  }

  probe(id: string, result: ProbeResult): this {
    this.facts.probes[id] = result;
    return this;
  }

  build(): HostFacts {
    return this.facts;
  }
}

function firstHost(cidr: string): string {
  const [ip, p] = cidr.split('/');
  const parts = ip!.split('.').map(Number);
  parts[3] = (parts[3] ?? 0) + 1;
  return `${parts.join('.')}/${p}`;
}

export function lab(...hosts: HostBuilder[]): LabFacts {
  return {
    hosts: Object.fromEntries(hosts.map((h) => [h.facts.host, h.facts])),
    features: {
      netns: true,
      veth: true,
      bridge: true,
      vxlan: true,
      macvlan: true,
      vlan: false,
      ipvlan: false,
    },
    observedAt: '2026-08-30T10:00:00.000Z',
  };
}

/** DNAT of `-p hostPort:containerPort` as iptables-save prints it (20.10–29 shape). */
export function dnatRule(
  hostPort: number,
  to: string,
  protocol = 'tcp',
  bridge = 'docker0',
): FirewallRule {
  return {
    backend: 'iptables',
    table: 'nat',
    chain: 'DOCKER',
    protocol,
    inIface: bridge,
    inIfaceNegated: true,
    dport: String(hostPort),
    target: 'DNAT',
    toDestination: to,
    raw: `-A DOCKER ! -i ${bridge} -p ${protocol} -m ${protocol} --dport ${hostPort} -j DNAT --to-destination ${to}`,
  };
}

export function masqueradeRule(source: string, bridge: string): FirewallRule {
  return {
    backend: 'iptables',
    table: 'nat',
    chain: 'POSTROUTING',
    source,
    outIface: bridge,
    outIfaceNegated: true,
    target: 'MASQUERADE',
    raw: `-A POSTROUTING -s ${source} ! -o ${bridge} -j MASQUERADE`,
  };
}
