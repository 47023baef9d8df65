/**
 * Typed facts about one lab host, read once per check run and shared by every check of that run.
 * Observers (src/observe) produce them; checkers (src/checks) are pure functions of them.
 * Everything here is plain JSON so a run can be recorded and replayed in unit tests.
 */

export interface Address {
  family: 'inet' | 'inet6';
  address: string;
  prefixLen: number;
}

export interface LinkFacts {
  ifindex: number;
  name: string;
  /** `linkinfo.info_kind`: veth, bridge, vxlan, macvlan, ipvlan, vlan, dummy… (absent for plain links). */
  kind?: string;
  /** The bridge (or bond) this link is a port of. */
  master?: string;
  /** For a veth: the peer's ifindex (`link_index`, or resolved from `link` when in the same netns). */
  peerIfindex?: number;
  /** Set when the peer lives in another network namespace (`link_netnsid`). */
  peerNetnsId?: number;
  /** For macvlan/vlan/vxlan children: the parent link's name, when in the same namespace. */
  parent?: string;
  mac?: string;
  mtu?: number;
  up: boolean;
  addresses: Address[];
  /** For vxlan links: the VNI. */
  vxlanId?: number;
  /** For macvlan links: bridge, private, vepa, passthru. */
  macvlanMode?: string;
  /** For vlan links: the 802.1q id. */
  vlanId?: number;
}

export interface RouteFacts {
  dst: string; // "default" or a CIDR
  gateway?: string;
  dev?: string;
  protocol?: string;
  scope?: string;
  prefsrc?: string;
}

export interface BridgePortFacts {
  ifindex: number;
  name: string;
  master: string;
  state?: string;
}

/** One firewall rule, from iptables-save or from nftables JSON, in one shape. */
export interface FirewallRule {
  backend: 'iptables' | 'nftables';
  table: string; // nat, filter, raw, mangle (iptables) or the nft table name
  chain: string;
  protocol?: string;
  source?: string;
  destination?: string;
  inIface?: string;
  inIfaceNegated?: boolean;
  outIface?: string;
  outIfaceNegated?: boolean;
  dport?: string;
  /** ACCEPT, DROP, RETURN, DNAT, SNAT, MASQUERADE, or a chain jumped to. */
  target?: string;
  /** For DNAT: `ip:port` (or `ip`). */
  toDestination?: string;
  /** For SNAT: `ip`. */
  toSource?: string;
  packets?: number;
  bytes?: number;
  /** The rule as the tool printed it, for evidence. */
  raw: string;
}

export interface PortBinding {
  containerPort: number;
  protocol: 'tcp' | 'udp' | 'sctp';
  /** "" or "0.0.0.0" means every address. */
  hostIp: string;
  /** Absent when the port is only exposed, not published. */
  hostPort?: number;
}

export interface EndpointFacts {
  network: string;
  networkId: string;
  endpointId: string;
  ip?: string;
  prefixLen?: number;
  gateway?: string;
  mac?: string;
  aliases: string[];
  dnsNames: string[];
  /** The address asked for with --ip (IPAMConfig.IPv4Address). */
  requestedIp?: string;
}

export interface ContainerFacts {
  id: string;
  name: string;
  image: string;
  running: boolean;
  status: string;
  exitCode?: number;
  pid?: number;
  /** `bridge`, `host`, `none`, `container:<full id>`, or a network name; `default` on old engines. */
  networkMode: string;
  sandboxKey?: string;
  /** Published and exposed ports (from NetworkSettings.Ports, falling back to HostConfig.PortBindings). */
  ports: PortBinding[];
  publishAll: boolean;
  endpoints: EndpointFacts[];
  /** Links inside the container's own network namespace (absent when it is not running). */
  links?: LinkFacts[];
  routes?: RouteFacts[];
  legacyLinks: string[];
}

export interface SubnetFacts {
  subnet: string;
  gateway?: string;
  ipRange?: string;
}

export interface NetworkFacts {
  id: string;
  name: string;
  driver: string;
  scope: string;
  internal: boolean;
  attachable: boolean;
  ingress: boolean;
  subnets: SubnetFacts[];
  options: Record<string, string>;
  /** For bridge networks: the Linux bridge's name (docker0, br-<id12>, or the name option). */
  bridgeName?: string;
  /** Containers attached, by name (with their IPv4 address in CIDR form). */
  containers: { id: string; name: string; ipv4?: string }[];
}

export interface SwarmFacts {
  state: string; // inactive, pending, active, error, locked
  nodeId?: string;
  nodeAddr?: string;
  isManager: boolean;
  nodes?: { id: string; hostname: string; role: string; state: string; addr?: string; leader?: boolean }[];
}

export interface EngineFacts {
  version: string;
  apiVersion: string;
  firewallBackend: string; // iptables, nftables, iptables+firewalld, …
  defaultAddressPools: { base: string; size: number }[];
  name: string;
}

/** The result of one behaviour probe (real traffic or a file read), keyed by the probe's id. */
export interface ProbeResult {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
}

export interface HostFacts {
  host: string;
  engine: EngineFacts;
  containers: ContainerFacts[];
  networks: NetworkFacts[];
  links: LinkFacts[];
  routes: RouteFacts[];
  bridgePorts: BridgePortFacts[];
  firewall: FirewallRule[];
  swarm: SwarmFacts;
  /** The host's daemon.json as parsed (or the parse error). */
  daemonConfig: { ok: true; value: Record<string, unknown> } | { ok: false; error: string };
  /** Behaviour probes asked for by this run's checks. */
  probes: Record<string, ProbeResult>;
}

/** Facts of every host a run looked at, keyed by host name. */
export interface LabFacts {
  hosts: Record<string, HostFacts>;
  /** Kernel features of the machine (vlan, ipvlan, …), for steps that need one. */
  features: Record<string, boolean>;
  observedAt: string;
}
