import { afterEach, describe, expect, it } from 'vitest';
import { collectProbes, evaluateChecks, type StepCheck } from '../../../src/checks/evaluate.js';
import type { CheckResult } from '../../../src/checks/types.js';
import { setLang, type Lang } from '../../../src/i18n/index.js';
import type { LabFacts, ProbeResult } from '../../../src/observe/facts.js';
import { HostBuilder, ctx, lab, publish } from './facts-builder.js';
import recorded from './recorded-busybox.json' with { type: 'json' };

/**
 * Issue #9: a check message in zh-CN contains the expected and the seen values. The checks run
 * over facts built like the recorded lab (and over recorded BusyBox output for the probes).
 */

type Rec = { argv: string[]; code: number; stdout: string; stderr: string; ms: number };
const rec = recorded as unknown as Record<string, Rec>;

const HAN = /[\u4e00-\u9fff]/;

function lab1(): LabFacts {
  const h = new HostBuilder('host1', '192.0.2.11');
  h.network('labnet', { subnet: '10.99.0.0/24' });
  h.container('web', { networks: { labnet: '10.99.0.2' }, ports: publish(80, 8080) });
  h.container('c1', { networks: { labnet: '10.99.0.3' } });
  h.container('stopped', { running: false, status: 'exited', exitCode: 1 });
  return lab(h);
}

/** Probes declared, answered from the recording by argv, then judged: in the given language. */
function judge(lang: Lang, checks: StepCheck[]): CheckResult[] {
  setLang(lang);
  const facts = lab1();
  for (const p of collectProbes(checks, ctx, facts)) {
    const r = Object.values(rec).find(
      (x) => Array.isArray(x.argv) && x.argv.join(' ') === p.argv.join(' '),
    );
    if (r) facts.hosts[p.host]!.probes[p.id] = answer(r);
  }
  return evaluateChecks(checks, facts, ctx);
}

function answer(r: Rec): ProbeResult {
  return { code: r.code, stdout: r.stdout, stderr: r.stderr, ms: r.ms };
}

function one(lang: Lang, check: StepCheck): CheckResult {
  const [r] = judge(lang, [check]);
  if (!r) throw new Error('no result');
  return r;
}

afterEach(() => setLang('en'));

describe('check messages in zh-CN', () => {
  it('container-ip: the Chinese sentence names the expected and the seen address', () => {
    const c: StepCheck = {
      kind: 'container-ip',
      params: { container: 'web', network: 'labnet', ip: '10.99.0.9' },
    };
    const en = one('en', c);
    const zh = one('zh-CN', c);
    expect(zh.pass).toBe(false);
    expect(zh.message).toMatch(HAN);
    expect(zh.message).not.toBe(en.message);
    expect(zh.message).toContain('10.99.0.9'); // expected
    expect(zh.message).toContain('10.99.0.2'); // seen
    expect(zh.message).toContain('本步骤要求');
    expect(zh.expected).toBe('10.99.0.9');
    expect(zh.seen).toBe('10.99.0.2');
  });

  it('port-published: expected and seen bindings stay in the sentence', () => {
    const zh = one('zh-CN', {
      kind: 'port-published',
      params: { container: 'web', containerPort: 80, hostPort: 9090 },
    });
    expect(zh.pass).toBe(false);
    expect(zh.message).toMatch(HAN);
    expect(zh.message).toContain('9090->80/tcp');
    expect(zh.message).toContain(zh.seen ?? '(no seen value)');
    expect(zh.seen).toContain('8080');
  });

  it('container-running: the seen status and the exit code are kept, the expected value is Chinese', () => {
    const zh = one('zh-CN', { kind: 'container-running', params: { container: 'stopped' } });
    expect(zh.pass).toBe(false);
    expect(zh.message).toMatch(HAN);
    expect(zh.message).toContain('exited');
    expect(zh.message).toContain('docker logs stopped');
    expect(zh.expected).toBe('运行中');
  });

  it('reachable over a recorded nc timeout: target, port and the probe line, all in Chinese', () => {
    const c: StepCheck = {
      kind: 'reachable',
      params: { from: { container: 'c1' }, to: '10.99.0.77', port: 80 },
    };
    const en = one('en', c);
    const zh = one('zh-CN', c);
    expect(en.message).toContain('tcp port 80');
    expect(zh.pass).toBe(false);
    expect(zh.message).toMatch(HAN);
    expect(zh.message).toContain('10.99.0.77');
    expect(zh.message).toContain('tcp 端口 80');
    expect(zh.message).not.toContain('port 80');
    expect(zh.expected).toContain('10.99.0.77');
    expect(zh.expected).toMatch(HAN);
    // seen: the verdict in Chinese, then BusyBox's own words as recorded.
    expect(zh.seen).toMatch(/^超时: /);
    expect(zh.seen).toContain('timed out');
  });

  it('container-stopped on a removed container: expected and seen are both Chinese values', () => {
    const zh = one('zh-CN', { kind: 'container-stopped', params: { container: 'gone' } });
    expect(zh.pass).toBe(false);
    expect(zh.message).toMatch(HAN);
    expect(zh.message).toContain('gone');
    expect(zh.message).toContain('web, c1, stopped'); // what is there instead
    expect(zh.expected).toBe('gone 已停止');
    expect(zh.seen).toBe('没有这个容器');
  });

  it('falls back to English again after the language is reset', () => {
    const r = one('en', { kind: 'container-running', params: { container: 'stopped' } });
    expect(r.message).not.toMatch(HAN);
    expect(r.expected).toBe('running');
  });
});
