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
  /** `operstate`: UP, DOWN, UNKNOWN, LOWERLAYERDOWN… (an empty bridge is DOWN yet present). */
  operstate?: string;
  /** `link_type`: ether, loopback, none… */
  linkType?: string;
  /** `linkinfo.info_slave_kind`: `bridge` for a bridge port. */
  slaveKind?: string;
  /** For a bridge port: its STP state (`info_slave_data.state`): forwarding, disabled… */
  portState?: string;
  /** For macvlan/ipvlan/vlan/vxlan children: the parent's ifindex (`link_index`), also when it lives in another namespace. */
  parentIfindex?: number;
  /** Set when the parent lives in another network namespace (`link_netnsid`). */
  parentNetnsId?: number;
  /** For ipvlan links: l2, l3, l3s. */
  ipvlanMode?: string;
  /** For vxlan links: the UDP port (4789 for Docker overlays). */
  vxlanPort?: number;
}

export interface RouteFacts {
  dst: string; // "default" or a CIDR
  gateway?: string;
  dev?: string;
  protocol?: string;
  scope?: string;
  prefsrc?: string;
  /** Route type when it is not unicast: unreachable, blackhole, prohibit, local, broadcast… */
  type?: string;
  metric?: number;
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
  /**
   * The rule as the tool printed it, for evidence: the iptables-save line without its `[p:b]`
   * counter prefix, or the nft rule rendered in `nft list` syntax.
   */
  raw: string;
  /** nftables family (ip, ip6, inet…); `ip` for iptables-save. */
  family?: string;
  /** `! -s` / `ip saddr !=` */
  sourceNegated?: boolean;
  /** `! -d` / `ip daddr !=` */
  destinationNegated?: boolean;
  sport?: string;
  /** True when the rule jumps with `-g` / `goto` rather than `-j` / `jump`. */
  goto?: boolean;
  /** `-m comment --comment` (iptables) or the rule's comment (nftables: "DNAT", "MASQUERADE"…). */
  comment?: string;
}

/** A chain of a firewall table, with its policy when it is a built-in (base) chain. */
export interface FirewallChain {
  backend: 'iptables' | 'nftables';
  table: string;
  chain: string;
  family?: string;
  /** ACCEPT / DROP (upper case for both backends); absent for user chains. */
  policy?: string;
  /** nftables base chains: the hook (prerouting, forward, output, postrouting, input). */
  hook?: string;
  /** nftables base chains: filter, nat, route. */
  type?: string;
  priority?: number;
  /** Policy counters (iptables-save -c). */
  packets?: number;
  bytes?: number;
}

export interface PortBinding {
  containerPort: number;
  protocol: 'tcp' | 'udp' | 'sctp';
  /** "" or "0.0.0.0" means every address. */
  hostIp: string;
  /** Absent when the port is only exposed, not published. */
  hostPort?: number;
  /**
   * Published with no host port given (`-p 80`, `-P`) on a container that is not running: the
   * engine picks the port at start, so `hostPort` is not known yet.
   */
  ephemeral?: boolean;
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
  ipv6?: string;
  ipv6PrefixLen?: number;
  ipv6Gateway?: string;
  /** The address asked for with --ip6 (IPAMConfig.IPv6Address). */
  requestedIpv6?: string;
  /** `--gw-priority` (API 1.48+). */
  gwPriority?: number;
  /** Names this endpoint links to on a user-defined network (`EndpointSettings.Links`). */
  links?: string[];
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
  /**
   * What `-p` asked for (`HostConfig.PortBindings`), kept even where the network mode discards it
   * (`--network host`, `none`), where `ports` is empty. Absent when nothing was asked for.
   */
  requestedPorts?: PortBinding[];
  endpoints: EndpointFacts[];
  /** Links inside the container's own network namespace (absent when it is not running). */
  links?: LinkFacts[];
  routes?: RouteFacts[];
  legacyLinks: string[];
  /** `--add-host` entries as the engine keeps them (`name:ip`), which Docker writes to /etc/hosts. */
  extraHosts?: string[];
  /** Where `ports` came from: the running container's NetworkSettings.Ports, or its HostConfig (not running). */
  portsFrom?: 'runtime' | 'config';
  /** Config.Hostname */
  hostname?: string;
  /** The image's id (sha256:…); `image` is the name the container was created from. */
  imageId?: string;
  /** Files on the lab machine that the container sees as /etc/hosts and /etc/resolv.conf. */
  hostsPath?: string;
  resolvConfPath?: string;
  /** Inode of the container's network namespace (equal for containers that share one, and to the host's for `--network host`). */
  netnsInode?: number;
}

export interface SubnetFacts {
  subnet: string;
  gateway?: string;
  ipRange?: string;
  /**
   * Where `gateway` came from: the engine's IPAM config, or (engines ≤28 leave it out unless it
   * was configured) the address the network's Linux bridge holds inside this subnet.
   */
  gatewaySource?: 'ipam' | 'kernel';
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
  containers: {
    id: string;
    name: string;
    ipv4?: string;
    ipv6?: string;
    mac?: string;
    endpointId?: string;
  }[];
  enableIPv6?: boolean;
  /** IPAM driver (`default` unless a plugin is used). */
  ipamDriver?: string;
  /** Overlay networks: the nodes that have joined it (`Peers`). */
  peers?: { name: string; ip: string }[];
  labels?: Record<string, string>;
}

export interface SwarmFacts {
  state: string; // inactive, pending, active, error, locked
  nodeId?: string;
  nodeAddr?: string;
  isManager: boolean;
  nodes?: {
    id: string;
    hostname: string;
    role: string;
    state: string;
    addr?: string;
    leader?: boolean;
    availability?: string;
    managerReachability?: string;
  }[];
  /** `Swarm.Error` from /info when it is not empty. */
  error?: string;
  clusterId?: string;
  /** Number of nodes and managers the cluster reports (managers only). */
  nodeCount?: number;
  managerCount?: number;
  /** VXLAN UDP port of the data path (4789 unless `--data-path-port`); managers only. */
  dataPathPort?: number;
  defaultAddrPool?: string[];
  subnetSize?: number;
}

export interface EngineFacts {
  version: string;
  apiVersion: string;
  firewallBackend: string; // iptables, nftables, iptables+firewalld, …
  defaultAddressPools: { base: string; size: number }[];
  name: string;
  /** The API version requests were pinned to: min(server, ours). */
  pinnedApiVersion?: string;
  minApiVersion?: string;
  kernelVersion?: string;
  /** `/info` IPv4Forwarding and BridgeNfIptables. */
  ipv4Forwarding?: boolean;
  bridgeNfIptables?: boolean;
  /** `/info` FirewallBackend.Info pairs (29.5+: EnableUserlandProxy…). */
  firewallBackendInfo?: Record<string, string>;
}

/** The result of one behaviour probe (real traffic or a file read), keyed by the probe's id. */
export interface ProbeResult {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
  /** True when the probe was stopped at its timeout (code is then 124, or 137 if it had to be killed). */
  timedOut?: boolean;
  /** Tries made in a probe's window (absent: one). The result is the first success, else the last try. */
  tries?: number;
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
  /** Chains and their policies (e.g. `filter FORWARD DROP`), from the same reads as `firewall`. */
  firewallChains?: FirewallChain[];
  /** Inode of the host's network namespace (compare with ContainerFacts.netnsInode). */
  netnsInode?: number;
  /**
   * What could not be read, by source (`engine`, `kernel`, `firewall`, `container:<name>`…).
   * When the engine does not answer, `engine`/`containers`/`networks` are empty and an `engine`
   * error says why; kernel facts and daemon.json are still read.
   */
  errors?: {
    source: string;
    message: string;
    /** The engine took the request but did not answer in time (stuck, or a very busy machine). */
    timedOut?: boolean;
  }[];
  /** Milliseconds each part of the observation took, for benchmarks. */
  timings?: Record<string, number>;
}

/** Facts of every host a run looked at, keyed by host name. */
export interface LabFacts {
  hosts: Record<string, HostFacts>;
  /** Kernel features of the machine (vlan, ipvlan, …), for steps that need one. */
  features: Record<string, boolean>;
  observedAt: string;
}

/**
 * A behaviour probe: a program run from a lab host or from inside one of its containers (by
 * name), whose result a checker then judges. Probes are gathered from all checks of a run, run
 * once each, and stored in `facts.hosts[host].probes[id]`.
 */
export interface Probe {
  /** Stable key, unique for the same (host, container, argv). */
  id: string;
  host: string;
  /** Run in this container's network namespace; absent: in the host's own. */
  container?: string;
  /** On the host: in this named namespace of the learner's (`ip netns add`) instead. */
  netns?: string;
  /**
   * What to run: a BusyBox applet (`ping`, `nc`, `nslookup`) or `ip`, always the machine's program
   * (src/observe/probes.ts); `cat <path>` is read in Node through the container's root.
   */
  argv: string[];
  /** Deadline of one try. */
  timeoutMs: number;
  /** Try again until a try succeeds or this window has passed (reachability). */
  windowMs?: number;
}
