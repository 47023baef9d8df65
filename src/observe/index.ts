/** Observers: read a lab host's real state into typed facts (see facts.ts). */
export type * from './facts.js';
export { observeLab, runLabProbes, type ObserveRequest } from './observe.js';
export {
  deferCostlyReads,
  judgeLazily,
  resolveDeferredReads,
  settleDeferredReads,
} from './lazy.js';
export {
  buildFirewall,
  buildHostFacts,
  fillGatewaysFromKernel,
  ipv4InCidr,
  type RawHostReads,
} from './build.js';
export {
  readContainerIp,
  readIptablesSave,
  readNftRuleset,
  readEngine,
  readHost,
  startEngineReads,
  type EngineReads,
  type ObserveScope,
} from './read.js';
export { parseIptablesSave, tokenize, type ParsedFirewall } from './iptables.js';
export { parseNftRuleset, type NftParseOptions } from './nftables.js';
export {
  bridgePortsFromLinks,
  parseBridgeLinks,
  parseIpLinks,
  parseIpRoutes,
  splitJsonDocuments,
} from './iproute.js';
export {
  isDefaultBridgeMode,
  parseContainer,
  parseEndpoint,
  parsePortKey,
  parsePorts,
  sharedNetnsTarget,
} from './container.js';
export { BRIDGE_NAME_OPTION, bridgeNameOf, parseNetwork } from './network.js';
export { parseEngine, parseSwarm, usesNftables } from './engine-info.js';
export { parseDaemonConfig } from './daemon-config.js';
export { PROBE_MAX_MS, findContainer, probeArgv, runProbes } from './probes.js';
