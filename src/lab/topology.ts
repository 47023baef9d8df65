/** The shape of a lab: which hosts, how they are wired. Pure data. */

export interface HostSpec {
  /** Short name, also the host's hostname (`host1`). */
  name: string;
  /** Address on the LAN, with prefix (`192.0.2.11/24`). */
  lanAddress: string;
}

export interface LanSpec {
  /** The switch namespace's node name (its netns is `dnlab-<switch>`). */
  switch: string;
  subnet: string;
  /** The LAN's router: the `internet` namespace's address on the LAN. */
  gateway: string;
}

export interface InternetSpec {
  /** Node name of the namespace that stands in for the internet. */
  name: string;
  /** A "public" address served inside the internet namespace (on its loopback). */
  publicAddress: string;
}

export interface Topology {
  hosts: HostSpec[];
  lan: LanSpec;
  internet?: InternetSpec;
}

/** Two hosts on one LAN (documentation range), and an internet namespace as their router. */
export const DEFAULT_TOPOLOGY: Topology = {
  hosts: [
    { name: 'host1', lanAddress: '192.0.2.11/24' },
    { name: 'host2', lanAddress: '192.0.2.12/24' },
  ],
  lan: { switch: 'switch', subnet: '192.0.2.0/24', gateway: '192.0.2.1/24' },
  internet: { name: 'internet', publicAddress: '198.51.100.1/32' },
};

export function addressOnly(cidr: string): string {
  return cidr.split('/')[0] ?? cidr;
}

export function findHost(topology: Topology, name: string): HostSpec | undefined {
  return topology.hosts.find((h) => h.name === name);
}
