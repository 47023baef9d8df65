import { describe, expect, it } from 'vitest';
import { parseIpLinks } from '../../../src/observe/iproute.js';
import recorded from './recorded-links-28.json' with { type: 'json' };
import { HostBuilder, lab } from './facts-builder.js';
import { check } from './helpers.js';

function web() {
  const h = new HostBuilder();
  const c = h.container('web', { networks: { bridge: '172.17.0.2' } });
  return { h, c };
}

describe('container-link', () => {
  it('passes when lo in the container holds the address (others are harmless)', () => {
    const { h, c } = web();
    c.links![0]!.addresses.push({ family: 'inet', address: '10.9.9.9', prefixLen: 32 });
    const r = check(
      'container-link',
      { container: 'web', link: 'lo', addresses: ['10.9.9.9/32'] },
      lab(h),
    );
    expect(r.pass).toBe(true);
  });

  it('fails without the address, saying how to enter the namespace', () => {
    const { h } = web();
    const r = check(
      'container-link',
      { container: 'web', link: 'lo', addresses: ['10.9.9.9/32'] },
      lab(h),
    );
    expect(r.pass).toBe(false);
    expect(r.message).toContain('nsenter --net=');
    expect(r.message).toContain('CAP_NET_ADMIN');
  });

  it("says when the address landed on the host's own lo", () => {
    const { h } = web();
    h.facts.links[0]!.addresses.push({ family: 'inet', address: '10.9.9.9', prefixLen: 32 });
    const r = check(
      'container-link',
      { container: 'web', link: 'lo', addresses: ['10.9.9.9/32'] },
      lab(h),
    );
    expect(r.pass).toBe(false);
    expect(r.message).toContain("host1's own namespace");
  });

  it('names a wrong prefix and a wrong link', () => {
    const { h, c } = web();
    c.links![0]!.addresses.push({ family: 'inet', address: '10.9.9.9', prefixLen: 24 });
    const r = check(
      'container-link',
      { container: 'web', link: 'lo', addresses: ['10.9.9.9/32'] },
      lab(h),
    );
    expect(r.message).toContain('wrong prefix');
    c.links![0]!.addresses.pop();
    c.links![1]!.addresses.push({ family: 'inet', address: '10.9.9.9', prefixLen: 32 });
    const r2 = check(
      'container-link',
      { container: 'web', link: 'lo', addresses: ['10.9.9.9/32'] },
      lab(h),
    );
    expect(r2.message).toContain('on eth0, not on lo');
  });

  it('judges up and down, and a missing link', () => {
    const { h, c } = web();
    c.links![1]!.up = false;
    expect(
      check('container-link', { container: 'web', link: 'eth0', up: false }, lab(h)).pass,
    ).toBe(true);
    expect(
      check('container-link', { container: 'web', link: 'eth0', up: true }, lab(h)).message,
    ).toBe('eth0 in web is down.');
    expect(check('container-link', { container: 'web', link: 'eth1' }, lab(h)).message).toBe(
      'web has no link eth1 (it has: lo, eth0).',
    );
  });
});

describe('veth-peer-on-bridge peerUp', () => {
  it("judges the host end's state: a cut cable, and one still up", () => {
    const h = new HostBuilder();
    h.container('web', { networks: { bridge: '172.17.0.2' } });
    const db = h.container('db', { networks: { bridge: '172.17.0.3' } });
    const peer = h.facts.links.find((l) => l.ifindex === db.links![1]!.peerIfindex)!;
    peer.up = false;
    const cut = { container: 'db', bridge: 'docker0', peerUp: false };
    expect(check('veth-peer-on-bridge', cut, lab(h)).pass).toBe(true);
    const r = check('veth-peer-on-bridge', { ...cut, container: 'web' }, lab(h));
    expect(r.pass).toBe(false);
    expect(r.message).toContain("web's cable is not cut");
    const back = check(
      'veth-peer-on-bridge',
      { container: 'db', bridge: 'docker0', peerUp: true },
      lab(h),
    );
    expect(back.message).toContain(`ip link set ${peer.name} up`);
  });
});

describe('over links recorded on Docker 28.5', () => {
  function recordedLab() {
    const h = new HostBuilder();
    const c = h.container('web', { networks: { bridge: '172.17.0.2' } });
    c.links = parseIpLinks(recorded.web);
    h.facts.links = parseIpLinks(recorded.host1);
    return lab(h);
  }

  it('sees the address added through the SandboxKey on lo inside web', () => {
    const p = { container: 'web', link: 'lo', addresses: ['10.9.9.9/32'] };
    expect(check('container-link', p, recordedLab()).pass).toBe(true);
    const other = check('container-link', { ...p, addresses: ['10.9.9.10/32'] }, recordedLab());
    expect(other.pass).toBe(false);
    expect(other.message).toContain('127.0.0.1/8 10.9.9.9/32');
  });

  it("judges web's cable cut on the host side, found by iflink (web's eth0 is ifindex 2)", () => {
    const cut = check(
      'veth-peer-on-bridge',
      { container: 'web', bridge: 'docker0', peerUp: false },
      recordedLab(),
    );
    expect(cut.pass).toBe(true);
    const up = check('veth-peer-on-bridge', { container: 'web', bridge: 'docker0' }, recordedLab());
    expect(up.pass).toBe(true);
    const mend = check(
      'veth-peer-on-bridge',
      { container: 'web', bridge: 'docker0', peerUp: true },
      recordedLab(),
    );
    expect(mend.message).toContain('ip link set vethff4bbd4 up');
  });
});
