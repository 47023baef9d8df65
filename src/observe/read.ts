import fs from 'node:fs';
import type { Probe } from '../checks/types.js';
import { hostPaths, netnsPath } from '../lab/config.js';
import { engineFor } from '../lab/daemon.js';
import { EngineError, type Engine } from '../lab/engine.js';
import { nsenterArgv } from '../lab/netns.js';
import { run, type RunResult } from '../lab/run.js';
import type { RawHostReads } from './build.js';
import { parseContainer } from './container.js';
import type { ContainerJson, ContainerSummaryJson, InfoJson, NetworkJson, NodeJson } from './engine-json.js';
import { usesNftables } from './engine-info.js';
import { splitJsonDocuments } from './iproute.js';
import { runProbes } from './probes.js';

/** Reads that should answer in milliseconds; a hung daemon or program must not hang a check run. */
const ENGINE_TIMEOUT_MS = 5000;
const PROGRAM_TIMEOUT_MS = 5000;

/** `ip -j -d -batch -` reads links+addresses and routes in one program run. */
const IP_BATCH = ['ip', '-j', '-d', '-batch', '-'];
const IP_BATCH_INPUT = 'addr show\nroute show\n';

type Errors = { source: string; message: string }[];

const elapsed = (t0: number) => Math.round((performance.now() - t0) * 10) / 10;

function describe(r: RunResult): string {
  return (r.stderr || r.stdout).trim().split('\n').slice(-2).join(' | ') || `exit ${r.code}`;
}

/** Run `ip -j -d -batch -` (addr, route) with a namespace-entering prefix; parse both answers. */
async function readIp(prefix: string[]): Promise<{ ipAddr: unknown; ipRoute: unknown }> {
  const r = await run([...prefix, ...IP_BATCH], { input: IP_BATCH_INPUT, timeoutMs: PROGRAM_TIMEOUT_MS });
  if (r.code !== 0) throw new Error(describe(r));
  const [ipAddr, ipRoute] = splitJsonDocuments(r.stdout);
  if (ipAddr === undefined || ipRoute === undefined) throw new Error(`unexpected output of ip -batch: ${r.stdout.slice(0, 80)}`);
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

/**
 * One round of Engine API reads: `/version` (which pins the API version), then `/info`, every
 * container and every network in full (the lists omit what checks need), and `/nodes` on a
 * swarm manager.
 */
export async function readEngine(engine: Engine): Promise<NonNullable<RawHostReads['engine']>> {
  const version = await engine.version();
  const [info, list, netList] = await Promise.all([
    engine.request<InfoJson>({ path: '/info', timeoutMs: ENGINE_TIMEOUT_MS }),
    engine.request<ContainerSummaryJson[]>({ path: '/containers/json', query: { all: 1 }, timeoutMs: ENGINE_TIMEOUT_MS }),
    engine.request<{ Id: string }[]>({ path: '/networks', timeoutMs: ENGINE_TIMEOUT_MS }),
  ]);
  const manager = info.Swarm?.LocalNodeState === 'active' && info.Swarm.ControlAvailable === true;
  const [containers, networks, nodes] = await Promise.all([
    Promise.all(list.map((c) => getOptional<ContainerJson>(engine, `/containers/${c.Id}/json`))),
    Promise.all(netList.map((n) => getOptional<NetworkJson>(engine, `/networks/${n.Id}`))),
    manager ? engine.request<NodeJson[]>({ path: '/nodes', timeoutMs: ENGINE_TIMEOUT_MS }) : undefined,
  ]);
  return {
    version,
    pinnedApiVersion: engine.pinnedVersion,
    info,
    containers: containers.filter((c): c is ContainerJson => c !== undefined),
    networks: networks.filter((n): n is NetworkJson => n !== undefined),
    ...(nodes ? { nodes } : {}),
  };
}

async function readDaemonJson(file: string): Promise<Pick<RawHostReads, 'daemonJson' | 'daemonJsonError'>> {
  try {
    return { daemonJson: await fs.promises.readFile(file, 'utf8') };
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ENOENT') return {};
    return { daemonJsonError: `cannot read ${file}: ${err.message}` };
  }
}

/**
 * Read one lab host: the Engine API, the kernel (links, routes, bridge ports, firewall) of its
 * namespace and of each running container's, daemon.json, and the probes asked for. Reads run
 * in parallel; what fails is reported in `errors`, the rest is still read.
 */
export async function readHost(host: string, probes: Probe[] = []): Promise<RawHostReads> {
  const t0 = performance.now();
  const errors: Errors = [];
  const timings: Record<string, number> = {};
  const fail = (source: string) => (e: unknown) => {
    errors.push({ source, message: e instanceof Error ? e.message : String(e) });
    return undefined;
  };

  const hostInode = nsInode(netnsPath(host));
  const hostIp = readIp(nsenterArgv(host, [])).then((r) => {
    timings.ip = elapsed(t0);
    return r;
  });
  const iptables = run(nsenterArgv(host, ['iptables-save', '-c']), { timeoutMs: PROGRAM_TIMEOUT_MS }).then((r) => {
    timings.iptables = elapsed(t0);
    if (r.code !== 0) throw new Error(`iptables-save: ${describe(r)}`);
    return r.stdout;
  });
  const daemonJson = readDaemonJson(hostPaths(host).daemonJson);
  const engineRead = readEngine(engineFor(host)).then((e) => {
    timings.engine = elapsed(t0);
    return e;
  });

  // What needs the engine's answer: nft (by firewall backend), container namespaces and probes (by pid).
  const afterEngine = engineRead.then(
    async (engine) => {
      const backend = engine.info.FirewallBackend?.Driver ?? 'iptables';
      const nft = usesNftables(backend)
        ? run(nsenterArgv(host, ['nft', '-j', 'list', 'ruleset']), { timeoutMs: PROGRAM_TIMEOUT_MS }).then((r) => {
            timings.nft = elapsed(t0);
            if (r.code !== 0) throw new Error(`nft: ${describe(r)}`);
            return JSON.parse(r.stdout) as unknown;
          })
        : Promise.resolve(undefined);

      const facts = engine.containers.map(parseContainer);
      const inodes: Record<string, number> = {};
      const byInode = new Map<number, string[]>();
      const pidOf = new Map<number, number>();
      for (const c of facts) {
        if (!c.running || !c.pid) continue;
        const ino = nsInode(`/proc/${c.pid}/ns/net`);
        if (ino === undefined) continue;
        inodes[c.id] = ino;
        byInode.set(ino, [...(byInode.get(ino) ?? []), c.id]);
        if (!pidOf.has(ino)) pidOf.set(ino, c.pid);
      }
      // One read per network namespace: containers that share one (container:X) share the read,
      // and `--network host` containers share the host's.
      const containerNetns: NonNullable<RawHostReads['containerNetns']> = {};
      const nsReads = [...byInode.entries()].map(async ([ino, ids]) => {
        const names = ids.map((id) => facts.find((c) => c.id === id)?.name ?? id).join(',');
        const read =
          ino === hostInode
            ? await hostIp.catch(() => undefined)
            : await readIp(['nsenter', '-t', String(pidOf.get(ino)), '-n', '--']).catch(fail(`container:${names}`));
        if (read) for (const id of ids) containerNetns[id] = read;
      });
      const probeRun = runProbes(host, probes, facts).then((r) => {
        if (probes.length) timings.probes = elapsed(t0);
        return r;
      });
      const [nftRuleset, , probeResults] = await Promise.all([
        nft.catch(fail('firewall')),
        Promise.all(nsReads).then(() => {
          timings.containers = elapsed(t0);
        }),
        probeRun,
      ]);
      return { nftRuleset, containerNetns, inodes, probeResults };
    },
    (e: unknown) => {
      fail('engine')(e);
      return undefined;
    },
  );

  // Probes on the host itself do not need the engine; if the engine is down, run them anyway.
  const [ip, iptablesSave, daemon, engine, after] = await Promise.all([
    hostIp.catch(fail('kernel')),
    iptables.catch(fail('firewall')),
    daemonJson,
    engineRead.catch(() => undefined),
    afterEngine,
  ]);
  const probeResults = after?.probeResults ?? (await runProbes(host, probes, []));
  timings.total = elapsed(t0);

  const raw: RawHostReads = {
    host,
    ...(engine ? { engine } : {}),
    ...(ip ? { ipAddr: ip.ipAddr, ipRoute: ip.ipRoute } : {}),
    ...(iptablesSave !== undefined ? { iptablesSave } : {}),
    ...(after?.nftRuleset !== undefined ? { nftRuleset: after.nftRuleset } : {}),
    ...daemon,
    containerNetns: after?.containerNetns ?? {},
    netnsInodes: { ...(hostInode !== undefined ? { host: hostInode } : {}), containers: after?.inodes ?? {} },
    probes: probeResults,
    timings,
  };
  if (errors.length) raw.errors = errors;
  return raw;
}
