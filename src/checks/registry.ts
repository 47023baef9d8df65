import type { Checker } from './types.js';
import { bridgeHasPorts } from './kinds/bridge-has-ports.js';
import { containerLink } from './kinds/container-link.js';
import { containerIp } from './kinds/container-ip.js';
import { containerNotOnNetwork } from './kinds/container-not-on-network.js';
import { containerOnNetwork } from './kinds/container-on-network.js';
import { containerRunning } from './kinds/container-running.js';
import { containerStopped } from './kinds/container-stopped.js';
import { daemonSetting } from './kinds/daemon-setting.js';
import { dnsResolves } from './kinds/dns-resolves.js';
import { fileContains } from './kinds/file-contains.js';
import { fileNamesVeth } from './kinds/file-names-veth.js';
import { firewallRule } from './kinds/firewall-rule.js';
import { fileHasFact } from './kinds/file-has-fact.js';
import { interfaceCount } from './kinds/interface-count.js';
import { natRule } from './kinds/nat-rule.js';
import { networkAbsent } from './kinds/network-absent.js';
import { networkExists } from './kinds/network-exists.js';
import { networkMode } from './kinds/network-mode.js';
import { netnsLink } from './kinds/netns-link.js';
import { netnsReachable } from './kinds/netns-reachable.js';
import { netnsRoute } from './kinds/netns-route.js';
import { notReachable } from './kinds/not-reachable.js';
import { overlayVxlan } from './kinds/overlay-vxlan.js';
import { portPublished } from './kinds/port-published.js';
import { portsNotDiscarded } from './kinds/ports-not-discarded.js';
import { reachable } from './kinds/reachable.js';
import { swarmNodes } from './kinds/swarm-nodes.js';
import { vethPeerOnBridge } from './kinds/veth-peer-on-bridge.js';

/** Every checker kind a lesson may name. Each checker lives in its own file under kinds/. */
const checkers: Checker[] = [
  networkExists,
  networkAbsent,
  containerRunning,
  containerStopped,
  containerOnNetwork,
  containerNotOnNetwork,
  containerIp,
  interfaceCount,
  containerLink,
  vethPeerOnBridge,
  bridgeHasPorts,
  portPublished,
  portsNotDiscarded,
  natRule,
  firewallRule,
  reachable,
  notReachable,
  dnsResolves,
  networkMode,
  fileContains,
  fileNamesVeth,
  fileHasFact,
  daemonSetting,
  swarmNodes,
  overlayVxlan,
  netnsLink,
  netnsRoute,
  netnsReachable,
] as Checker[];

const byKind = new Map<string, Checker>(checkers.map((c) => [c.kind, c]));

export function getChecker(kind: string): Checker | undefined {
  return byKind.get(kind);
}

export function allCheckers(): Checker[] {
  return [...byKind.values()];
}

export function registerChecker(c: Checker): void {
  byKind.set(c.kind, c);
}
