import type { MessageKey } from '../i18n/index.js';
import type { HostFacts, LabFacts, ProbeResult } from './facts.js';
import type { Probe } from './facts.js';

/**
 * Probe commands. A probe names what to run — a BusyBox applet (`ping`, `nc`, `nslookup`), `ip`,
 * or `cat <path>` — and where: a lab host, a container, or a learner's namespace in a host. The
 * runner (src/observe/probes.ts) decides HOW, and the rules are:
 *
 * - The machine's program, by absolute path (its busybox-static; iproute2's `ip`), never one
 *   from a container image or from a lab host's mount namespace: a fake `nc` in a container or a
 *   bind mount over busybox in a host changes nothing.
 * - Only the network namespace is entered (`nsenter -t <pid> -n`, or the host's), as user nobody
 *   with no capability but NET_RAW for ping (setpriv), no new privileges, under `timeout -k`.
 * - `cat <path>` in a container is read in Node through /proc/<pid>/root, links resolved inside
 *   the container's root, regular files of at most 1 MiB only (src/observe/container-files.ts).
 * - `nslookup <name>` without a server asks the target's own first nameserver (the container's
 *   /etc/resolv.conf; the resolv.conf dnlab wrote for a host).
 * - Reachability probes have a window (`windowMs`, 3 s): tries repeat until one is answered or
 *   the window has passed, so `reachable` needs one answer before the deadline and
 *   `not-reachable` holds only when every try of the window failed.
 *
 * Each was run on a lab host (Docker 20.10, BusyBox v1.35.0 busybox-static); the output is kept in
 * test/unit/checks/recorded-busybox.json. This BusyBox's `nc` is the small build: no `-z`, no
 * `-u` (`nc -z` exits 1 with "invalid option -- 'z'"), so:
 *
 * - ICMP: `ping -c 1 -W <s> <ip>` — exit 0 on a reply; exit 1 with "0 packets received" after
 *   <s> seconds; "ping: sendto: Network is unreachable" with no route.
 * - TCP: `nc -w <s> <ip> <port> -e true` — `-w` bounds the connect; once connected nc execs
 *   `true` on the socket and exits 0 at once (even if the server never closes). Refused: exit 1,
 *   "nc: can't connect to remote host (<ip>): Connection refused"; no answer: exit 1,
 *   "nc: timed out"; no route: "… Network is unreachable". `-e` must come after the address
 *   (before it, this nc prints its usage). `true` is looked up on the machine's PATH.
 * - UDP: `nslookup -timeout=<s> -retry=1 -type=a dnlab-probe.test <ip>:<port>` — a DNS query to
 *   ip:port. Any DNS reply (NXDOMAIN included) proves a datagram got there and one came back: the
 *   output starts with "Server:". An ICMP port-unreachable shows as "nslookup: read: Connection
 *   refused" (the host is there, the port is closed); silence as ";; connection timed out; no
 *   servers could be reached". Limits: BusyBox has no generic UDP client, so only a service that
 *   answers DNS proves UDP reachability (a lesson that checks UDP starts one, e.g. a DNS
 *   responder on a lab host); a silent UDP service cannot be told from a filtered port, so
 *   `reachable` over UDP fails on silence, and `not-reachable` passes on silence as on "port
 *   closed".
 * - DNS: `nslookup -timeout=2 -retry=1 -type=a <name>` — to the container's first nameserver
 *   (127.0.0.11 on user-defined networks; the host's servers on the default bridge, where an
 *   unknown name times out in about 2 s on an offline lab). `/etc/hosts` is read as a file.
 * - Files: `cat <path>` — read by dnlab; a missing file: exit 1, "<path>: no such file…".
 *
 * A probe that could not run at all (missing program, stopped container: the runner answers
 * 125–127) is an error, which fails `reachable` and `not-reachable` alike.
 */

export const UDP_PROBE_NAME = 'dnlab-probe.test';

/** Stable, readable id: same (host, container or namespace, argv, window) → same id. */
export function probeId(
  host: string,
  container: string | undefined,
  argv: readonly string[],
  opts: { netns?: string; windowMs?: number } = {},
): string {
  const where = container ? `/${container}` : opts.netns ? `/netns ${opts.netns}` : '';
  const window = opts.windowMs ? ` (tries for ${opts.windowMs} ms)` : '';
  return `${host}${where}: ${argv.join(' ')}${window}`;
}

export function makeProbe(
  host: string,
  container: string | undefined,
  argv: string[],
  timeoutMs: number,
  opts: { netns?: string; windowMs?: number } = {},
): Probe {
  const p: Probe = { id: probeId(host, container, argv, opts), host, argv, timeoutMs };
  if (container) p.container = container;
  if (opts.netns) p.netns = opts.netns;
  if (opts.windowMs) p.windowMs = opts.windowMs;
  return p;
}

/** A BusyBox applet's argv; the runner runs it with the machine's busybox, wherever it runs. */
export function applet(name: string, ...args: string[]): string[] {
  return [name, ...args];
}

/** No probe may take longer than this (the observers' runner enforces the same bound). */
export const PROBE_MAX_MS = 3000;

/** A reachability probe's window: tries repeat until one is answered or this has passed. */
export const REACH_WINDOW_MS = 3000;

/** Each try of a reachability probe waits this long for its answer (the tool's own wait). */
export const REACH_TRY_S = 1;

/**
 * Whole seconds the tool itself waits for an answer: the check's timeout less a second kept for
 * entering the namespaces and starting the tool (at least 1 s). 2000 ms → 1 s, 3000 ms → 2 s.
 */
export function toolSeconds(timeoutMs: number): number {
  return Math.max(1, Math.ceil(timeoutMs / 1000) - 1);
}

/**
 * The deadline given to the probe runner (which stops the probe there, code 124): the tool's own
 * wait plus a second, so the tool normally gives up first and says why; never above 3 s.
 */
export function killAfterMs(timeoutMs: number): number {
  return Math.min(PROBE_MAX_MS, Math.max(timeoutMs, toolSeconds(timeoutMs) * 1000 + 1000));
}

export type Protocol = 'icmp' | 'tcp' | 'udp';

/** One try of a reachability probe; `seconds` is the tool's own wait. */
export function reachArgv(
  protocol: Protocol,
  ip: string,
  port: number | undefined,
  seconds: number,
): string[] {
  const s = String(seconds);
  switch (protocol) {
    case 'icmp':
      return applet('ping', '-c', '1', '-W', s, ip);
    case 'tcp':
      return applet('nc', '-w', s, ip, String(port), '-e', 'true');
    case 'udp':
      return applet(
        'nslookup',
        `-timeout=${s}`,
        '-retry=1',
        '-type=a',
        UDP_PROBE_NAME,
        `${ip}:${port}`,
      );
  }
}

/**
 * The probe of a reachability check: short tries (the tool waits REACH_TRY_S) repeated within the
 * window, so a slow machine still gets its answer and a single lost try proves nothing.
 */
export function reachProbe(
  host: string,
  where: { container?: string; netns?: string },
  protocol: Protocol,
  ip: string,
  port: number | undefined,
): Probe {
  const argv = reachArgv(protocol, ip, port, REACH_TRY_S);
  const opts = { windowMs: REACH_WINDOW_MS, ...(where.netns ? { netns: where.netns } : {}) };
  return makeProbe(host, where.container, argv, REACH_TRY_S * 1000 + 1000, opts);
}

export function probeResult(facts: LabFacts, p: Probe): ProbeResult | undefined {
  const h: HostFacts | undefined = facts.hosts[p.host];
  return h?.probes[p.id];
}

/** What a reachability probe saw. */
export type Reach = 'reached' | 'refused' | 'timeout' | 'unreachable' | 'error';

function firstLine(s: string): string {
  return (
    s
      .split('\n')
      .map((l) => l.trim())
      .find((l) => l.length > 0) ?? ''
  );
}

/** Codes of a process stopped at its deadline: timeout(1), SIGKILL, SIGTERM, none. */
const KILLED = new Set([124, 137, 143, -1]);

/** The most telling line of a probe's output, for evidence. */
export function probeLine(r: ProbeResult): string {
  const err = r.stderr
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !/^(BusyBox|Usage:)/.test(l));
  const out = r.stdout
    .split('\n')
    .map((l) => l.trim())
    .filter((l) =>
      /packets (transmitted|received)|timed out|Address|server can't find|NXDOMAIN/i.test(l),
    );
  return [...out, ...err].slice(0, 2).join(' | ') || firstLine(r.stdout) || `exit ${r.code}`;
}

/** How each `Reach` is said (the catalogue keys, so that every key in use is spelled out). */
export const REACH_TEXT: Record<Reach, MessageKey> = {
  reached: 'check.reach.seen.reached',
  refused: 'check.reach.seen.refused',
  timeout: 'check.reach.seen.timeout',
  unreachable: 'check.reach.seen.unreachable',
  error: 'check.reach.seen.error',
};

export function classifyReach(protocol: Protocol, r: ProbeResult): Reach {
  const text = `${r.stdout}\n${r.stderr}`;
  if (protocol === 'udp') {
    if (
      /^Server:/m.test(r.stdout) ||
      /server can't find|NXDOMAIN|SERVFAIL|REFUSED|^Name:/im.test(r.stdout)
    )
      return 'reached';
    if (/Connection refused/i.test(text)) return 'refused';
    if (/timed out|no servers could be reached/i.test(text)) return 'timeout';
    if (/unreachable|No route to host/i.test(text)) return 'unreachable';
    return r.timedOut || KILLED.has(r.code) ? 'timeout' : 'error';
  }
  if (r.code === 0) return 'reached';
  if (/Connection refused/i.test(text)) return 'refused';
  if (/Network( is)? unreachable|Host( is)? unreachable|No route to host/i.test(text))
    return 'unreachable';
  if (/timed out|0 packets received|100% packet loss/i.test(text)) return 'timeout';
  if (r.timedOut || KILLED.has(r.code)) return 'timeout';
  return 'error';
}

export interface Nslookup {
  server?: string;
  addresses: string[];
  nxdomain: boolean;
  /** No server answered at all. */
  noAnswer: boolean;
}

/**
 * Parse BusyBox nslookup output. 1.35:
 *   Server:\t\t127.0.0.11 / Address:\t127.0.0.11:53 / (blank) / Non-authoritative answer: /
 *   Name:\tweb / Address: 10.99.0.2
 * NXDOMAIN: "** server can't find x: NXDOMAIN"; no server: ";; connection timed out; no servers
 * could be reached". BusyBox ≤1.27 printed "Address 1: 10.99.0.2 web.labnet" and
 * "nslookup: can't resolve 'x'"; both are understood.
 */
export function parseNslookup(stdout: string, stderr = ''): Nslookup {
  const lines = stdout.split('\n');
  let server: string | undefined;
  const addresses: string[] = [];
  let inHeader = false;
  let headerDone = false;
  for (const raw of lines) {
    const line = raw.trim();
    if (!headerDone && /^Server:/.test(line)) {
      inHeader = true;
      server = line.replace(/^Server:\s*/, '').trim();
      continue;
    }
    if (inHeader) {
      if (line === '') {
        inHeader = false;
        headerDone = true;
      }
      continue;
    }
    const m = /^Address(?:\s+\d+)?:\s*([0-9a-fA-F:.]+)/.exec(line);
    if (m?.[1] && /^\d+\.\d+\.\d+\.\d+$/.test(m[1])) addresses.push(m[1]);
  }
  const all = `${stdout}\n${stderr}`;
  const out: Nslookup = {
    addresses: [...new Set(addresses)],
    nxdomain: /NXDOMAIN|can't resolve|can't find/i.test(all),
    noAnswer: /no servers could be reached|timed out/i.test(all),
  };
  if (server !== undefined) out.server = server;
  return out;
}
