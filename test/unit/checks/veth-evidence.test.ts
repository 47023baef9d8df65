import { describe, expect, it } from 'vitest';
import { collectProbes } from '../../../src/checks/evaluate.js';
import { linkWords } from '../../../src/checks/kinds/file-names-veth.js';
import type { LabFacts } from '../../../src/observe/facts.js';
import { HostBuilder, ctx, lab, probeResult } from './facts-builder.js';
import { check } from './helpers.js';

/** host1 with web, client and db on docker0, in that order (veth names from the builder). */
function three() {
  const h = new HostBuilder();
  const ports: Record<string, string> = {};
  ['web', 'client', 'db'].forEach((n, i) => {
    const c = h.container(n, { networks: { bridge: `172.17.0.${i + 2}` } });
    const eth0 = c.links!.find((l) => l.name === 'eth0')!;
    ports[n] = h.facts.links.find((l) => l.ifindex === eth0.peerIfindex)!.name;
  });
  return { h, ports };
}

const CAT = 'host1/web: cat /tmp/veth';

function withFile(h: HostBuilder, text: string, id = CAT): LabFacts {
  h.probe(id, probeResult(0, text));
  return lab(h);
}

describe('file-names-veth', () => {
  it('cats the file in the container that holds it', () => {
    const probes = collectProbes(
      [{ kind: 'file-names-veth', params: { container: 'web', path: '/tmp/veth' } }],
      ctx,
    );
    expect(probes.map((p) => p.id)).toEqual([CAT]);
    const other = collectProbes(
      [{ kind: 'file-names-veth', params: { container: 'db', in: 'web', path: '/tmp/veth' } }],
      ctx,
    );
    expect(other.map((p) => p.id)).toEqual([CAT]);
  });

  it("passes when the file names the host link whose ifindex is eth0's iflink", () => {
    const { h, ports } = three();
    const r = check('file-names-veth', { container: 'web', path: '/tmp/veth' }, withFile(h, `${ports.web}\n`));
    expect(r.pass).toBe(true);
    expect(r.message).toContain(`names ${ports.web}`);
    expect(r.message).toContain("the host end of web's eth0");
  });

  it('accepts the name as ip link prints it, with the bridge beside it', () => {
    const { h, ports } = three();
    const line = `7: ${ports.web}@if6: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 master docker0`;
    const r = check('file-names-veth', { container: 'web', path: '/tmp/veth' }, withFile(h, line));
    expect(r.pass).toBe(true);
  });

  it("names another container's veth (found by order) for what it is", () => {
    const { h, ports } = three();
    const r = check('file-names-veth', { container: 'web', path: '/tmp/veth' }, withFile(h, ports.db!));
    expect(r.pass).toBe(false);
    expect(r.message).toContain(`names ${ports.db}, but that is the host end of db's eth0`);
    expect(r.message).toContain('not by name or order');
    expect(r.message).not.toContain(ports.web!);
  });

  it('fails when the file names several veths', () => {
    const { h, ports } = three();
    const r = check(
      'file-names-veth',
      { container: 'web', path: '/tmp/veth' },
      withFile(h, `${ports.web}\n${ports.client}\n`),
    );
    expect(r.pass).toBe(false);
    expect(r.message).toContain('several');
  });

  it('says when the file names the bridge, or the host eth0', () => {
    const { h } = three();
    const r = check('file-names-veth', { container: 'web', path: '/tmp/veth' }, withFile(h, 'docker0'));
    expect(r.message).toContain('names docker0, the bridge');
    const { h: h2 } = three();
    const r2 = check('file-names-veth', { container: 'web', path: '/tmp/veth' }, withFile(h2, 'eth0'));
    expect(r2.pass).toBe(false);
    expect(r2.message).toContain("not the host end of web's eth0");
  });

  it('says a veth that is gone (a stop deletes it) or a guessed name is no link now', () => {
    const { h } = three();
    const r = check('file-names-veth', { container: 'web', path: '/tmp/veth' }, withFile(h, 'veth1a2b3c4'));
    expect(r.pass).toBe(false);
    expect(r.message).toContain('names veth1a2b3c4, which is no link on host1 now');
    const { h: h2 } = three();
    const r2 = check('file-names-veth', { container: 'web', path: '/tmp/veth' }, withFile(h2, 'hello'));
    expect(r2.message).toContain('names no link of host1 (hello)');
  });

  it('says when the file cannot be read, and when the container is not running', () => {
    const { h } = three();
    h.probe(CAT, probeResult(1, '', "cat: can't open '/tmp/veth': No such file or directory"));
    const r = check('file-names-veth', { container: 'web', path: '/tmp/veth' }, lab(h));
    expect(r.message).toContain("Cannot read /tmp/veth in web: cat: can't open");
    const h2 = new HostBuilder();
    h2.container('web', { networks: { bridge: '172.17.0.2' }, running: false });
    const r2 = check('file-names-veth', { container: 'web', path: '/tmp/veth' }, lab(h2));
    expect(r2.pass).toBe(false);
    expect(r2.message).toContain('not running');
  });

  it('splits a file into words that could be link names', () => {
    expect(linkWords('12: veth1a2b3c4@if11: <UP>')).toEqual(['12', 'veth1a2b3c4', 'if11', 'UP']);
  });
});

describe('container-stopped', () => {
  it('passes for a stopped container', () => {
    const h = new HostBuilder();
    h.container('db', { networks: { bridge: '172.17.0.2' }, running: false, status: 'exited' });
    const r = check('container-stopped', { container: 'db' }, lab(h));
    expect(r.pass).toBe(true);
    expect(r.message).toBe('db exists and is stopped (exited).');
  });

  it('fails for a running, a paused and a removed container, each with its reason', () => {
    const h = new HostBuilder();
    h.container('db', { networks: { bridge: '172.17.0.2' }, status: 'running' });
    expect(check('container-stopped', { container: 'db' }, lab(h)).message).toContain(
      'still running',
    );
    const h2 = new HostBuilder();
    h2.container('db', { networks: { bridge: '172.17.0.2' }, status: 'paused' });
    expect(check('container-stopped', { container: 'db' }, lab(h2)).message).toContain(
      'paused, not stopped',
    );
    const h3 = new HostBuilder();
    const r3 = check('container-stopped', { container: 'db' }, lab(h3));
    expect(r3.pass).toBe(false);
    expect(r3.message).toContain('stopped, not removed');
  });
});
