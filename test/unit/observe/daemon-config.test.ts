import { describe, expect, it } from 'vitest';
import { parseDaemonConfig } from '../../../src/observe/daemon-config.js';

describe('parseDaemonConfig', () => {
  it('reads an object', () => {
    expect(
      parseDaemonConfig(
        '{"bip": "192.168.200.1/24", "default-address-pools": [{"base":"10.10.0.0/16","size":24}]}\n',
      ),
    ).toEqual({
      ok: true,
      value: {
        bip: '192.168.200.1/24',
        'default-address-pools': [{ base: '10.10.0.0/16', size: 24 }],
      },
    });
  });

  it('a missing or empty file is the defaults', () => {
    expect(parseDaemonConfig(undefined)).toEqual({ ok: true, value: {} });
    expect(parseDaemonConfig('  \n')).toEqual({ ok: true, value: {} });
  });

  it('reports invalid JSON (the daemon would not start)', () => {
    const r = parseDaemonConfig('{"bip": "192.168.200.1/24",}');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/JSON/);
  });

  it('reads a bip without a prefix as written (the checker names it; the parse must not fail)', () => {
    expect(parseDaemonConfig('{"bip": "192.168.200.1"}')).toEqual({
      ok: true,
      value: { bip: '192.168.200.1' },
    });
  });

  it('refuses what is not an object', () => {
    expect(parseDaemonConfig('[1]')).toMatchObject({ ok: false });
    expect(parseDaemonConfig('null')).toMatchObject({ ok: false });
  });
});
