import { z } from 'zod';
import type { Checker } from '../types.js';
import {
  canonicalNetworkName,
  describeMode,
  displayName,
  getContainer,
  getHostContainer,
  hostName,
  modeOf,
} from '../lib/lookup.js';
import { bad, ok } from '../lib/outcome.js';
import { host, name } from '../lib/params.js';
import { defineChecker } from '../define.js';

const params = z.strictObject({
  host,
  container: name,
  /** host, none, bridge (= default), container:<name or id>, or (extra) a user-defined network's name. */
  mode: z.string().min(1, 'expected host, none, bridge or container:<name>'),
});

export const networkMode: Checker<typeof params> = defineChecker({
  kind: 'network-mode',
  description:
    "A container's network mode: host, none, bridge (the default), or container:<name> (sharing another container's namespace).",
  params,
  run(facts, p, ctx) {
    const found = getHostContainer(facts, hostName(p.host, ctx), p.container);
    if (!found.ok) return found.outcome;
    const { h, c } = found.value;
    const cname = displayName(c);
    const mode = modeOf(h, c);
    const seen = describeMode(mode);
    const evidence = [
      `container ${cname}: HostConfig.NetworkMode ${c.networkMode}${mode.peer ? ` (= ${displayName(mode.peer)})` : ''}`,
    ];
    const vars = { container: cname, seen, expected: p.mode };

    let pass: boolean;
    if (p.mode.startsWith('container:')) {
      const ref = p.mode.slice('container:'.length);
      const wf = getContainer(h, ref);
      if (!wf.ok) return wf.outcome;
      const want = wf.value;
      pass =
        mode.kind === 'container' && (mode.peer ? mode.peer.id === want.id : mode.ref === want.id);
      if (!pass && mode.kind === 'container') {
        return bad(
          'check.network-mode.otherContainer',
          { ...vars, peer: seen.slice('container:'.length), want: displayName(want) },
          { expected: p.mode, seen, evidence },
        );
      }
    } else {
      const wantMode = canonicalNetworkName(p.mode);
      if (wantMode === 'bridge') pass = mode.kind === 'bridge';
      else if (wantMode === 'host' || wantMode === 'none') pass = mode.kind === wantMode;
      else pass = mode.kind === 'network' && mode.ref === wantMode;
      if (!pass && wantMode === 'bridge' && mode.kind === 'network') {
        return bad('check.network-mode.userNetwork', vars, { expected: p.mode, seen, evidence });
      }
    }
    if (pass) return ok('check.network-mode.ok', vars, { expected: p.mode, seen, evidence });
    return bad('check.network-mode.wrong', vars, { expected: p.mode, seen, evidence });
  },
});
