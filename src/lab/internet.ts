import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { hostPaths, netnsPath } from './config.js';
import { makeUts } from './daemon.js';
import { addNetns, plugIntoSwitch } from './netns.js';
import { addressOnly, type InternetSpec, type Topology } from './topology.js';

/** The compiled DNS server (under vitest this module runs from src/, the script from dist/). */
function dnsServerScript(): string {
  const beside = fileURLToPath(new URL('./internet-dns.js', import.meta.url));
  return fs.existsSync(beside) ? beside : beside.replace(`${path.sep}src${path.sep}`, `${path.sep}dist${path.sep}`);
}

/**
 * The lab's stand-in for the internet: the LAN's router, with one "public" address that serves a
 * web page (busybox httpd) and a DNS server (internet-dns), so outbound lessons have somewhere to go
 * that never leaves the machine.
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
  const dns = spawn(
    'nsenter',
    [
      `--net=${netnsPath(spec.name)}`, '--', process.execPath, dnsServerScript(),
      addressOnly(topology.lan.gateway), `internet.lab=${addressOnly(spec.publicAddress)}`,
    ],
    { detached: true, stdio: 'ignore' },
  );
  dns.unref();
}
