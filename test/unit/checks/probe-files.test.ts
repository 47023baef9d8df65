import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findContainer as checkFind } from '../../../src/checks/lib/lookup.js';
import { dockerHostsEntry, parseHostsFile } from '../../../src/checks/lib/hosts-file.js';
import { MAX_FILE_BYTES, readUnderRoot } from '../../../src/observe/container-files.js';
import type { ContainerFacts, HostFacts } from '../../../src/observe/facts.js';
import { dropPrivileges, findContainer as probeFind } from '../../../src/observe/probes.js';
import { findContainerIn as traceFind } from '../../../src/topo/trace.js';

/**
 * The container-file reader on a real directory tree full of hostile links: whatever the links
 * say, it reads only inside the root it was given, and only regular files of at most 1 MiB.
 */
describe('readUnderRoot: links never leave the root', () => {
  let base: string;
  let root: string;
  beforeAll(() => {
    base = fs.mkdtempSync(path.join(os.tmpdir(), 'dnlab-files-'));
    root = path.join(base, 'root');
    fs.mkdirSync(path.join(root, 'etc', 'sub'), { recursive: true });
    fs.writeFileSync(path.join(base, 'secret'), 'MACHINE SECRET\n');
    fs.writeFileSync(path.join(root, 'secret'), 'container secret\n');
    fs.writeFileSync(path.join(root, 'etc', 'hosts'), '10.0.0.2 web\n');
    fs.writeFileSync(path.join(root, 'big'), Buffer.alloc(MAX_FILE_BYTES + 1, 'a'));
    fs.writeFileSync(path.join(root, 'exact'), Buffer.alloc(MAX_FILE_BYTES, 'b'));
    const ln = (target: string, at: string) => fs.symlinkSync(target, path.join(root, at));
    ln('/secret', 'etc/abs');
    ln('../../../../../../secret', 'etc/rel');
    ln(path.join(base, 'secret'), 'etc/machine');
    ln('sub/../../secret', 'etc/dotdot');
    ln('/etc/loop2', 'etc/loop1');
    ln('/etc/loop1', 'etc/loop2');
    ln('/dev/zero', 'etc/zero');
    ln('..', 'etc/sub/up');
    ln(base, 'etc/outdir');
    fs.mkdirSync(path.join(root, 'dev'));
    ln('/proc/self/root/etc/hosts', 'etc/magic');
    fs.mkdirSync(path.join(root, 'fifo-dir'));
    fs.writeFileSync(path.join(root, 'fifo-dir', 'plain'), 'x');
  });
  afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

  it('reads a plain file', () => {
    expect(readUnderRoot(root, '/etc/hosts')).toEqual({ ok: true, text: '10.0.0.2 web\n' });
  });

  it('absolute, relative and .. links resolve inside the root (the container’s /secret)', () => {
    for (const p of [
      '/etc/abs',
      '/etc/rel',
      '/etc/dotdot',
      '/../../secret',
      '/etc/sub/up/../secret',
    ])
      expect(readUnderRoot(root, p), p).toEqual({ ok: true, text: 'container secret\n' });
  });

  it('a link to a machine path or folder names nothing inside the root', () => {
    expect(readUnderRoot(root, '/etc/machine')).toMatchObject({ ok: false, error: 'missing' });
    expect(readUnderRoot(root, '/etc/outdir/secret')).toMatchObject({
      ok: false,
      error: 'missing',
    });
  });

  it('a /proc/self/root link is not followed by the kernel', () => {
    expect(readUnderRoot(root, '/etc/magic')).toMatchObject({ ok: false, error: 'missing' });
  });

  it('link loops stop; /dev/zero and folders are refused; files above 1 MiB are refused', () => {
    expect(readUnderRoot(root, '/etc/loop1')).toMatchObject({ ok: false, error: 'too-many-links' });
    expect(readUnderRoot(root, '/etc/zero')).toMatchObject({ ok: false, error: 'missing' });
    expect(readUnderRoot('/', '/dev/zero')).toMatchObject({ ok: false, error: 'not-a-file' });
    expect(readUnderRoot(root, '/etc')).toMatchObject({ ok: false, error: 'not-a-file' });
    expect(readUnderRoot(root, '/big')).toMatchObject({ ok: false, error: 'too-large' });
    const exact = readUnderRoot(root, '/exact');
    expect(exact.ok && exact.text.length).toBe(MAX_FILE_BYTES);
    expect(readUnderRoot(root, '/etc/hosts/x')).toMatchObject({
      ok: false,
      error: 'not-a-directory',
    });
  });
});

describe('one container resolver for checks, probes and trace', () => {
  const c = (name: string, id: string) => ({ name, id }) as ContainerFacts;
  const containers = [
    c('web', 'abc123456789'),
    c('db', 'abd987654321'),
    c('cache', 'f00d00000000'),
  ];
  const host = { containers } as HostFacts;
  const table: [string, string | undefined][] = [
    ['web', 'web'],
    ['/web', 'web'],
    ['abc123456789', 'web'],
    ['f00', 'cache'],
    ['abd9', 'db'],
    ['ab', undefined],
    ['abc', 'web'],
    ['ab', undefined],
    ['a', undefined],
    ['nope', undefined],
  ];
  it.each(table)('%s → %s in all three', (ref, want) => {
    expect(checkFind(host, ref)?.name).toBe(want);
    expect(probeFind(containers, ref)?.name).toBe(want);
    expect(traceFind(host, ref)?.name).toBe(want);
  });
  it('an ambiguous 2-char or 3-char prefix names nothing', () => {
    const twins = [c('a1', 'fee111'), c('a2', 'fee222')];
    expect(checkFind({ containers: twins } as HostFacts, 'fee')).toBeUndefined();
    expect(probeFind(twins, 'fee')).toBeUndefined();
    expect(traceFind({ containers: twins } as HostFacts, 'fee')).toBeUndefined();
  });
});

describe('hosts file', () => {
  it('parses names case-blind, skips comments and IPv6', () => {
    const m = parseHostsFile('# x\n10.0.0.2 Web web.labnet # c\n::1 localhost\n10.0.0.3 web\n');
    expect(m.get('web')).toEqual(['10.0.0.2', '10.0.0.3']);
    expect(m.get('web.labnet')).toEqual(['10.0.0.2']);
    expect(m.get('localhost')).toBeUndefined();
  });
  it('knows what Docker put there: --add-host, --link, its own hostname', () => {
    const c = {
      legacyLinks: ['/db:/web/database'],
      extraHosts: ['gw:10.0.0.1', 'x=10.0.0.5'],
      hostname: 'abc',
    } as ContainerFacts;
    expect(dockerHostsEntry(c, 'gw')).toEqual(['10.0.0.1']);
    expect(dockerHostsEntry(c, 'x')).toEqual(['10.0.0.5']);
    expect(dockerHostsEntry(c, 'database')).toBe(true);
    expect(dockerHostsEntry(c, 'db')).toBe(true);
    expect(dockerHostsEntry(c, 'abc')).toBe(true);
    expect(dockerHostsEntry(c, 'web')).toBeUndefined();
  });
});

describe('dropPrivileges', () => {
  it('nobody, no groups, only the named capabilities in every set, no new privileges', () => {
    expect(dropPrivileges(['net_raw'])).toEqual([
      '--reuid=65534',
      '--regid=65534',
      '--clear-groups',
      '--bounding-set=-all,+net_raw',
      '--inh-caps=-all,+net_raw',
      '--ambient-caps=-all,+net_raw',
      '--no-new-privs',
    ]);
    expect(dropPrivileges([])).toContain('--bounding-set=-all');
  });
});
