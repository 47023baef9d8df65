import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setLang } from '../../../src/i18n/index.js';
import {
  chooseEngine,
  compareVersions,
  engineInRange,
  enginePath,
  installedEngines,
  majorMinor,
  parseEngineRange,
  parseVersion,
} from '../../../src/lab/engines.js';

beforeAll(() => setLang('en'));

describe('engine versions and ranges', () => {
  it('parses Debian and upstream version strings', () => {
    expect(parseVersion('28.5.2+dfsg4')).toEqual([28, 5, 2]);
    expect(parseVersion('20.10.24+dfsg1')).toEqual([20, 10, 24]);
    expect(parseVersion('29')).toEqual([29, 0, 0]);
    expect(majorMinor('26.1.5+dfsg1')).toBe('26.1');
    expect(compareVersions('28.2.2', '28.10.0')).toBeLessThan(0);
    expect(compareVersions('20.10.24', '20.10.24')).toBe(0);
  });

  it('comparators, all of which must hold', () => {
    expect(engineInRange('<28.2.2', '28.2.1')).toBe(true);
    expect(engineInRange('<28.2.2', '28.2.2')).toBe(false);
    expect(engineInRange('<28.2.2', '20.10.24+dfsg1')).toBe(true);
    expect(engineInRange('>=28', '28.5.2+dfsg4')).toBe(true);
    expect(engineInRange('>=28', '26.1.5')).toBe(false);
    expect(engineInRange('>=26 <28', '26.1.5')).toBe(true);
    expect(engineInRange('>=26 <28', '28.0.0')).toBe(false);
    expect(engineInRange('>28.5.2', '28.5.2')).toBe(false);
    expect(engineInRange('<=28.5.2', '28.5.2')).toBe(true);
  });

  it('a bare version is a release line', () => {
    expect(engineInRange('20.10', '20.10.24')).toBe(true);
    expect(engineInRange('20.10', '20.1.0')).toBe(false);
    expect(engineInRange('=28', '28.5.2')).toBe(true);
    expect(engineInRange('28', '29.0.0')).toBe(false);
  });

  it('|| joins alternatives', () => {
    expect(engineInRange('<26.1 || >=27', '20.10.24')).toBe(true);
    expect(engineInRange('<26.1 || >=27', '26.1.5')).toBe(false);
    expect(engineInRange('<26.1 || >=27', '28.5.2')).toBe(true);
  });

  it('what does not parse is refused, and matches nothing', () => {
    for (const bad of ['', 'latest', '>= 28', '~28', '28.x', '>=28,<29', '<26 ||', '|| 28'])
      expect(parseEngineRange(bad), bad).toBeUndefined();
    expect(engineInRange('latest', '28.5.2')).toBe(false);
  });
});

describe('engines dnlab installed', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  function fakeRoot(versions: Record<string, string>): string {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dnlab-engines-'));
    for (const [slot, version] of Object.entries(versions)) {
      fs.mkdirSync(path.join(root, slot, 'bin'), { recursive: true });
      const dockerd = path.join(root, slot, 'bin', 'dockerd');
      fs.writeFileSync(dockerd, `#!/bin/sh\necho "Docker version ${version}, build test"\n`, { mode: 0o755 });
    }
    fs.mkdirSync(path.join(root, 'notes'));
    return root;
  }

  it('lists the folders with a dockerd, newest first; the default is the newest', async () => {
    process.env.DNLAB_ENGINES_ROOT = fakeRoot({ '26.1': '26.1.5+dfsg1', '28.5': '28.5.2+dfsg4' });
    delete process.env.DNLAB_ENGINE;
    expect(installedEngines()).toEqual(['28.5', '26.1']);
    const chosen = await chooseEngine();
    expect(chosen.name).toBe('28.5');
    expect(chosen.version).toBe('28.5.2+dfsg4');
    expect(enginePath(chosen, '/usr/bin')).toBe(`${process.env.DNLAB_ENGINES_ROOT}/28.5/bin:/usr/bin`);
  });

  it('DNLAB_ENGINE or the request picks another; an engine not here says what to try', async () => {
    process.env.DNLAB_ENGINES_ROOT = fakeRoot({ '26.1': '26.1.5+dfsg1', '28.5': '28.5.2+dfsg4' });
    process.env.DNLAB_ENGINE = '26.1';
    expect((await chooseEngine()).version).toBe('26.1.5+dfsg1');
    await expect(chooseEngine('27.0')).rejects.toThrow(/27\.0 is not on this machine.*28\.5, 26\.1.*provision\.sh/);
  });
});
