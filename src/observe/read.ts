import fs from 'node:fs';
import type { Probe } from './facts.js';
import { hostPaths, netnsName, netnsPath } from '../lab/config.js';
import { EngineError, type Engine } from '../lab/engine.js';
import { nsenterArgv } from '../lab/netns.js';
import { run, type RunResult } from '../lab/run.js';
import type { RawHostReads } from './build.js';
import { parseContainer } from './container.js';
import type {
  ContainerJson,
  ContainerSummaryJson,
  InfoJson,
  NetworkJson,
  NodeJson,
  VersionJson,
} from './engine-json.js';
import { usesNftables } from './engine-info.js';
import {
  OBSERVE_ENGINE_TIMEOUT_MS,
  describeEngineFailure,
  engineSession,
  forgetEngineSession,
} from './engine-session.js';
import { splitJsonDocuments } from './iproute.js';
import { runProbes } from './probes.js';
import { t } from '../i18n/index.js';

/**
 * Reads that should answer in milliseconds; a hung daemon or program must not hang a check run,
 * and a step's check answers within 5 s: each read has 3 s.
 */
const ENGINE_TIMEOUT_MS = OBSERVE_ENGINE_TIMEOUT_MS;
const PROGRAM_TIMEOUT_MS = 3000;

/** `ip -j -d -batch -` reads links+addresses and routes in one program run. */
const IP_BATCH = ['-j', '-d', '-batch', '-'];
const IP_BATCH_INPUT = 'addr show\nroute show\n';

type Errors = { source: string; message: string }[];

/** What `ip -j -d -batch` printed for `addr show` and `route show`. */
export type IpRead = { ipAddr: unknown; ipRoute: unknown };

const elapsed = (t0: number) => Math.round((performance.now() - t0) * 10) / 10;

function describe(r: RunResult): string {
  return (r.stderr || r.stdout).trim().split('\n').slice(-2).join(' | ') || `exit ${r.code}`;
}

/** Run `ip -j -d -batch -` (addr, route); `ip` is the argv up to the ip program and its netns option. */
async function readIp(ip: string[]): Promise<IpRead> {
  const r = await run([...ip, ...IP_BATCH], {
    input: IP_BATCH_INPUT,
    timeoutMs: PROGRAM_TIMEOUT_MS,
  });
  if (r.code !== 0) throw new Error(describe(r));
  const [ipAddr, ipRoute] = splitJsonDocuments(r.stdout);
  if (ipAddr === undefined || ipRoute === undefined)
    throw new Error(`unexpected output of ip -batch: ${r.stdout.slice(0, 80)}`);
  return { ipAddr, ipRoute };
}

/** Inode of a network namespace file (/run/netns/…, /proc/<pid>/ns/net); undefined if gone. */
function nsInode(file: string): number | undefined {
  try {
    return fs.statSync(file).ino;
  } catch {
    return undefined;
  }
}

/** GET one object, or undefined when it vanished between the list and the read (404). */
async function getOptional<T>(engine: Engine, path: string): Promise<T | undefined> {
  try {
    return await engine.request<T>({ path, timeoutMs: ENGINE_TIMEOUT_MS });
  } catch (e) {
    if (e instanceof EngineError && e.status === 404) return undefined;
    throw e;
  }
}

/** The Engine reads of one observation, each as soon as what it needs has answered. */
export interface EngineReads {
  version: Promise<VersionJson>;
  info: Promise<InfoJson>;
  /** `GET /containers/{id}/json` of every container (`all=1`); does not wait for /info. */
  containers: Promise<ContainerJson[]>;
  /** `GET /networks/{id}` of every network (the list omits `Containers`). */
  networks: Promise<NetworkJson[]>;
  /** `GET /nodes` on a swarm manager, else undefined. */
  nodes: Promise<NodeJson[] | undefined>;
}

/**
 * One round of Engine API reads: `/version` (which pins the API version; `engineSession` asks it
 * once per running daemon), then `/info`, every
 * container and every network in full, and `/nodes` on a swarm manager. /info is the slow one
 * (20.10 runs `runc --version` for it), so nothing else waits for it.
 */
export function startEngineReads(
  engine: Engine,
  version: Promise<VersionJson> = engine.version(ENGINE_TIMEOUT_MS),
): EngineReads {
  const get = <T>(path: string, query?: Record<string, string | number>) =>
    engine.request<T>({ path, query, timeoutMs: ENGINE_TIMEOUT_MS });
  const pinned = version.then(() => undefined);
  const info = pinned.then(() => get<InfoJson>('/info'));
  const containers = pinned
    .then(() => get<ContainerSummaryJson[]>('/containers/json', { all: 1 }))
    .then((list) =>
      Promise.all(list.map((c) => getOptional<ContainerJson>(engine, `/containers/${c.Id}/json`))),
    )
    .then((all) => all.filter((c): c is ContainerJson => c !== undefined));
  const networks = pinned
    .then(() => get<{ Id: string }[]>('/networks'))
    .then((list) =>
      Promise.all(list.map((n) => getOptional<NetworkJson>(engine, `/networks/${n.Id}`))),
    )
    .then((all) => all.filter((n): n is NetworkJson => n !== undefined));
  const nodes = info.then((i) =>
    i.Swarm?.LocalNodeState === 'active' && i.Swarm.ControlAvailable === true
      ? get<NodeJson[]>('/nodes')
      : undefined,
  );
  // Each is awaited by the caller; keep an early failure of one from being reported as unhandled.
  for (const p of [info, containers, networks, nodes]) p.catch(() => undefined);
  return { version, info, containers, networks, nodes };
}

/** All Engine reads of one observation, awaited together. */
export async function readEngine(engine: Engine): Promise<NonNullable<RawHostReads['engine']>> {
  const r = startEngineReads(engine);
  const [version, info, containers, networks, nodes] = await Promise.all([
    r.version,
    r.info,
    r.containers,
    r.networks,
    r.nodes,
  ]);
  return {
    version,
    pinnedApiVersion: engine.pinnedVersion,
    info,
    containers,
    networks,
    ...(nodes ? { nodes } : {}),
  };
}

async function readDaemonJson(
  file: string,
): Promise<Pick<RawHostReads, 'daemonJson' | 'daemonJsonError'>> {
  try {
    return { daemonJson: await fs.promises.readFile(file, 'utf8') };
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ENOENT') return {};
    return { daemonJsonError: t('check.observe.cannotRead', { file, error: err.message }) };
  }
}

/** Links and routes inside a container's network namespace, entered by one of its pids. */
export function readContainerIp(pid: number): Promise<IpRead> {
  return readIp(['nsenter', '-t', String(pid), '-n', '--', 'ip']);
}

/** `iptables-save -c` in a lab host's network namespace. */
export async function readIptablesSave(host: string): Promise<string> {
  const r = await run(nsenterArgv(host, ['iptables-save', '-c']), {
    timeoutMs: PROGRAM_TIMEOUT_MS,
  });
  if (r.code !== 0) throw new Error(`iptables-save: ${describe(r)}`);
  return r.stdout;
}

/** `nft -j list ruleset` in a lab host's network namespace, parsed. */
export async function readNftRuleset(host: string): Promise<unknown> {
  const r = await run(nsenterArgv(host, ['nft', '-j', 'list', 'ruleset']), {
    timeoutMs: PROGRAM_TIMEOUT_MS,
  });
  if (r.code !== 0) throw new Error(`nft: ${describe(r)}`);
  return JSON.parse(r.stdout) as unknown;
}

/**
 * What to read beyond the Engine API, host links/routes and daemon.json (always read). Each
 * program run costs ~10-20 ms on a small VM and Node starts them one at a time, so a check run
 * that knows what its checks look at can skip the rest. Default: everything.
 */
export interface ObserveScope {
  /** iptables-save (and nft where the engine uses it). Default true. */
  firewall?: boolean;
  /**
   * Whose own links and routes to read (one program run per network namespace): every running
   * container (true, the default), none (false), or these containers (names or ids). Containers
   * not read have no `links`/`routes`.
   */
  containerLinks?: boolean | string[];
}

function wantsLinks(scope: ObserveScope, c: { id: string; name: string }): boolean {
  const w = scope.containerLinks ?? true;
  if (typeof w === 'boolean') return w;
  return w.some(
    (ref) => ref === c.name || ref === c.id || (ref.length >= 4 && c.id.startsWith(ref)),
  );
}

/** What `readHost` shares with its per-container reads. */
interface HostReadContext {
  host: string;
  probes: Probe[];
  scope: ObserveScope;
  hostInode: number | undefined;
  hostIp: Promise<IpRead>;
  fail: (source: string) => (e: unknown) => undefined;
  timed: <T>(name: string, p: Promise<T>) => Promise<T>;
}

/** Each container's network namespace (read once per namespace) and the probes, once the containers are known. */
async function readContainerNamespaces(ctx: HostReadContext, containers: ContainerJson[]) {
  const { host, probes, scope, hostInode, hostIp, fail, timed } = ctx;
  const facts = containers.map(parseContainer);
  const inodes: Record<string, number> = {};
  const byInode = new Map<number, { ids: string[] }>();
  for (const c of facts) {
    if (!c.running || !c.pid) continue;
    const ino = nsInode(`/proc/${c.pid}/ns/net`);
    if (ino === undefined) continue;
    inodes[c.id] = ino;
    if (!wantsLinks(scope, c)) continue;
    const entry = byInode.get(ino) ?? { ids: [] };
    entry.ids.push(c.id);
    byInode.set(ino, entry);
  }
  // One read per network namespace: containers that share one (container:X) share the read,
  // and `--network host` containers share the host's.
  const containerNetns: NonNullable<RawHostReads['containerNetns']> = {};
  const nsReads = Promise.all(
    [...byInode.entries()].map(async ([ino, { ids }]) => {
      const members = facts.filter((c) => ids.includes(c.id));
      const names = members.map((c) => c.name).join(',');
      const read =
        ino === hostInode
          ? await hostIp.catch(() => undefined)
          : await readContainerIp(members[0]?.pid as number).catch(fail(`container:${names}`));
      if (read) for (const id of ids) containerNetns[id] = read;
    }),
  );
  const [, probeResults] = await Promise.all([
    timed('containers', nsReads),
    probes.length ? timed('probes', runProbes(host, probes, facts)) : Promise.resolve({}),
  ]);
  return { containerNetns, inodes, probeResults };
}

/**
 * Read one lab host: the Engine API, the kernel (links, routes, bridge ports, firewall) of its
 * namespace and of each running container's, daemon.json, and the probes asked for. Reads run
 * in parallel, each as soon as what it needs is known; what fails is reported in `errors`, the
 * rest is still read.
 */
export async function readHost(
  host: string,
  probes: Probe[] = [],
  scope: ObserveScope = {},
): Promise<RawHostReads> {
  const t0 = performance.now();
  const errors: Errors = [];
  const timings: Record<string, number> = {};
  const fail = (source: string) => (e: unknown) => {
    errors.push({ source, message: e instanceof Error ? e.message : String(e) });
    return undefined;
  };
  const timed = <T>(name: string, p: Promise<T>): Promise<T> =>
    p.then((v) => {
      timings[name] = elapsed(t0);
      return v;
    });

  // Engine requests first: they only write to a socket, and /info (the slow one) then runs in
  // the daemon while this process forks the programs below (each fork blocks it for a while).
  const session = engineSession(host);
  const engine = session.engine;
  const reads = startEngineReads(engine, session.version);
  const engineDown = (e: unknown) => {
    forgetEngineSession(host, session);
    const timedOut = e instanceof EngineError && e.kind === 'timeout';
    errors.push({
      source: 'engine',
      message: describeEngineFailure(host, e),
      ...(timedOut ? { timedOut } : {}),
    });
    return undefined;
  };

  // Kernel and file reads need nothing from the engine. They start one event-loop turn later,
  // once the requests above are on the wire (a spawn forks synchronously).
  const turn = new Promise<void>((resolve) => setImmediate(resolve));
  const hostInode = nsInode(netnsPath(host));
  // `ip -n <name>` enters the named namespace itself: one program start instead of two (nsenter + ip).
  const hostIp = timed(
    'ip',
    turn.then(() => readIp(['ip', '-n', netnsName(host)])),
  );
  const firewall = scope.firewall ?? true;
  const iptables = firewall
    ? timed(
        'iptables',
        turn.then(() => readIptablesSave(host)),
      )
    : Promise.resolve(undefined);
  const daemonJson = readDaemonJson(hostPaths(host).daemonJson);

  // nft only where the engine's firewall backend is nftables (28.1+ says so in /info).
  const nft = reads.info.then(
    (info) =>
      firewall && usesNftables(info.FirewallBackend?.Driver ?? 'iptables')
        ? timed('nft', readNftRuleset(host)).catch(fail('firewall'))
        : undefined,
    () => undefined,
  );

  // Container namespaces and probes need the containers' pids, not /info.
  const perContainer = timed('inspected', reads.containers).then((containers) =>
    readContainerNamespaces({ host, probes, scope, hostInode, hostIp, fail, timed }, containers),
  );

  const [ip, iptablesSave, daemon, version, info, containers, networks, nodes, nftRuleset, after] =
    await Promise.all([
      hostIp.catch(fail('kernel')),
      iptables.catch(fail('firewall')),
      daemonJson,
      reads.version.catch(engineDown),
      reads.info.catch(() => undefined),
      reads.containers.catch(() => undefined),
      reads.networks.catch(() => undefined),
      reads.nodes.catch(() => undefined),
      nft,
      perContainer.catch(() => undefined),
    ]);
  timings.engine = elapsed(t0);
  // An engine that answered /version but failed later: say which read failed.
  if (version && !(info && containers && networks)) {
    await Promise.all([reads.info, reads.containers, reads.networks]).catch(engineDown);
  }
  // Probes on the host itself do not need the engine: without one, run them anyway.
  const probeResults = after?.probeResults ?? (await runProbes(host, probes, []));
  timings.total = elapsed(t0);

  const raw: RawHostReads = {
    host,
    ...(version && info && containers && networks
      ? {
          engine: {
            version,
            pinnedApiVersion: engine.pinnedVersion,
            info,
            containers,
            networks,
            ...(nodes ? { nodes } : {}),
          },
        }
      : {}),
    ...(ip ? { ipAddr: ip.ipAddr, ipRoute: ip.ipRoute } : {}),
    ...(iptablesSave !== undefined ? { iptablesSave } : {}),
    ...(nftRuleset !== undefined ? { nftRuleset } : {}),
    ...daemon,
    containerNetns: after?.containerNetns ?? {},
    netnsInodes: {
      ...(hostInode !== undefined ? { host: hostInode } : {}),
      containers: after?.inodes ?? {},
    },
    probes: probeResults,
    timings,
  };
  if (errors.length) raw.errors = errors;
  return raw;
}
