import type { ContainerFacts } from '../../observe/facts.js';
import { isIPv4 } from './cidr.js';

/**
 * A container's /etc/hosts, as its resolver reads it before asking DNS. A learner who is root in
 * the container can write that file, so an answer from it counts only for a name Docker itself put
 * there: `--add-host` (HostConfig.ExtraHosts), `--link` (HostConfig.Links), the container's own
 * hostname and localhost.
 */

/** IPv4 addresses per name (lower case), in file order. */
export function parseHostsFile(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const raw of text.split('\n')) {
    const [ip, ...names] = raw.replace(/#.*/, '').trim().split(/\s+/);
    if (!ip || !isIPv4(ip)) continue;
    for (const n of names) {
      const key = n.toLowerCase();
      const list = out.get(key) ?? [];
      if (!list.includes(ip)) list.push(ip);
      out.set(key, list);
    }
  }
  return out;
}

/** What Docker put in /etc/hosts for `name`: `--add-host` addresses, or true for a link / itself. */
export function dockerHostsEntry(c: ContainerFacts, name: string): string[] | true | undefined {
  const want = name.toLowerCase();
  const added = (c.extraHosts ?? []).flatMap((e) => {
    const m = /^([^:=]+)[:=](.+)$/.exec(e);
    return m && m[1]!.toLowerCase() === want && isIPv4(m[2]!) ? [m[2]!] : [];
  });
  if (added.length) return added;
  // Links: "/db:/web/db": the linked container's name and the alias.
  for (const l of c.legacyLinks) {
    const [target, alias] = l.split(':');
    const names = [target, alias?.split('/').pop()].map((x) => (x ?? '').replace(/^\//, ''));
    if (names.some((n) => n.toLowerCase() === want)) return true;
  }
  if (want === 'localhost' || want === c.hostname?.toLowerCase()) return true;
  return undefined;
}
