import type { ContainerFacts, EndpointFacts, PortBinding } from './facts.js';
import type { ContainerJson, EndpointJson, PortBindingJson } from './engine-json.js';

const nonEmpty = (s: string | undefined | null): string | undefined => (s ? s : undefined);

/** `"80/tcp"` → port and protocol (a key without a protocol is tcp). */
export function parsePortKey(
  key: string,
): { containerPort: number; protocol: PortBinding['protocol'] } | undefined {
  const [port, proto = 'tcp'] = key.split('/');
  const containerPort = Number(port);
  if (!Number.isInteger(containerPort) || containerPort <= 0) return undefined;
  const protocol = proto === 'udp' || proto === 'sctp' ? proto : 'tcp';
  return { containerPort, protocol };
}

function binding(
  key: string,
  b: PortBindingJson | undefined,
  whenNoPort: 'absent' | 'ephemeral',
): PortBinding | undefined {
  const k = parsePortKey(key);
  if (!k) return undefined;
  const port: PortBinding = { ...k, hostIp: b?.HostIp ?? '' };
  if (b === undefined) return port;
  const hostPort = Number(b.HostPort);
  if (b.HostPort && Number.isInteger(hostPort) && hostPort > 0) port.hostPort = hostPort;
  else if (whenNoPort === 'ephemeral') port.ephemeral = true;
  return port;
}

/**
 * A container's ports. Running: `NetworkSettings.Ports`, where an exposed but unpublished port
 * maps to null (no hostPort). Not running: `HostConfig.PortBindings` (what was asked for; a
 * binding without a host port is `ephemeral`) plus `Config.ExposedPorts` (published when
 * PublishAllPorts, else exposed only).
 */
export function parsePorts(c: ContainerJson): { ports: PortBinding[]; from: 'runtime' | 'config' } {
  const runtime = c.NetworkSettings?.Ports;
  const running = c.State?.Running === true;
  const ports: PortBinding[] = [];
  if (runtime && (running || Object.keys(runtime).length > 0)) {
    for (const [key, list] of Object.entries(runtime)) {
      if (!list || list.length === 0) {
        const p = binding(key, undefined, 'absent');
        if (p) ports.push(p);
        continue;
      }
      for (const b of list) {
        const p = binding(key, b, 'absent');
        if (p) ports.push(p);
      }
    }
    return { ports, from: 'runtime' };
  }
  const requested = c.HostConfig?.PortBindings ?? {};
  const publishAll = c.HostConfig?.PublishAllPorts === true;
  for (const [key, list] of Object.entries(requested)) {
    for (const b of list ?? []) {
      const p = binding(key, b, 'ephemeral');
      if (p) ports.push(p);
    }
  }
  for (const key of Object.keys(c.Config?.ExposedPorts ?? {})) {
    if (requested[key]?.length) continue;
    const p = binding(key, publishAll ? { HostIp: '', HostPort: '' } : undefined, 'ephemeral');
    if (p) ports.push(p);
  }
  return { ports, from: 'config' };
}

/** One entry of `NetworkSettings.Networks` (the stable place for addresses on every API version). */
export function parseEndpoint(network: string, e: EndpointJson): EndpointFacts {
  const ep: EndpointFacts = {
    network,
    networkId: e.NetworkID ?? '',
    endpointId: e.EndpointID ?? '',
    aliases: e.Aliases ?? [],
    dnsNames: e.DNSNames ?? [],
  };
  const ip = nonEmpty(e.IPAddress);
  if (ip) ep.ip = ip;
  if (e.IPPrefixLen) ep.prefixLen = e.IPPrefixLen;
  const gw = nonEmpty(e.Gateway);
  if (gw) ep.gateway = gw;
  const mac = nonEmpty(e.MacAddress);
  if (mac) ep.mac = mac;
  const requested = nonEmpty(e.IPAMConfig?.IPv4Address);
  if (requested) ep.requestedIp = requested;
  const requested6 = nonEmpty(e.IPAMConfig?.IPv6Address);
  if (requested6) ep.requestedIpv6 = requested6;
  const ip6 = nonEmpty(e.GlobalIPv6Address);
  if (ip6) {
    ep.ipv6 = ip6;
    if (e.GlobalIPv6PrefixLen) ep.ipv6PrefixLen = e.GlobalIPv6PrefixLen;
  }
  const gw6 = nonEmpty(e.IPv6Gateway);
  if (gw6) ep.ipv6Gateway = gw6;
  if (typeof e.GwPriority === 'number') ep.gwPriority = e.GwPriority;
  if (e.Links?.length) ep.links = e.Links;
  return ep;
}

/**
 * `GET /containers/{id}/json` → facts. Addresses come from `NetworkSettings.Networks` only (the
 * top-level `NetworkSettings.IPAddress` is gone at API 1.52). `networkMode` is kept as the engine
 * says it (`default` for the default bridge up to 26.0, `bridge` from 26.1): see `isDefaultBridgeMode`.
 */
export function parseContainer(c: ContainerJson): ContainerFacts {
  const running = c.State?.Running === true;
  const { ports, from } = parsePorts(c);
  const facts: ContainerFacts = {
    id: c.Id,
    name: (c.Name ?? '').replace(/^\//, ''),
    image: c.Config?.Image ?? c.Image ?? '',
    running,
    status: c.State?.Status ?? (running ? 'running' : 'unknown'),
    networkMode: c.HostConfig?.NetworkMode ?? '',
    ports,
    publishAll: c.HostConfig?.PublishAllPorts === true,
    endpoints: Object.entries(c.NetworkSettings?.Networks ?? {})
      .filter((e): e is [string, EndpointJson] => e[1] !== null && e[1] !== undefined)
      .map(([name, e]) => parseEndpoint(name, e)),
    legacyLinks: c.HostConfig?.Links ?? [],
    portsFrom: from,
  };
  const requested = Object.entries(c.HostConfig?.PortBindings ?? {}).flatMap(([key, list]) =>
    (list ?? []).flatMap((b) => binding(key, b, 'ephemeral') ?? []),
  );
  if (requested.length) facts.requestedPorts = requested;
  if (!running && c.State?.ExitCode !== undefined) facts.exitCode = c.State.ExitCode;
  if (c.State?.Pid) facts.pid = c.State.Pid;
  if (c.HostConfig?.ExtraHosts?.length) facts.extraHosts = c.HostConfig.ExtraHosts;
  const sandboxKey = nonEmpty(c.NetworkSettings?.SandboxKey);
  if (sandboxKey) facts.sandboxKey = sandboxKey;
  const hostname = nonEmpty(c.Config?.Hostname);
  if (hostname) facts.hostname = hostname;
  if (c.Image) facts.imageId = c.Image;
  const hostsPath = nonEmpty(c.HostsPath);
  if (hostsPath) facts.hostsPath = hostsPath;
  const resolv = nonEmpty(c.ResolvConfPath);
  if (resolv) facts.resolvConfPath = resolv;
  return facts;
}

/** True for the default bridge however the engine spells it (`default` ≤26.0, `bridge` from 26.1). */
export function isDefaultBridgeMode(networkMode: string): boolean {
  return networkMode === 'default' || networkMode === 'bridge';
}

/** For `container:<id>` modes: the id (full, as the engine stores it). */
export function sharedNetnsTarget(networkMode: string): string | undefined {
  return networkMode.startsWith('container:') ? networkMode.slice('container:'.length) : undefined;
}
