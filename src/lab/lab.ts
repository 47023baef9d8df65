import fs from 'node:fs';
import { hostPaths, netnsPath } from './config.js';
import { cleanup, leftovers, type CleanupReport } from './cleanup.js';
import { PRISTINE_DAEMON_JSON, containerdAlive, engineFor, startDaemons } from './daemon.js';
import { makeHostNamespaces } from './hostns.js';
import { fastReset } from './fast-reset.js';
import { LabError } from './errors.js';
import { EngineStartError, revivable, reviveHost } from './revive.js';
import { importLabImage, readImageTar } from './image.js';
import { addNetns, ipIn, makeSwitch, plugIntoSwitch, refreshNeighbours, unplugFromSwitch } from './netns.js';
import { mountBaseline, mountChanges, stopStrayProcesses, swarmTrace, type MountBaseline } from './fresh.js';
import { ensureInternetDns, internetDnsAnswers, startInternet } from './internet.js';
import { t } from './messages.js';
import { run } from './run.js';
import { diffSnapshots, snapshotHost, type HostSnapshot } from './snapshot.js';
import { claimRoot, readState, type LabState, writeFileAtomic, writeState } from './state.js';
import { DEFAULT_TOPOLOGY, addressOnly, findHost, type HostSpec, type Topology } from './topology.js';
import { writeShellRc } from './shell.js';

export interface ProgressEvent {
  node: string;
  stage: string;
  phase: 'start' | 'done';
  ms?: number;
}
export type OnProgress = (e: ProgressEvent) => void;

export { LabError } from './errors.js';

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
  /** The host's mount namespace, normalised (not in the snapshot: its paths name the host). */
  mounts: MountBaseline;
}

async function recordBaseline(host: string): Promise<void> {
  const engine = engineFor(host);
  const snapshot = await snapshotHost(host, engine);
  const save = await run(['nsenter', `--net=${netnsPath(host)}`, '--', 'iptables-save']);
  const baseline: Baseline = { snapshot, iptablesSave: save.stdout, mounts: await mountBaseline(host) };
  writeFileAtomic(hostPaths(host).baseline, JSON.stringify(baseline));
}

/** The host's baseline; undefined when a build was stopped before it (or it is unreadable). */
function readBaseline(host: string): Baseline | undefined {
  try {
    const b = JSON.parse(fs.readFileSync(hostPaths(host).baseline, 'utf8')) as Partial<Baseline>;
    return b.snapshot && typeof b.iptablesSave === 'string' && Array.isArray(b.mounts?.all) && Array.isArray(b.mounts.own) ? (b as Baseline) : undefined;
  } catch {
    return undefined;
  }
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
  /** On a lab that was partly up: what was started again (`host1 dockerd`, `host2 rebuilt`). */
  restarted?: string[];
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

const notUp = () => new LabError(t('lab.notUp'), t('lab.startIt'));

/**
 * The lab's state, or a LabError saying it is not up and how to start it. `namespaces`: also
 * every host's namespace must be there (`labBuilt`), for the commands that read the hosts.
 */
export function requireLabUp(need: 'state' | 'namespaces' = 'state'): LabState {
  const state = readState();
  if (!state?.complete || (need === 'namespaces' && !labBuilt())) throw notUp();
  return state;
}

/** As `requireLabUp`, and every host's engine must answer (the map and `trace`). */
export async function requireLabAnswering(): Promise<LabState> {
  const state = requireLabUp();
  if (!(await isUp())) throw notUp();
  return state;
}

/** A complete lab whose LAN is there: `up` repairs it in place instead of building it anew. */
function labStandsIn(state: ReturnType<typeof readState>): state is NonNullable<ReturnType<typeof readState>> {
  if (!state?.complete) return false;
  const nodes = [state.topology.lan.switch, ...(state.topology.internet ? [state.topology.internet.name] : [])];
  return nodes.every((n) => fs.existsSync(netnsPath(n)));
}

/**
 * Start again what is dead on a lab that is partly up, host by host; never wipes a working host.
 * A host whose engine cannot start (its daemon.json, say) is reported with the daemon's error,
 * after the others were repaired.
 */
async function repair(topology: Topology, opts: UpOptions): Promise<string[]> {
  const dns = ensureInternetDns(topology).then((restarted) => (restarted ? [`${t('lab.stage.internet')} DNS`] : []));
  const settled = await Promise.allSettled([
    dns,
    ...topology.hosts.map(async (spec): Promise<string[]> => {
      const host = spec.name;
      if (!revivable(host)) {
        await stage(opts.onProgress, host, t('lab.stage.rebuild'), () => rebuildHost(topology, spec, opts.onProgress, opts.signal), opts.signal);
        return [`${host} ${t('lab.up.rebuilt')}`];
      }
      if (containerdAlive(host) && (await engineFor(host).ping(2000))) return [];
      const started = await stage(opts.onProgress, host, t('lab.stage.engine'), () => reviveHost(host), opts.signal);
      return started.map((d) => `${host} ${d}`);
    }),
  ]);
  const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) {
    const err = failed.reason as Error;
    if (err instanceof EngineStartError) {
      throw new LabError(
        t('lab.up.engineFailed', { host: err.host, error: err.detail }),
        t('lab.up.engineFailedFix', { host: err.host }),
      );
    }
    throw err;
  }
  return settled.flatMap((r) => (r.status === 'fulfilled' ? r.value : []));
}

export interface UpOptions {
  topology?: Topology;
  onProgress?: OnProgress;
  signal?: AbortSignal;
}

/**
 * Bring the lab up. A lab that is up is left as it is; on one that is partly up only what is dead
 * is started again (files, Engine objects and daemon.json are kept); leftovers of a crashed run
 * are cleaned first.
 */
export async function up(opts: UpOptions = {}): Promise<UpResult> {
  const t0 = Date.now();
  const topology = opts.topology ?? DEFAULT_TOPOLOGY;
  const state = readState();
  if (labStandsIn(state)) {
    const restarted = await repair(state.topology, opts);
    return { alreadyUp: restarted.length === 0, restarted, ms: Date.now() - t0 };
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
  const state = requireLabUp();
  const spec = findHost(state.topology, name);
  if (!spec) {
    throw new LabError(
      t('lab.noHost', { host: name }),
      t('lab.hostList', { hosts: state.topology.hosts.map((h) => h.name).join(', ') }),
    );
  }
  return { topology: state.topology, spec };
}

/**
 * Why the host needs a new engine, if it does: a changed daemon.json, or any trace of a swarm
 * (its state, its node id or its swarm folder; a node that left keeps the old identity and its
 * next join then waits about 40 s). Building the host anew (about 2 s) is faster than a graceful
 * engine restart (4-6 s, measured) and fresh by construction. (Engine 20.10 also stops answering
 * DNS after a manager leaves its swarm.)
 */
async function needsNewEngine(host: string): Promise<string | undefined> {
  const daemonJson = fs.existsSync(hostPaths(host).daemonJson) ? fs.readFileSync(hostPaths(host).daemonJson, 'utf8') : '';
  if (daemonJson !== PRISTINE_DAEMON_JSON) return 'daemon.json changed';
  // A dead or stuck engine (SIGSTOPped, say) means a rebuild, not a hang: ping has a deadline,
  // and its error names the engine ("host1's engine does not answer …").
  const down = await engineFor(host).pingError(2000);
  if (down) return down.message;
  try {
    return await swarmTrace(host, engineFor(host));
  } catch (e) {
    return (e as Error).message;
  }
}

export interface ResetResult {
  host: string;
  /** `fast`: objects removed through the Engine API; `rebuilt`: the host was made anew. */
  how: 'fast' | 'rebuilt';
  /** Why the fast path did not do (for tests and `--verbose` readers). */
  why?: string;
  /** Processes started in the host (not its daemons or containers) that were stopped. */
  stopped: number;
  ms: number;
}

/** Make a host anew on the lab's switch, and tell the LAN about it. */
async function rebuildHost(topology: Topology, spec: HostSpec, onProgress?: OnProgress, signal?: AbortSignal): Promise<void> {
  const host = spec.name;
  // First, so that a rebuild stopped halfway is rebuilt again by the next reset or up.
  fs.rmSync(hostPaths(host).baseline, { force: true });
  await unplugFromSwitch(topology.lan.switch, host);
  await cleanup([host]);
  await buildHost(topology, spec, readImageTar(), onProgress, signal);
  const others = [...topology.hosts.map((h) => h.name).filter((h) => h !== host), ...(topology.internet ? [topology.internet.name] : [])];
  await refreshNeighbours(host, others, spec.lanAddress);
}

/** The fast path: stray processes, Engine objects, kernel tables; then the host must equal its baseline. */
async function tryFastReset(host: string, baseline: Baseline, opts: ResetOptions): Promise<{ stopped: number; why?: string }> {
  const stopped = await stage(opts.onProgress, host, t('lab.stage.processes'), () => stopStrayProcesses(host), opts.signal);
  await stage(opts.onProgress, host, t('lab.stage.removeObjects'), () => fastReset(host, baseline), opts.signal);
  const diff = diffSnapshots(baseline.snapshot, await snapshotHost(host, engineFor(host)));
  if (diff.length > 0) return { stopped, why: diff.join('; ') };
  const mounts = await mountChanges(host, baseline.mounts);
  return { stopped, why: mounts.length > 0 ? mounts.join('; ') : undefined };
}

export interface ResetOptions {
  onProgress?: OnProgress;
  /** Stops the reset at the next stage; the next reset of the host repairs what is left. */
  signal?: AbortSignal;
}

/** Bring one host back to the state of a fresh one. */
export async function reset(host: string, opts: ResetOptions = {}): Promise<ResetResult> {
  const t0 = Date.now();
  const { topology, spec } = requireHost(host);
  const baseline = readBaseline(host);
  let why = baseline ? await needsNewEngine(host) : 'no baseline';
  let stopped = 0;
  if (baseline && !why) {
    try {
      const fast = await tryFastReset(host, baseline, opts);
      stopped = fast.stopped;
      if (!fast.why) return { host, how: 'fast', stopped, ms: Date.now() - t0 };
      why = fast.why;
    } catch (err) {
      opts.signal?.throwIfAborted();
      why = (err as Error).message;
    }
  }
  await stage(opts.onProgress, host, why ? t('lab.stage.rebuildWhy', { why }) : t('lab.stage.rebuild'), async () => {
    stopped += await stopStrayProcesses(host).catch(() => 0);
    await rebuildHost(topology, spec, opts.onProgress, opts.signal);
  }, opts.signal);
  return { host, how: 'rebuilt', why, stopped, ms: Date.now() - t0 };
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
