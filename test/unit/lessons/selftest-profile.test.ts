import { describe, expect, it } from 'vitest';
import {
  addMs,
  emptyProfile,
  startsContainer,
  sumProfiles,
  timePhase,
  topPhases,
} from '../../../src/orchestrate/selftest-profile.js';

describe('self-test profile', () => {
  it('adds each case by phase, with its spawns and container starts', () => {
    const a = emptyProfile();
    addMs(a, 'reset', 700);
    addMs(a, 'replay', 300);
    addMs(a, 'reset', 100);
    a.spawns = 4;
    a.containerStartMs = 250;
    const b = emptyProfile();
    addMs(b, 'probes', 2000);
    b.spawns = 1;
    const sum = sumProfiles([a, b]);
    expect(sum.ms.reset).toBe(800);
    expect(sum.ms.probes).toBe(2000);
    expect(sum.ms.judge).toBe(0);
    expect(sum).toMatchObject({ spawns: 5, containerStartMs: 250, cases: 2 });
    expect(topPhases(sum.ms)).toEqual([
      ['probes', 2000],
      ['reset', 800],
      ['replay', 300],
    ]);
  });

  it('times a phase also when it throws', async () => {
    const p = emptyProfile();
    await expect(
      timePhase(p, 'setup', async () => {
        await new Promise((r) => setTimeout(r, 20));
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(p.ms.setup).toBeGreaterThan(0);
  });

  it('knows the lines that start containers', () => {
    expect(startsContainer('docker run -d --name web dnlab/busybox httpd -f')).toBe(true);
    expect(startsContainer('docker container start db')).toBe(true);
    expect(startsContainer('docker restart web')).toBe(true);
    expect(startsContainer('docker network create labnet')).toBe(false);
    expect(startsContainer('docker stop web')).toBe(false);
  });
});
