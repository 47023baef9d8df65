import { afterEach, describe, expect, it } from 'vitest';
import { hostPaths, inInstance, inInstanceAllowed, instance, netnsName } from '../../../src/lab/config.js';
import { hostCommand } from '../../../src/lab/shell.js';

// The self-test drives two lab instances from one process: every name and path of a lab must
// follow the instance it runs in, across awaits, and never leak into the other one.
const saved = { inst: process.env.DNLAB_INSTANCE, root: process.env.DNLAB_ROOT };
afterEach(() => {
  for (const [k, v] of [['DNLAB_INSTANCE', saved.inst], ['DNLAB_ROOT', saved.root]] as const) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('inInstance', () => {
  it('names everything after the scoped instance, across awaits, while the other runs beside it', async () => {
    process.env.DNLAB_INSTANCE = 'main';
    const seen = await Promise.all(
      ['mainw1', 'mainw2'].map((inst) =>
        inInstance(inst, async () => {
          await tick();
          return [instance(), netnsName('host1'), hostPaths('host1').dockerSock];
        }),
      ),
    );
    expect(seen).toEqual([
      ['mainw1', 'dnlabmainw1-host1', '/var/lib/dnlabmainw1/hosts/host1/docker.sock'],
      ['mainw2', 'dnlabmainw2-host1', '/var/lib/dnlabmainw2/hosts/host1/docker.sock'],
    ]);
    expect(instance()).toBe('main');
  });

  it("gives a host's programs their own lab's DNLAB_INSTANCE (restart-docker runs dnlab)", () => {
    process.env.DNLAB_INSTANCE = 'main';
    expect(inInstance('mainw1', () => hostCommand('host1', ['true']).env.DNLAB_INSTANCE)).toBe('mainw1');
    expect(hostCommand('host1', ['true']).env.DNLAB_INSTANCE).toBe('main');
  });

  it('refuses a name that is not an instance name', () => {
    expect(() => inInstance('toolongname', () => 1)).toThrow();
    expect(() => inInstance('Bad-1', () => 1)).toThrow();
  });

  it('is not allowed when DNLAB_ROOT fixes the lab root', () => {
    delete process.env.DNLAB_ROOT;
    expect(inInstanceAllowed()).toBe(true);
    process.env.DNLAB_ROOT = '/var/lib/dnlabx';
    expect(inInstanceAllowed()).toBe(false);
  });
});
