import { AsyncLocalStorage } from 'node:async_hooks';
import path from 'node:path';
import { dnlabEnv } from '../env.js';
import { t } from './messages.js';

/** Every name the lab creates carries this prefix; nothing else is ever removed. */
export const PREFIX = 'dnlab';

/**
 * A lab instance lets a second lab run beside the learner's (the test suite uses one): instance
 * `t1` names everything `dnlabt1-*` and keeps its state in /var/lib/dnlabt1. The default instance
 * is `dnlab-*`; the two never match each other's names.
 */
export function instance(): string {
  const inst = scoped.getStore() ?? dnlabEnv('DNLAB_INSTANCE') ?? '';
  if (!validInstance(inst)) {
    throw new Error(t('lab.badInstance', { value: inst }));
  }
  return inst;
}

export const validInstance = (inst: string): boolean => /^[a-z0-9]{0,8}$/.test(inst);

const scoped = new AsyncLocalStorage<string>();

/**
 * Run `fn` (and everything it starts, awaited or not) in another lab instance than
 * DNLAB_INSTANCE's: the self-test drives two labs at once from one process. Every lab name and
 * path comes from instance(), so nothing of one lab leaks into the other. Not with DNLAB_ROOT,
 * which names one lab root whatever the instance (see inInstanceAllowed).
 */
export function inInstance<T>(inst: string, fn: () => T): T {
  if (!validInstance(inst)) throw new Error(t('lab.badInstance', { value: inst }));
  return scoped.run(inst, fn);
}

/** DNLAB_ROOT fixes the lab root: a second instance would share the first one's folder. */
export const inInstanceAllowed = (): boolean => dnlabEnv('DNLAB_ROOT') === undefined;

/** `dnlab` for the default instance, `dnlab<instance>` otherwise; names are `<namePrefix>-<node>`. */
export function namePrefix(): string {
  return `${PREFIX}${instance()}`;
}

/** The file `up` writes (holding the instance name) into a lab root it made: the root is the lab's own. */
export const ROOT_MARKER = '.dnlab-root';

/**
 * The one folder that holds all lab state (daemons' data, sockets, logs, state file). `down`
 * deletes it, so `up` marks it (src/lab/state.ts claimRoot) and nothing deletes an unmarked one.
 */
export function labRoot(): string {
  const root = path.resolve(dnlabEnv('DNLAB_ROOT') ?? `/var/lib/${namePrefix()}`);
  // The lab deletes this folder on `down`: refuse any folder not named for the lab.
  if (!path.basename(root).startsWith(PREFIX)) {
    throw new Error(t('lab.badRoot', { prefix: PREFIX, path: root }));
  }
  return root;
}

/** Where provisioning leaves the lab image's root filesystem (a tar of busybox-static). */
export function imageTarPath(): string {
  return dnlabEnv('DNLAB_IMAGE_TAR') ?? '/var/cache/dnlab/busybox-rootfs.tar';
}

export const LAB_IMAGE = 'dnlab/busybox:latest';

export const NETNS_DIR = '/run/netns';

export function netnsName(node: string): string {
  return `${namePrefix()}-${node}`;
}

export function netnsPath(node: string): string {
  return path.join(NETNS_DIR, netnsName(node));
}

/** A folder bind-mounted on itself and made private, so mount namespaces can be pinned in it. */
export function nsDir(): string {
  return path.join(labRoot(), 'ns');
}

export interface HostPaths {
  dir: string;
  uts: string;
  /** The host's mount namespace, pinned to a file in the private `ns/` folder. */
  mnt: string;
  /** Bind-mounted over /etc/resolv.conf and /etc/docker inside the host's mount namespace. */
  resolvConf: string;
  etcDocker: string;
  /** Bind-mounted over /run/netns inside the host: namespaces a learner adds live here. */
  runNetns: string;
  /** Where the cgroup mounts wait while /sys is remounted for the host's network namespace. */
  cgroupStage: string;
  dataRoot: string;
  execRoot: string;
  dockerSock: string;
  dockerPid: string;
  dockerLog: string;
  daemonJson: string;
  containerdDir: string;
  containerdSock: string;
  containerdConfig: string;
  containerdLog: string;
  containerdPid: string;
  baseline: string;
}

export function hostPaths(host: string): HostPaths {
  const dir = path.join(labRoot(), 'hosts', host);
  return {
    dir,
    uts: path.join(dir, 'uts'),
    mnt: path.join(nsDir(), `${host}.mnt`),
    resolvConf: path.join(dir, 'resolv.conf'),
    etcDocker: path.join(dir, 'etc-docker'),
    runNetns: path.join(dir, 'netns'),
    cgroupStage: path.join(dir, 'cgroup-stage'),
    dataRoot: path.join(dir, 'docker'),
    execRoot: path.join(dir, 'exec'),
    dockerSock: path.join(dir, 'docker.sock'),
    dockerPid: path.join(dir, 'docker.pid'),
    dockerLog: path.join(dir, 'dockerd.log'),
    daemonJson: path.join(dir, 'etc-docker', 'daemon.json'),
    containerdDir: path.join(dir, 'containerd'),
    containerdSock: path.join(dir, 'containerd', 'containerd.sock'),
    containerdConfig: path.join(dir, 'containerd', 'config.toml'),
    containerdLog: path.join(dir, 'containerd.log'),
    containerdPid: path.join(dir, 'containerd.pid'),
    baseline: path.join(dir, 'baseline.json'),
  };
}

/** The cgroup parent of a host's containers, so that `down` finds every container process. */
export function cgroupParent(host: string): string {
  return `/${namePrefix()}-${host}`;
}

export function stateFile(): string {
  return path.join(labRoot(), 'state.json');
}
