import { describe, expect, it } from 'vitest';
import { HostBuilder, lab } from './facts-builder.js';
import { check } from './helpers.js';

function host(rules: { chain: string; raw: string; source?: string; target: string }[]) {
  const h = new HostBuilder();
  h.container('a1', { networks: { bridge: '172.17.0.2' } });
  h.container('a2', { networks: { bridge: '172.17.0.3' } });
  for (const r of rules) h.rule({ table: 'filter', ...r });
  return lab(h);
}

const ret = { chain: 'DOCKER-USER', raw: '-A DOCKER-USER -j RETURN', target: 'RETURN' };
const drop = (ip: string, chain = 'DOCKER-USER') => ({
  chain,
  raw: `-A ${chain} -s ${ip}/32 -j DROP`,
  source: `${ip}/32`,
  target: 'DROP',
});

describe('firewall-rule', () => {
  it('passes for a DROP inserted before the RETURN', () => {
    const r = check('firewall-rule', { container: 'a1' }, host([drop('172.17.0.2'), ret]));
    expect(r.pass).toBe(true);
    expect(r.message).toContain('-A DOCKER-USER -s 172.17.0.2/32 -j DROP');
  });

  it('says a rule appended after the RETURN is never reached', () => {
    const r = check('firewall-rule', { container: 'a1' }, host([ret, drop('172.17.0.2')]));
    expect(r.pass).toBe(false);
    expect(r.message).toContain('comes after -A DOCKER-USER -j RETURN');
    expect(r.message).toContain('iptables -I DOCKER-USER');
  });

  it('names a rule in FORWARD', () => {
    const r = check('firewall-rule', { container: 'a1' }, host([ret, drop('172.17.0.2', 'FORWARD')]));
    expect(r.pass).toBe(false);
    expect(r.message).toContain('is in FORWARD');
  });

  it("names whose address a rule drops", () => {
    const r = check('firewall-rule', { container: 'a1' }, host([drop('172.17.0.3'), ret]));
    expect(r.pass).toBe(false);
    expect(r.message).toBe(
      'DOCKER-USER has DROP rules for 172.17.0.3/32 (a2), but none for a1 (172.17.0.2).',
    );
  });

  it('says what to add when there is nothing', () => {
    const r = check('firewall-rule', { source: '10.0.0.0/8' }, host([ret]));
    expect(r.pass).toBe(false);
    expect(r.message).toBe(
      'DOCKER-USER has no DROP rule for 10.0.0.0/8: add one with iptables -I DOCKER-USER -s 10.0.0.0/8 -j DROP.',
    );
  });

  it('says when the chain does not exist', () => {
    const r = check('firewall-rule', { container: 'a1' }, host([]));
    expect(r.pass).toBe(false);
    expect(r.message).toContain('There is no DOCKER-USER chain');
  });

  it('needs exactly one of container or source', () => {
    const r = check('firewall-rule', {}, host([ret]));
    expect(r.message).toContain('written wrongly');
  });
});
