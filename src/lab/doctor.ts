import fs from 'node:fs';
import path from 'node:path';
import { imageTarPath } from './config.js';
import { leftovers } from './cleanup.js';
import { FEATURE_NAMES, REQUIRED_FEATURES, probeFeatures } from './features.js';
import {
  SELF_TESTED,
  engineNames,
  enginePath,
  enginesRoot,
  installedEngines,
  labEngine,
  majorMinor,
} from './engines.js';
import { isUp } from './lab.js';
import type { MessageKey } from '../i18n/index.js';
import { t, type Translate } from './messages.js';
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

/** Binaries the lab runs, the Debian package that brings each, and a note on that package. */
const BINARIES: [string, string, MessageKey?][] = [
  ['dockerd', 'docker.io'],
  ['containerd', 'containerd', 'doctor.pkg.withDocker'],
  ['runc', 'runc', 'doctor.pkg.withDocker'],
  ['docker', 'docker.io', 'doctor.pkg.client'],
  ['ip', 'iproute2'],
  ['bridge', 'iproute2'],
  ['iptables', 'iptables'],
  ['iptables-save', 'iptables'],
  ['nsenter', 'util-linux'],
  ['unshare', 'util-linux'],
  ['taskset', 'util-linux'],
  ['busybox', 'busybox-static'],
  ['bash', 'bash'],
];

/**
 * Where a lab host's shell finds a program: the lab's engine folders first (dnlab's own engines are
 * not on the machine's PATH: in the image, `docker` is only there), then PATH.
 */
function searchPath(): string[] {
  const newest = installedEngines()[0];
  const engineBin = labEngine()?.bin ?? (newest ? [path.join(enginesRoot(), newest, 'bin')] : []);
  return enginePath({ bin: engineBin }).split(':');
}

async function which(bin: string): Promise<string | undefined> {
  for (const dir of searchPath()) {
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

/** The engines `--engine` can choose, the lab's own, and whether the system engine is self-tested. */
async function engineFindings(tr: Translate): Promise<Finding[]> {
  const findings: Finding[] = [];
  const installed = installedEngines();
  findings.push({
    id: 'engines',
    ok: true,
    title: tr('doctor.engines.title'),
    detail: tr('doctor.engines.detail', {
      names: engineNames().join(', '),
      default: installed[0] ?? 'system',
    }),
  });
  const lab = labEngine();
  if (lab) {
    findings.push({
      id: 'lab-engine',
      ok: true,
      title: tr('doctor.labEngine.title', { engine: lab.name, version: lab.version }),
    });
  }
  const dockerd = await run(['dockerd', '--version'], { timeoutMs: 10_000 });
  const version = /version\s+([^\s,]+)/i.exec(dockerd.stdout)?.[1];
  if (dockerd.code === 0 && version) {
    findings.push({
      id: 'engine',
      ok: SELF_TESTED.includes(majorMinor(version)),
      optional: true,
      title: tr('doctor.systemEngine.title', { version }),
      detail: dockerd.stdout.trim(),
      fix: tr('doctor.systemEngine.fix', {
        tested: SELF_TESTED.join(', '),
        version,
        suggest: installed[0] ?? SELF_TESTED[0]!,
      }),
    });
  }
  return findings;
}

/** What this machine has and lacks for the lab; texts through `tr` (English for `--json`). */
export async function diagnose(tr: Translate = t): Promise<Finding[]> {
  const findings: Finding[] = [];
  const root = process.getuid?.() === 0;
  findings.push({
    id: 'root',
    ok: root,
    title: tr('doctor.root.title'),
    fix: tr('doctor.root.fix'),
  });
  for (const [bin, name, note] of BINARIES) {
    const pkg = note ? tr(note, { package: name }) : name;
    const at = await which(bin);
    findings.push({
      id: `bin:${bin}`,
      ok: at !== undefined,
      title: tr('doctor.bin.title', { bin }),
      detail: at,
      fix: tr('doctor.bin.fix', { package: pkg, command: PROVISION }),
    });
  }
  findings.push(...(await engineFindings(tr)));
  if (root) {
    const features = await probeFeatures();
    for (const f of FEATURE_NAMES) {
      const required = (REQUIRED_FEATURES as readonly string[]).includes(f);
      findings.push({
        id: `feature:${f}`,
        ok: features[f] === true,
        title: tr('doctor.feature.title', { feature: f }),
        optional: !required,
        detail: features[f] ? undefined : tr('doctor.feature.detail'),
        fix: tr(required ? 'doctor.feature.fixRequired' : 'doctor.feature.fixOptional', {
          feature: f,
        }),
      });
    }
  }
  const tar = imageTarPath();
  findings.push({
    id: 'image',
    ok: fs.existsSync(tar),
    title: tr('doctor.image.title'),
    detail: tar,
    fix: PROVISION,
  });
  if (root) {
    const up = await isUp().catch(() => false);
    const left = up ? [] : leftovers(tr);
    findings.push({
      id: 'leftovers',
      ok: left.length === 0,
      title: tr(up ? 'doctor.leftovers.titleUp' : 'doctor.leftovers.title'),
      detail: left.join('; ') || undefined,
      fix: tr('doctor.leftovers.fix'),
    });
  }
  if (fs.existsSync('/run/containerd/containerd.sock')) {
    findings.push({
      id: 'system-containerd',
      ok: true,
      title: tr('doctor.containerd.title'),
      detail: tr('doctor.containerd.detail'),
    });
  }
  return findings;
}
