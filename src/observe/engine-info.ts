import type { EngineFacts, SwarmFacts } from './facts.js';
import type { InfoJson, NodeJson, VersionJson } from './engine-json.js';

/**
 * `/version` + `/info` → engine facts. `FirewallBackend` exists from 28.1 (API 1.49); an engine
 * without it uses iptables.
 */
export function parseEngine(
  version: VersionJson,
  info: InfoJson,
  pinnedApiVersion?: string,
): EngineFacts {
  const engine: EngineFacts = {
    version: info.ServerVersion ?? version.Version ?? '',
    apiVersion: version.ApiVersion ?? '',
    firewallBackend: info.FirewallBackend?.Driver || 'iptables',
    defaultAddressPools: (info.DefaultAddressPools ?? [])
      .filter((p) => p.Base)
      .map((p) => ({ base: p.Base as string, size: p.Size ?? 0 })),
    name: info.Name ?? '',
  };
  if (pinnedApiVersion) engine.pinnedApiVersion = pinnedApiVersion;
  if (version.MinAPIVersion) engine.minApiVersion = version.MinAPIVersion;
  const kernel = info.KernelVersion ?? version.KernelVersion;
  if (kernel) engine.kernelVersion = kernel;
  if (typeof info.IPv4Forwarding === 'boolean') engine.ipv4Forwarding = info.IPv4Forwarding;
  if (typeof info.BridgeNfIptables === 'boolean') engine.bridgeNfIptables = info.BridgeNfIptables;
  const pairs = info.FirewallBackend?.Info;
  if (pairs?.length) engine.firewallBackendInfo = Object.fromEntries(pairs.map(([k, v]) => [k, v]));
  return engine;
}

/** True when the firewall backend's rules live in nftables (`nftables`, `nftables+firewalld`). */
export function usesNftables(firewallBackend: string): boolean {
  return firewallBackend.split('+')[0] === 'nftables';
}

/** `/info` `.Swarm` (+ `/nodes` on a manager) → swarm facts. */
export function parseSwarm(info: InfoJson, nodes?: NodeJson[]): SwarmFacts {
  const s = info.Swarm ?? {};
  const swarm: SwarmFacts = {
    state: s.LocalNodeState || 'inactive',
    isManager: s.ControlAvailable === true,
  };
  if (s.NodeID) swarm.nodeId = s.NodeID;
  if (s.NodeAddr) swarm.nodeAddr = s.NodeAddr;
  if (s.Error) swarm.error = s.Error;
  if (typeof s.Nodes === 'number' && s.Nodes > 0) swarm.nodeCount = s.Nodes;
  if (typeof s.Managers === 'number' && s.Managers > 0) swarm.managerCount = s.Managers;
  const cluster = s.Cluster;
  if (cluster?.ID) swarm.clusterId = cluster.ID;
  if (cluster?.DataPathPort) swarm.dataPathPort = cluster.DataPathPort;
  if (cluster?.DefaultAddrPool?.length) swarm.defaultAddrPool = cluster.DefaultAddrPool;
  if (cluster?.SubnetSize) swarm.subnetSize = cluster.SubnetSize;
  if (nodes) {
    swarm.nodes = nodes.map((n) => {
      const node: NonNullable<SwarmFacts['nodes']>[number] = {
        id: n.ID,
        hostname: n.Description?.Hostname ?? '',
        role: n.Spec?.Role ?? '',
        state: n.Status?.State ?? '',
      };
      if (n.Status?.Addr) node.addr = n.Status.Addr;
      if (n.ManagerStatus) {
        node.leader = n.ManagerStatus.Leader === true;
        if (n.ManagerStatus.Reachability) node.managerReachability = n.ManagerStatus.Reachability;
      }
      if (n.Spec?.Availability) node.availability = n.Spec.Availability;
      return node;
    });
  }
  return swarm;
}
