import fs from 'node:fs';
import { imageTarPath } from './config.js';
import { leftovers } from './cleanup.js';
import { FEATURE_NAMES, REQUIRED_FEATURES, probeFeatures } from './features.js';
import { isUp } from './lab.js';
import { run } from './run.js';

export interface Finding {
  id: string;
  ok: boolean;
  /** What was checked, in one line. */
  title: string;
  detail?: string;
  /** How to fix it, when not ok. */
  fix?: string;
  /** Not needed by the lab itself; only some lesson steps need it. */
  optional?: boolean;
}

const PROVISION = 'sudo bash sandbox-vm/provision.sh';

/** Binaries the lab runs, and the Debian package that brings each. */
const BINARIES: [string, string][] = [
  ['dockerd', 'docker.io'],
  ['containerd', 'containerd (comes with docker.io)'],
  ['runc', 'runc (comes with docker.io)'],
  ['docker', 'docker.io (the client learners type)'],
  ['ip', 'iproute2'],
  ['bridge', 'iproute2'],
  ['iptables', 'iptables'],
  ['iptables-save', 'iptables'],
  ['nsenter', 'util-linux'],
  ['unshare', 'util-linux'],
  ['busybox', 'busybox-static'],
  ['bash', 'bash'],
];

async function which(bin: string): Promise<string | undefined> {
  for (const dir of (process.env.PATH ?? '/usr/sbin:/usr/bin:/sbin:/bin').split(':')) {
    const p = `${dir}/${bin}`;
    try {
      fs.accessSync(p, fs.constants.X_OK);
      return p;
    } catch {
      /* keep looking */
    }
  }
  return undefined;
}

export async function diagnose(): Promise<Finding[]> {
  const findings: Finding[] = [];
  const root = process.getuid?.() === 0;
  findings.push({
    id: 'root',
    ok: root,
    title: 'running as root',
    fix: 'run dnlab as root, e.g. sudo dnlab doctor',
  });
  for (const [bin, pkg] of BINARIES) {
    const at = await which(bin);
    findings.push({
      id: `bin:${bin}`,
      ok: at !== undefined,
      title: `${bin} is installed`,
      detail: at,
      fix: `install ${pkg}: ${PROVISION}`,
    });
  }
  const dockerd = await run(['dockerd', '--version']);
  if (dockerd.code === 0) {
    findings.push({ id: 'engine', ok: true, title: 'Docker engine', detail: dockerd.stdout.trim() });
  }
  if (root) {
    const features = await probeFeatures();
    for (const f of FEATURE_NAMES) {
      const required = (REQUIRED_FEATURES as readonly string[]).includes(f);
      findings.push({
        id: `feature:${f}`,
        ok: features[f] === true,
        title: `kernel feature: ${f}`,
        optional: !required,
        detail: features[f] ? undefined : 'Unknown device type or not permitted',
        fix: required
          ? `this kernel cannot create ${f} links; use a distribution kernel, or the VM (vagrant up)`
          : `steps that need ${f} are shown as "needs ${f}" and skipped; a distribution kernel (or the VM) has it`,
      });
    }
  }
  const tar = imageTarPath();
  findings.push({
    id: 'image',
    ok: fs.existsSync(tar),
    title: 'lab image built (offline, from busybox-static)',
    detail: tar,
    fix: PROVISION,
  });
  if (root) {
    const up = await isUp().catch(() => false);
    const left = up ? [] : leftovers();
    findings.push({
      id: 'leftovers',
      ok: left.length === 0,
      title: up ? 'lab state (the lab is up)' : 'no stale lab state',
      detail: left.join('; ') || undefined,
      fix: 'dnlab doctor --fix (or dnlab down) removes it',
    });
  }
  if (fs.existsSync('/run/containerd/containerd.sock')) {
    findings.push({
      id: 'system-containerd',
      ok: true,
      title: 'a system containerd runs',
      detail: 'not used: each lab host starts its own containerd',
    });
  }
  return findings;
}
