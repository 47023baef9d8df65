import fs from 'node:fs';
import { hostPaths, netnsName, netnsPath } from './config.js';
import { cleanup, leftovers, type CleanupReport } from './cleanup.js';
import { PRISTINE_DAEMON_JSON, engineFor, startDaemons } from './daemon.js';
import { EngineError } from './engine.js';
import { enterHost, makeHostNamespaces } from './hostns.js';
import { importLabImage, readImageTar } from './image.js';
import { addNetns, ipIn, makeSwitch, plugIntoSwitch } from './netns.js';
import { ensureInternetDns, internetDnsAnswers, startInternet } from './internet.js';
import { t } from './messages.js';
import { run } from './run.js';
import { diffSnapshots, snapshotHost, snapshotKernel, type HostSnapshot } from './snapshot.js';
import { claimRoot, readState, writeFileAtomic, writeState } from './state.js';
import { DEFAULT_TOPOLOGY, addressOnly, findHost, type HostSpec, type Topology } from './topology.js';
import { writeShellRc } from './shell.js';

export interface ProgressEvent {
  node: string;
  stage: string;
  phase: 'start' | 'done';
  ms?: number;
}
export type OnProgress = (e: ProgressEvent) => void;

export class LabError extends Error {
  constructor(
    message: string,
    readonly fix?: string,
  ) {
    super(message);
    this.name = 'LabError';
  }
}

async function stage<T>(onProgress: OnProgress | undefined, node: string, name: string, fn: () => Promise<T>, signal?: AbortSignal): Promise<T> {
  signal?.throwIfAborted();
  const t0 = Date.now();
  onProgress?.({ node, stage: name, phase: 'start' });
  const result = await fn();
  onProgress?.({ node, stage: name, phase: 'done', ms: Date.now() - t0 });
  return result;
}

interface Baseline {
  snapshot: HostSnapshot;
  iptablesSave: string;
}

async function recordBaseline(host: string): Promise<void> {
  const engine = engineFor(host);
  const snapshot = await snapshotHost(host, engine);
  const save = await run(['nsenter', `--net=${netnsPath(host)}`, '--', 'iptables-save']);
  const baseline: Baseline = { snapshot, iptablesSave: save.stdout };
  writeFileAtomic(hostPaths(host).baseline, JSON.stringify(baseline));
}

function readBaseline(host: string): Baseline {
  return JSON.parse(fs.readFileSync(hostPaths(host).baseline, 'utf8')) as Baseline;
}

/** Build one lab host on an existing switch: namespaces, LAN link, daemons, image, baseline. */
async function buildHost(topology: Topology, spec: HostSpec, image: Buffer, onProgress?: OnProgress, signal?: AbortSignal) {
  const host = spec.name;
  await stage(onProgress, host, t('lab.stage.namespaces'), async () => {
    await addNetns(host);
    await makeHostNamespaces(host, addressOnly(topology.lan.gateway));
    await plugIntoSwitch(topology.lan.switch, host, spec.lanAddress);
    if (topology.internet) {
      await ipIn(host, ['route', 'add', 'default', 'via', addressOnly(topology.lan.gateway)]);
    }
    writeShellRc(host);
  }, signal);
  await stage(onProgress, host, t('lab.stage.engine'), () => startDaemons(host), signal);
  await stage(onProgress, host, t('lab.stage.image'), () => importLabImage(engineFor(host), image), signal);
  await stage(onProgress, host, t('lab.stage.baseline'), () => recordBaseline(host), signal);
}

export interface UpResult {
  alreadyUp: boolean;
  cleaned?: CleanupReport;
  ms: number;
}

/** Is every host of a complete lab answering? (Each engine gets 2 s.) */
export async function isUp(): Promise<boolean> {
  if (!labBuilt()) return false;
  const hosts = readState()?.topology.hosts ?? [];
  const answers = await Promise.all(hosts.map((h) => engineFor(h.name).ping(2000)));
  return answers.every(Boolean);
}

/**
 * Was the lab brought up (its state complete, every host's namespace there)? True also when a
 * host's engine is down or stuck: `check`, `grade` and the TUI then judge what they can and
 * name that engine, rather than say the lab is not up.
 */
export function labBuilt(): boolean {
  const state = readState();
  if (!state?.complete) return false;
  return state.topology.hosts.every((h) => fs.existsSync(netnsPath(h.name)));
}

/** Bring the lab up. A lab already up is left as it is; leftovers of a crashed run are cleaned first. */
export async function up(opts: { topology?: Topology; onProgress?: OnProgress; signal?: AbortSignal } = {}): Promise<UpResult> {
  const t0 = Date.now();
  const topology = opts.topology ?? DEFAULT_TOPOLOGY;
  if (await isUp()) {
    // A lab already up keeps its hosts; only a dead internet DNS server is started again.
    const state = readState();
    if (state) await ensureInternetDns(state.topology);
    return { alreadyUp: true, ms: Date.now() - t0 };
  }
  claimRoot(); // before anything is touched: a folder that is not the lab's own is refused
  const image = readImageTar();
  let cleaned: CleanupReport | undefined;
  if (leftovers().length > 0) {
    cleaned = await stage(opts.onProgress, 'lab', t('lab.stage.cleanup'), () => cleanup(), opts.signal);
  }
  writeState({ version: 1, topology, startedAt: new Date().toISOString(), complete: false });
  await stage(opts.onProgress, topology.lan.switch, t('lab.stage.lan'), () => makeSwitch(topology.lan.switch), opts.signal);
  const internet = topology.internet;
  // allSettled: on Ctrl-C every branch must have stopped before the caller cleans up.
  const settled = await Promise.allSettled([
    ...(internet
      ? [stage(opts.onProgress, internet.name, t('lab.stage.internet'), () => startInternet(topology, internet), opts.signal)]
      : []),
    ...topology.hosts.map((h) => buildHost(topology, h, image, opts.onProgress, opts.signal)),
  ]);
  const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
  writeState({ version: 1, topology, startedAt: new Date().toISOString(), complete: true });
  return { alreadyUp: false, cleaned, ms: Date.now() - t0 };
}

/** Remove everything the lab made (and nothing else). */
export async function down(): Promise<CleanupReport & { ms: number }> {
  const t0 = Date.now();
  const report = await cleanup();
  return { ...report, ms: Date.now() - t0 };
}

function requireHost(name: string): { topology: Topology; spec: HostSpec } {
  const state = readState();
  if (!state?.complete) throw new LabError(t('lab.notUp'), t('lab.startIt'));
  const spec = findHost(state.topology, name);
  if (!spec) {
    throw new LabError(
      t('lab.noHost', { host: name }),
      t('lab.hostList', { hosts: state.topology.hosts.map((h) => h.name).join(', ') }),
    );
  }
  return { topology: state.topology, spec };
}

const PREDEFINED_NETWORKS = new Set(['bridge', 'host', 'none']);

/** Remove the learner's objects through the Engine API and restore the kernel state recorded at `up`. */
async function fastReset(host: string, baseline: Baseline): Promise<void> {
  const engine = engineFor(host);
  const containers = await engine.request<{ Id: string }[]>({ path: '/containers/json', query: { all: true } });
  await Promise.all(
    containers.map((c) => engine.request({ method: 'DELETE', path: `/containers/${c.Id}`, query: { force: true, v: true } })),
  );
  const networks = await engine.request<{ Id: string; Name: string }[]>({ path: '/networks' });
  await Promise.all(
    networks
      .filter((n) => !PREDEFINED_NETWORKS.has(n.Name))
      .map((n) => engine.request({ method: 'DELETE', path: `/networks/${n.Id}` })),
  );
  const volumes = await engine.request<{ Volumes?: { Name: string }[] | null }>({ path: '/volumes' });
  await Promise.all(
    (volumes.Volumes ?? []).map((v) => engine.request({ method: 'DELETE', path: `/volumes/${v.Name}`, query: { force: true } })),
  );
  const images = await engine.request<{ RepoTags?: string[] | null }[]>({ path: '/images/json' });
  const keep = new Set(baseline.snapshot.images);
  for (const tag of images.flatMap((i) => i.RepoTags ?? []).filter((t) => !keep.has(t))) {
    await engine.request({ method: 'DELETE', path: `/images/${encodeURIComponent(tag)}`, query: { noprune: false } });
  }
  const now = await snapshotKernel(host);
  if (now.iptables.join('\n') !== baseline.snapshot.iptables.join('\n')) {
    await run(['nsenter', `--net=${netnsPath(host)}`, '--', 'iptables-restore'], { input: baseline.iptablesSave });
  }
  // Namespaces a learner made with `ip netns add` live in the host's own /run/netns (its mount
  // namespace): delete them there, before the links (their veths go with them).
  await removeLearnerNetns(host);
  const keepLinks = new Set(baseline.snapshot.links.map((l) => l.split(' ')[0]));
  for (const link of now.links.map((l) => l.split(' ')[0] ?? '')) {
    if (link && !keepLinks.has(link)) await run(['ip', '-n', netnsName(host), 'link', 'del', link]);
  }
}

/** `ip netns del` every namespace in the host's /run/netns (a fresh host has none). */
async function removeLearnerNetns(host: string): Promise<void> {
  const names = fs.existsSync(hostPaths(host).runNetns) ? fs.readdirSync(hostPaths(host).runNetns) : [];
  for (const name of names) {
    const r = await run(['nsenter', ...enterHost(host), '--', 'ip', 'netns', 'del', name]);
    // Not a mounted namespace (a stray file): remove the file itself.
    if (r.code !== 0) fs.rmSync(`${hostPaths(host).runNetns}/${name}`, { force: true, recursive: true });
  }
}

/**
 * A changed daemon.json or swarm membership needs a new engine, and building the host anew
 * (about 2 s) is faster than a graceful engine restart (4-6 s, measured) and fresh by
 * construction. (Engine 20.10 also stops answering DNS after a manager leaves its swarm.)
 */
async function needsNewEngine(host: string): Promise<boolean | string> {
  if (fs.readFileSync(hostPaths(host).daemonJson, 'utf8') !== PRISTINE_DAEMON_JSON) return true;
  try {
    const info = await engineFor(host).request<{ Swarm?: { LocalNodeState?: string } }>({ path: '/info', timeoutMs: 2000 });
    return (info.Swarm?.LocalNodeState ?? 'inactive') !== 'inactive';
  } catch (e) {
    // A dead or stuck engine: build the host anew, and say why (the engine by name).
    return e instanceof EngineError && e.unreachable ? e.message : true;
  }
}

export interface ResetResult {
  host: string;
  /** `fast`: objects removed through the Engine API; `rebuilt`: the host was made anew. */
  how: 'fast' | 'rebuilt';
  ms: number;
}

/** Bring one host back to the state of a fresh one. */
export async function reset(host: string, opts: { onProgress?: OnProgress } = {}): Promise<ResetResult> {
  const t0 = Date.now();
  const { topology, spec } = requireHost(host);
  const baseline = readBaseline(host);
  const newEngine = await needsNewEngine(host);
  if (!newEngine) {
    try {
      await stage(opts.onProgress, host, t('lab.stage.removeObjects'), () => fastReset(host, baseline));
      const diff = diffSnapshots(baseline.snapshot, await snapshotHost(host, engineFor(host)));
      if (diff.length === 0) return { host, how: 'fast', ms: Date.now() - t0 };
    } catch {
      /* fall through to a rebuild */
    }
  }
  const why = typeof newEngine === 'string' ? newEngine : undefined;
  await stage(opts.onProgress, host, why ? t('lab.stage.rebuildWhy', { why }) : t('lab.stage.rebuild'), async () => {
    await cleanup([host]);
    await buildHost(topology, spec, readImageTar(), opts.onProgress);
  });
  return { host, how: 'rebuilt', ms: Date.now() - t0 };
}

export interface HostStatus {
  name: string;
  lanAddress: string;
  engine: 'running' | 'not answering';
  /** Why the engine is not answering, naming it ("host1's engine is not running"). */
  problem?: string;
  version?: string;
  apiVersion?: string;
  containers?: number;
  networks?: number;
  swarm?: string;
}

export interface LabStatus {
  up: boolean;
  /** Lab objects present although the lab is not (completely) up. */
  leftovers: string[];
  hosts: HostStatus[];
  internet?: string;
  /** The internet namespace's DNS server: answering a real query, or not (died). */
  internetDns?: 'answering' | 'not answering';
}

/** Each Engine read of `status` gets this long: a stuck engine is named within ~2 s. */
const STATUS_TIMEOUT_MS = 1500;

async function hostStatus(h: HostSpec): Promise<HostStatus> {
  const engine = engineFor(h.name);
  const down = (e: unknown): HostStatus => ({
    name: h.name,
    lanAddress: h.lanAddress,
    engine: 'not answering',
    problem: e instanceof Error ? e.message : String(e),
  });
  const problem = await engine.pingError(STATUS_TIMEOUT_MS);
  if (problem) return down(problem);
  try {
    const get = <T>(path: string) => engine.request<T>({ path, timeoutMs: STATUS_TIMEOUT_MS });
    const [v, info, networks] = await Promise.all([
      engine.version(STATUS_TIMEOUT_MS),
      get<{ Containers: number; Swarm?: { LocalNodeState?: string } }>('/info'),
      get<unknown[]>('/networks'),
    ]);
    return {
      name: h.name,
      lanAddress: h.lanAddress,
      engine: 'running',
      version: v.Version,
      apiVersion: engine.pinnedVersion,
      containers: info.Containers,
      networks: networks.length,
      swarm: info.Swarm?.LocalNodeState ?? 'inactive',
    };
  } catch (e) {
    return down(e);
  }
}

export async function status(): Promise<LabStatus> {
  const state = readState();
  if (!state) return { up: false, leftovers: leftovers(), hosts: [] };
  const hosts = await Promise.all(state.topology.hosts.map(hostStatus));
  const up = state.complete && hosts.every((h) => h.engine === 'running');
  const dns = state.topology.internet && up ? await internetDnsAnswers(state.topology) : undefined;
  return {
    up,
    // A complete lab with an engine down is not left over: `doctor --fix` would wipe it.
    leftovers: up || labBuilt() ? [] : leftovers(),
    hosts,
    internet: state.topology.internet ? addressOnly(state.topology.internet.publicAddress) : undefined,
    ...(dns !== undefined ? { internetDns: dns ? 'answering' : 'not answering' } : {}),
  };
}

export { requireHost };
