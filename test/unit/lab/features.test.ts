import { describe, expect, it } from 'vitest';
import {
  FEATURE_NAMES,
  featuresFromLinks,
  linkNames,
  missingFeatures,
} from '../../../src/lab/features.js';
import { skippedResults, stepRequest } from '../../../src/orchestrate/step-features.js';
import type { Step } from '../../../src/lessons/model.js';

// `ip -o link show` in the probe's namespace on a kernel without 802.1q, ipvlan, dummy or gre.
const LISTED = [
  '1: lo: <LOOPBACK> mtu 65536 qdisc noop state DOWN mode DEFAULT group default qlen 1000\\    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00',
  '2: f-veth1@f-veth0: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000\\    link/ether 12:00:cb:f7:3a:e6 brd ff:ff:ff:ff:ff:ff',
  '3: f-veth0@f-veth1: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000\\    link/ether a2:d3:49:f8:bd:5d brd ff:ff:ff:ff:ff:ff',
  '4: f-br: <BROADCAST,MULTICAST> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000\\    link/ether 7e:55:69:9f:ef:2f brd ff:ff:ff:ff:ff:ff',
  '5: f-vx: <BROADCAST,MULTICAST> mtu 1450 qdisc noop state DOWN mode DEFAULT group default qlen 1000\\    link/ether 3a:1b:00:11:22:33 brd ff:ff:ff:ff:ff:ff',
  '6: f-mv@f-veth0: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000\\    link/ether 5e:ff:db:4b:9a:06 brd ff:ff:ff:ff:ff:ff',
  '',
].join('\n');

describe('kernel feature probe: the links that exist decide', () => {
  it('reads link names from ip -o link show, peers and all', () => {
    expect([...linkNames(LISTED)].sort()).toEqual(
      ['f-br', 'f-mv', 'f-veth0', 'f-veth1', 'f-vx', 'lo'].sort(),
    );
  });

  it('a feature is present exactly when its link was made', () => {
    expect(featuresFromLinks(linkNames(LISTED))).toEqual({
      netns: true,
      veth: true,
      bridge: true,
      vxlan: true,
      macvlan: true,
      vlan: false,
      ipvlan: false,
      dummy: false,
      gre: false,
    });
  });

  it('no output (unshare or ip failed) means no feature at all, not every feature', () => {
    const f = featuresFromLinks(linkNames(''));
    expect(Object.keys(f).sort()).toEqual([...FEATURE_NAMES].sort());
    expect(Object.values(f).every((v) => v === false)).toBe(true);
  });

  it('error text on the output is not a link', () => {
    expect([...linkNames('Error: Unknown device type.\nCommand failed -:5\n')]).toEqual([]);
  });

  it('missingFeatures names the needed ones the machine lacks, in order', () => {
    const f = { vlan: false, macvlan: true, gre: false };
    expect(missingFeatures(['macvlan', 'vlan', 'gre'], f)).toEqual(['vlan', 'gre']);
    expect(missingFeatures(['macvlan'], f)).toEqual([]);
  });
});

describe('a step skipped for a missing feature', () => {
  const step = {
    id: 'vlan-parent',
    host: 'host1',
    features: ['macvlan', 'vlan'],
    checks: [
      { kind: 'network-exists', id: 'lan10', params: {} },
      { kind: 'netns-link', params: {} },
    ],
  } as unknown as Step;

  it('the request carries the step features, so every caller honours them', () => {
    expect(stepRequest({ hosts: ['host1', 'host2'] }, step)).toEqual({
      checks: step.checks,
      defaultHost: 'host1',
      hosts: ['host1', 'host2'],
      features: ['macvlan', 'vlan'],
    });
  });

  it('every check is skipped with the reason and the missing feature as evidence', () => {
    const reason = 'needs vlan, not available on this machine';
    const r = skippedResults(step.checks, reason, ['vlan']);
    expect(r.map((x) => [x.id, x.kind, x.pass, x.skipped, x.message])).toEqual([
      ['lan10', 'network-exists', false, reason, reason],
      ['netns-link', 'netns-link', false, reason, reason],
    ]);
    expect(r[0]!.evidence).toEqual(['features.vlan = false']);
  });
});
