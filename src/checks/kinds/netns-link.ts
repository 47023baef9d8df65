import { z } from 'zod';
import type { LabFacts, LinkFacts } from '../../observe/facts.js';
import type { CheckOutcome, Checker } from '../types.js';
import { cidrContains, isCidr, prefixOf, sameCidr } from '../lib/cidr.js';
import { getHost, hostName, isLoopback } from '../lib/lookup.js';
import { describeLink, netnsName, netnsProbes, readNetns } from '../lib/netns.js';
import { bad, list, ok } from '../lib/outcome.js';
import { cidr, host, name } from '../lib/params.js';
import { defineChecker } from '../define.js';
import { t } from '../../i18n/index.js';

const params = z
  .strictObject({
    host,
    /** A namespace made with `ip netns add` inside the host; absent: the host's own namespace. */
    netns: netnsName.optional(),
    /** The link's name; absent: any link of the namespace (lo aside) that meets the rest. */
    link: name.optional(),
    /** The link type as `ip link add … type <t>` names it (`linkinfo.info_kind`): veth, bridge, vxlan… */
    type: name.optional(),
    up: z.boolean().optional(),
    /** An exact address with its prefix, like 10.0.0.2/24. */
    address: z
      .string()
      .refine((s) => isCidr(s) && !s.includes(':'), {
        message: 'expected an IPv4 address with its prefix like 10.0.0.2/24',
      })
      .optional(),
    /** Any IPv4 address inside this subnet, with the subnet's prefix length. */
    addressIn: cidr.optional(),
    /** The bridge this link is a port of (in the same namespace). */
    master: name.optional(),
    /** For a veth in a learner's namespace: its peer is a port of this bridge in the host's namespace. */
    peerOnBridge: name.optional(),
  })
  .superRefine((p, ctx) => {
    if (p.netns === undefined && p.link === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['link'],
        message: "name the link (or a netns): in the host's own namespace a check needs one",
      });
  });

type P = z.infer<typeof params>;

function hasConditions(p: P): boolean {
  return (
    p.type !== undefined ||
    p.up !== undefined ||
    p.address !== undefined ||
    p.addressIn !== undefined ||
    p.master !== undefined ||
    p.peerOnBridge !== undefined
  );
}

function v4(l: LinkFacts): string[] {
  return l.addresses.filter((a) => a.family === 'inet').map((a) => `${a.address}/${a.prefixLen}`);
}

function seenAddresses(ls: LinkFacts[]): string {
  return list(ls.map((l) => `${l.name}: ${v4(l).join(' ') || t('check.common.none')}`));
}

/** The host-side peer of a veth: the host link at its peer ifindex, pointing back at it. */
function peerOf(
  facts: LabFacts,
  host: string,
  inOwnNs: boolean,
  l: LinkFacts,
): LinkFacts | undefined {
  const h = facts.hosts[host];
  if (!h || l.peerIfindex === undefined) return undefined;
  return h.links.find(
    (x) =>
      x.ifindex === l.peerIfindex &&
      (x.peerIfindex === undefined || x.peerIfindex === l.ifindex) &&
      (!inOwnNs || x.ifindex !== l.ifindex),
  );
}

type Params = z.infer<typeof params>;

/** What every narrowing step of `run` words its failure with. */
interface Narrowing {
  where: string;
  all: string;
  evidence: string[];
  linkName: (ls: LinkFacts[]) => string;
}

/** Narrow to the links with the link type (`type`), or the failing outcome. */
function byType(p: Params, n: Narrowing, cands: LinkFacts[]): LinkFacts[] | CheckOutcome {
  if (p.type === undefined) return cands;
  const { where, all, evidence } = n;
  const next = cands.filter((l) => l.kind === p.type);
  if (!next.length)
    return p.link !== undefined
      ? bad(
          'check.netns-link.wrongKind',
          {
            where,
            link: p.link,
            kind: p.type,
            seen: cands[0]?.kind ?? cands[0]?.linkType ?? t('check.netns-link.plainLink'),
          },
          { expected: p.type, seen: all, evidence },
        )
      : bad(
          'check.netns-link.noKind',
          { where, kind: p.type, links: all },
          { expected: t('check.netns-link.kindLink', { kind: p.type }), seen: all, evidence },
        );
  return next;
}

/** Narrow to the links with an exact address (`address`), or the failing outcome. */
function byAddress(p: Params, n: Narrowing, cands: LinkFacts[]): LinkFacts[] | CheckOutcome {
  if (p.address === undefined) return cands;
  const { where, evidence } = n;
  const [ip, prefix] = p.address.split('/');
  const next = cands.filter((l) =>
    l.addresses.some(
      (a) => a.family === 'inet' && a.address === ip && String(a.prefixLen) === prefix,
    ),
  );
  if (!next.length) {
    const sameIp = cands.flatMap((l) =>
      l.addresses
        .filter((a) => a.family === 'inet' && a.address === ip)
        .map((a) => `${a.address}/${a.prefixLen} on ${l.name}`),
    );
    return sameIp.length
      ? bad(
          'check.netns-link.prefix',
          { where, seen: sameIp[0], expected: `/${prefix}`, address: p.address },
          { expected: p.address, seen: sameIp.join(', '), evidence },
        )
      : bad(
          'check.netns-link.noAddress',
          { where, address: p.address, seen: seenAddresses(cands) },
          { expected: p.address, seen: seenAddresses(cands), evidence },
        );
  }
  return next;
}

/** Narrow to the links with an address inside a subnet, with its prefix (`addressIn`), or the failing outcome. */
function byAddressIn(p: Params, n: Narrowing, cands: LinkFacts[]): LinkFacts[] | CheckOutcome {
  if (p.addressIn === undefined) return cands;
  const { where, evidence } = n;
  const subnet = p.addressIn;
  const want = prefixOf(subnet);
  const inside = cands.filter((l) =>
    l.addresses.some((a) => a.family === 'inet' && cidrContains(subnet, a.address)),
  );
  const next = inside.filter((l) =>
    l.addresses.some(
      (a) =>
        a.family === 'inet' &&
        cidrContains(subnet, a.address) &&
        sameCidr(`${a.address}/${a.prefixLen}`, subnet),
    ),
  );
  if (!next.length) {
    if (inside.length) {
      const seen = inside
        .flatMap((l) =>
          l.addresses
            .filter((a) => a.family === 'inet' && cidrContains(subnet, a.address))
            .map((a) => `${a.address}/${a.prefixLen} on ${l.name}`),
        )
        .join(', ');
      return bad(
        'check.netns-link.prefixIn',
        { where, seen, subnet, expected: `/${want}` },
        { expected: t('check.value.addressIn', { subnet }), seen, evidence },
      );
    }
    return bad(
      'check.netns-link.noAddressIn',
      { where, subnet, seen: seenAddresses(cands) },
      {
        expected: t('check.value.addressIn', { subnet }),
        seen: seenAddresses(cands),
        evidence,
      },
    );
  }
  return next;
}

/** Narrow to the links with up or down (`up`), or the failing outcome. */
function byUp(p: Params, n: Narrowing, cands: LinkFacts[]): LinkFacts[] | CheckOutcome {
  if (p.up === undefined) return cands;
  const { where, evidence, linkName } = n;
  const next = cands.filter((l) => l.up === p.up);
  if (!next.length)
    return bad(
      p.up ? 'check.netns-link.down' : 'check.netns-link.notDown',
      { where, link: linkName(cands), netns: p.netns ? `-n ${p.netns} ` : '' },
      { expected: p.up ? 'UP' : 'DOWN', seen: list(cands.map(describeLink)), evidence },
    );
  return next;
}

/** Narrow to the links with the bridge it is a port of (`master`), or the failing outcome. */
function byMaster(p: Params, n: Narrowing, cands: LinkFacts[]): LinkFacts[] | CheckOutcome {
  if (p.master === undefined) return cands;
  const { where, evidence, linkName } = n;
  const next = cands.filter((l) => l.master === p.master);
  if (!next.length)
    return bad(
      'check.netns-link.notPort',
      {
        where,
        link: linkName(cands),
        bridge: p.master,
        seen: cands[0]?.master ?? t('check.common.none'),
      },
      { expected: `master ${p.master}`, seen: list(cands.map(describeLink)), evidence },
    );
  return next;
}

export const netnsLink: Checker<typeof params> = defineChecker({
  kind: 'netns-link',
  description:
    "A link in a network namespace made with `ip netns add` inside a lab host (or in the host's own namespace): exists, its kind, up, an address, the bridge it is a port of, or (for a veth) the bridge its peer is a port of. Without link or conditions: the namespace exists.",
  params,
  probes(p, ctx) {
    return netnsProbes(hostName(p.host, ctx), p.netns, false);
  },
  run(facts, p, ctx) {
    const host = hostName(p.host, ctx);
    const read = readNetns(facts, host, p.netns, false);
    if (!read.ok) return read.outcome;
    const { label: where, links, evidence: ev } = read.value;
    const evidence = [...ev, ...links.map((l) => `${where}: ${describeLink(l)}`)];
    const all = list(links.map(describeLink));

    if (p.link === undefined && !hasConditions(p))
      return ok(
        'check.netns-link.exists',
        { netns: where, host, links: all },
        { expected: t('check.netns-link.namespace', { netns: where }), seen: all, evidence },
      );

    let cands: LinkFacts[];
    if (p.link !== undefined) {
      cands = links.filter((l) => l.name === p.link);
      if (!cands.length)
        return bad(
          'check.netns-link.noLink',
          { where, link: p.link, links: all },
          { expected: p.link, seen: all, evidence },
        );
    } else cands = links.filter((l) => !isLoopback(l));
    const linkName = (ls: LinkFacts[]) => ls[0]?.name ?? p.link ?? '-';

    const n: Narrowing = { where, all, evidence, linkName };
    for (const narrow of [byType, byAddress, byAddressIn, byUp, byMaster]) {
      const next = narrow(p, n, cands);
      if (!Array.isArray(next)) return next;
      cands = next;
    }

    let peerText = '';
    if (p.peerOnBridge !== undefined) {
      const bridge = p.peerOnBridge;
      const hf = getHost(facts, host);
      if (!hf.ok) return hf.outcome;
      const withPeer = cands
        .map((l) => ({ l, peer: peerOf(facts, host, p.netns === undefined, l) }))
        .filter((x): x is { l: LinkFacts; peer: LinkFacts } => x.peer !== undefined);
      for (const x of withPeer)
        evidence.push(`peer of ${x.l.name}: ${host}: ${describeLink(x.peer)}`);
      if (!withPeer.length)
        return bad(
          'check.netns-link.noPeer',
          { where, link: linkName(cands), host },
          {
            expected: t('check.netns-link.vethPeerOn', { bridge, host }),
            seen: list(cands.map(describeLink)),
            evidence,
          },
        );
      const onBridge = withPeer.filter((x) => x.peer.master === bridge);
      if (!onBridge.length) {
        const x = withPeer[0]!;
        return bad(
          'check.netns-link.peerNotPort',
          {
            where,
            link: x.l.name,
            peer: x.peer.name,
            host,
            bridge,
            seen: x.peer.master ?? t('check.common.none'),
          },
          { expected: `${x.peer.name} master ${bridge}`, seen: describeLink(x.peer), evidence },
        );
      }
      const upPeer = onBridge.find((x) => x.peer.up);
      if (!upPeer) {
        const x = onBridge[0]!;
        return bad(
          'check.netns-link.peerDown',
          { where, link: x.l.name, peer: x.peer.name, host, bridge },
          { expected: `${x.peer.name} UP`, seen: describeLink(x.peer), evidence },
        );
      }
      cands = [upPeer.l];
      peerText = t('check.netns-link.peerText', { peer: upPeer.peer.name, bridge });
    }

    const found = cands[0]!;
    return ok(
      'check.netns-link.ok',
      { where, link: describeLink(found), peer: peerText },
      { seen: describeLink(found), evidence },
    );
  },
});
