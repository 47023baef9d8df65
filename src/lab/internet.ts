import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { hostPaths, netnsPath } from './config.js';
import { makeUts } from './daemon.js';
import { addNetns, plugIntoSwitch } from './netns.js';
import type { InternetSpec, Topology } from './topology.js';

/**
 * The lab's stand-in for the internet: the LAN's router, with one "public" address that serves a
 * web page (busybox httpd), so outbound lessons have somewhere to go that never leaves the machine.
 */
export async function startInternet(topology: Topology, spec: InternetSpec): Promise<void> {
  await addNetns(spec.name);
  await makeUts(spec.name);
  await plugIntoSwitch(topology.lan.switch, spec.name, topology.lan.gateway, [spec.publicAddress]);
  const p = hostPaths(spec.name);
  const www = path.join(p.dir, 'www');
  fs.mkdirSync(www, { recursive: true });
  fs.writeFileSync(path.join(www, 'index.html'), 'hello from the internet (a dnlab namespace)\n');
  const child = spawn(
    'nsenter',
    [`--net=${netnsPath(spec.name)}`, `--uts=${p.uts}`, '--', 'busybox', 'httpd', '-f', '-p', '80', '-h', www],
    { detached: true, stdio: 'ignore' },
  );
  child.unref();
}
