import { describe, expect, it } from 'vitest';
import { parseIptablesSave } from '../../../src/observe/iptables.js';
import { HostBuilder, dnatRule, expose, lab, masqueradeRule, publish } from './facts-builder.js';
import { check } from './helpers.js';

function web(ports: ReturnType<typeof publish>, mode?: string) {
  const h = new HostBuilder();
  h.container('web', {
    networks: mode ? {} : { bridge: '172.17.0.2' },
    ports,
    ...(mode ? { mode } : {}),
  });
  return h;
}

describe('port-published', () => {
  it('passes for -p 8080:80', () => {
    const r = check(
      'port-published',
      { container: 'web', containerPort: 80, hostPort: 8080 },
      lab(web(publish(8080, 80))),
    );
    expect(r.pass).toBe(true);
    expect(r.message).toBe('web publishes 8080->80/tcp.');
  });

  it('with randomHostPort, accepts -p 80 and -P but rejects a host port the learner fixed', () => {
    const want = { container: 'web', containerPort: 80, randomHostPort: true };
    const fixed = web(publish(8081, 80));
    fixed.facts.containers[0]!.requestedPorts = [
      { containerPort: 80, protocol: 'tcp', hostIp: '', hostPort: 8081 },
    ];
    const r = check('port-published', want, lab(fixed));
    expect(r.pass).toBe(false);
    expect(r.message).toContain('you chose that host port');
    const random = web(publish(32768, 80));
    random.facts.containers[0]!.requestedPorts = [
      { containerPort: 80, protocol: 'tcp', hostIp: '', ephemeral: true },
    ];
    expect(check('port-published', want, lab(random)).pass).toBe(true);
    const all = web(publish(32769, 80));
    all.facts.containers[0]!.publishAll = true;
    expect(check('port-published', want, lab(all)).pass).toBe(true);
  });

  it('names the host port seen and the one asked for', () => {
    const r = check(
      'port-published',
      { container: 'web', containerPort: 80, hostPort: 8080 },
      lab(web(publish(8081, 80))),
    );
    expect(r.pass).toBe(false);
    expect(r.message).toBe('web publishes 8081->80/tcp; this step asks for 8080->80/tcp.');
    expect(r.expected).toBe('8080->80/tcp');
    expect(r.seen).toBe('8081->80/tcp');
  });

  it('recognises a reversed -p', () => {
    const r = check(
      'port-published',
      { container: 'web', containerPort: 80, hostPort: 8080 },
      lab(web(publish(80, 8080))),
    );
    expect(r.pass).toBe(false);
    expect(r.message).toContain('swapped');
    expect(r.message).toContain('-p 8080:80');
  });

  it('recognises exposed but not published', () => {
    const r = check(
      'port-published',
      { container: 'web', containerPort: 80, hostPort: 8080 },
      lab(web(expose(80))),
    );
    expect(r.pass).toBe(false);
    expect(r.message).toContain('exposes 80/tcp but does not publish it');
  });

  it('recognises -p with --network host', () => {
    const h = new HostBuilder();
    h.container('web', {
      mode: 'host',
      ports: [{ containerPort: 80, protocol: 'tcp', hostIp: '', hostPort: 8080 }],
    });
    const r = check(
      'port-published',
      { container: 'web', containerPort: 80, hostPort: 8080 },
      lab(h),
    );
    expect(r.pass).toBe(false);
    expect(r.message).toContain('--network host, so Docker discarded its -p');
  });

  it('loopback only when every address was asked for', () => {
    const h = web(publish(9090, 80, 'tcp', '127.0.0.1'));
    const r = check(
      'port-published',
      { container: 'web', containerPort: 80, hostPort: 9090, hostIp: '0.0.0.0' },
      lab(h),
    );
    expect(r.pass).toBe(false);
    expect(r.message).toContain('127.0.0.1:9090->80/tcp, on the loopback address only');
    expect(
      check('port-published', { container: 'web', containerPort: 80, hostPort: 9090 }, lab(h)).pass,
    ).toBe(true);
  });

  it('every address when loopback only was asked for', () => {
    const h = web(publish(9090, 80));
    const r = check(
      'port-published',
      { container: 'web', containerPort: 80, hostPort: 9090, hostIp: '127.0.0.1' },
      lab(h),
    );
    expect(r.pass).toBe(false);
    expect(r.message).toContain(
      '0.0.0.0:9090->80/tcp, on every address; this step asks for 127.0.0.1 only',
    );
    const ok = check(
      'port-published',
      { container: 'web', containerPort: 80, hostPort: 9090, hostIp: '127.0.0.1' },
      lab(web(publish(9090, 80, 'tcp', '127.0.0.1'))),
    );
    expect(ok.pass).toBe(true);
  });

  it('udp published when tcp is asked for', () => {
    const r = check(
      'port-published',
      { container: 'web', containerPort: 53, protocol: 'tcp', hostPort: 5353 },
      lab(web(publish(5353, 53, 'udp'))),
    );
    expect(r.pass).toBe(false);
    expect(r.message).toContain('5353->53/udp');
    expect(r.message).toContain('add /tcp');
    expect(
      check(
        'port-published',
        { container: 'web', containerPort: 53, protocol: 'udp', hostPort: 5353 },
        lab(web(publish(5353, 53, 'udp'))),
      ).pass,
    ).toBe(true);
  });

  it('nothing published at all', () => {
    const r = check('port-published', { container: 'web', containerPort: 80 }, lab(web([])));
    expect(r.pass).toBe(false);
    expect(r.message).toContain('publishes no ports');
  });

  it('accepts any host port when none is asked for (-P, -p 80)', () => {
    const r = check(
      'port-published',
      { container: 'web', containerPort: 80 },
      lab(web(publish(32768, 80))),
    );
    expect(r.pass).toBe(true);
    expect(r.message).toContain('32768->80/tcp');
  });

  it('accepts ports given as strings (YAML quoting) but not nonsense', () => {
    expect(
      check(
        'port-published',
        { container: 'web', containerPort: '80', hostPort: '8080' },
        lab(web(publish(8080, 80))),
      ).pass,
    ).toBe(true);
    const r = check(
      'port-published',
      { container: 'web', containerPort: 'http' },
      lab(web(publish(8080, 80))),
    );
    expect(r.pass).toBe(false);
    expect(r.message).toContain('param containerPort');
  });
});

describe('nat-rule', () => {
  function natHost() {
    const h = new HostBuilder();
    h.network('labnet', { subnet: '10.99.0.0/24', bridge: 'br-lab' });
    h.container('web', { networks: { bridge: '172.17.0.2' }, ports: publish(8080, 80) });
    h.facts.firewall.push(
      dnatRule(8080, '172.17.0.2:80'),
      masqueradeRule('172.17.0.0/16', 'docker0'),
      masqueradeRule('10.99.0.0/24', 'br-lab'),
    );
    return h;
  }

  it('finds the DNAT of a published port by meaning', () => {
    const r = check(
      'nat-rule',
      { type: 'dnat', dport: 8080, protocol: 'tcp', toDestination: '172.17.0.2:80' },
      lab(natHost()),
    );
    expect(r.pass).toBe(true);
    expect(r.message).toContain('DNAT');
    expect(r.message).toContain('172.17.0.2:80');
  });

  it('resolves the container to its address', () => {
    expect(
      check(
        'nat-rule',
        { type: 'dnat', dport: 8080, container: 'web', containerPort: 80 },
        lab(natHost()),
      ).pass,
    ).toBe(true);
    const r = check(
      'nat-rule',
      { type: 'dnat', dport: 8080, container: 'web', containerPort: 8080 },
      lab(natHost()),
    );
    expect(r.pass).toBe(false);
    expect(r.message).toContain('DNAT rules seen: tcp dport 8080 → 172.17.0.2:80');
  });

  it('names the DNAT rules there are when the port differs', () => {
    const r = check('nat-rule', { type: 'dnat', dport: 9090 }, lab(natHost()));
    expect(r.pass).toBe(false);
    expect(r.expected).toBe('DNAT dport 9090');
    expect(r.message).toContain('dport 8080');
  });

  it('matches nftables rules the same way (other table and chain names)', () => {
    const h = new HostBuilder();
    h.facts.engine.firewallBackend = 'nftables';
    h.facts.firewall.push({
      backend: 'nftables',
      table: 'docker-bridges',
      chain: 'nat-prerouting-and-output',
      family: 'ip',
      protocol: 'tcp',
      dport: '8080',
      inIface: 'bridge1',
      inIfaceNegated: true,
      target: 'DNAT',
      toDestination: '192.0.2.2:80',
      comment: 'DNAT',
      raw: 'iifname != "bridge1" tcp dport 8080 counter dnat to 192.0.2.2:80 comment "DNAT"',
    });
    expect(
      check('nat-rule', { type: 'dnat', dport: 8080, toDestination: '192.0.2.2:80' }, lab(h)).pass,
    ).toBe(true);
  });

  it('MASQUERADE by source CIDR or by network name', () => {
    expect(
      check('nat-rule', { type: 'masquerade', source: '10.99.0.0/24' }, lab(natHost())).pass,
    ).toBe(true);
    expect(check('nat-rule', { type: 'masquerade', source: 'labnet' }, lab(natHost())).pass).toBe(
      true,
    );
    const r = check('nat-rule', { type: 'masquerade', source: '10.98.0.0/24' }, lab(natHost()));
    expect(r.pass).toBe(false);
    expect(r.message).toContain('from 10.98.0.0/24');
    expect(r.message).toContain('from 172.17.0.0/16');
  });

  it('says when there are no rules of the kind at all', () => {
    const r = check('nat-rule', { type: 'snat', source: '10.99.0.0/24' }, lab(natHost()));
    expect(r.pass).toBe(false);
    expect(r.message).toBe('There are no SNAT rules; this step asks for SNAT from 10.99.0.0/24.');
  });

  describe("source-nat: any rule that rewrites a container's source (lesson 12)", () => {
    // Rules as iptables-save prints them, through the real parser.
    function outHost(...lines: string[]) {
      const h = new HostBuilder();
      h.container('out1', { networks: { bridge: '172.17.0.2' } });
      const text = ['*nat', ':POSTROUTING ACCEPT [0:0]', ...lines, 'COMMIT'].join('\n');
      h.facts.firewall.push(...parseIptablesSave(text).rules);
      return h;
    }
    const judge = (h: HostBuilder) =>
      check('nat-rule', { type: 'source-nat', container: 'out1' }, lab(h));

    it.each([
      [
        "Docker's MASQUERADE for the subnet",
        '-A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE',
      ],
      ['a narrower MASQUERADE', '-A POSTROUTING -s 172.17.0.2/32 -o eth0 -j MASQUERADE'],
      ['a MASQUERADE with no source', '-A POSTROUTING -o eth0 -j MASQUERADE'],
      [
        'an equivalent SNAT',
        '-A POSTROUTING -s 172.17.0.0/16 -o eth0 -j SNAT --to-source 192.0.2.11',
      ],
    ])('accepts %s', (_, line) => {
      const r = judge(outHost(line));
      expect(r.pass).toBe(true);
      expect(r.message).toContain(line.includes('SNAT') ? 'SNAT' : 'MASQUERADE');
    });

    it('refuses a rule for another container, a negated source, and none at all', () => {
      expect(judge(outHost('-A POSTROUTING -s 172.17.0.3/32 -j MASQUERADE')).pass).toBe(false);
      expect(judge(outHost('-A POSTROUTING ! -s 172.17.0.0/16 -j MASQUERADE')).pass).toBe(false);
      const none = judge(outHost());
      expect(none.pass).toBe(false);
      expect(none.message).toContain('There are no MASQUERADE/SNAT rules');
    });
  });

  it('rejects params that do not fit the type', () => {
    const r = check(
      'nat-rule',
      { type: 'masquerade', toDestination: '172.17.0.2:80' },
      lab(natHost()),
    );
    expect(r.pass).toBe(false);
    expect(r.message).toContain('param toDestination');
  });
});

describe('port-published on a stopped container', () => {
  it('publishes nothing while stopped, whatever its config asks', () => {
    const h = new HostBuilder();
    h.container('web', {
      running: false,
      ports: [{ containerPort: 80, protocol: 'tcp', hostIp: '', hostPort: 8080 }],
    });
    const r = check(
      'port-published',
      { container: 'web', containerPort: 80, hostPort: 8080 },
      lab(h),
    );
    expect(r.pass).toBe(false);
    expect(r.message).toContain('web is not running (Exited (0)');
    expect(r.message).toContain('this step asks for 8080->80/tcp');
  });
});

describe('port-published: mistakes of lesson 05', () => {
  it('names the container that already holds the host port ("port is already allocated")', () => {
    const h = web(publish(8080, 80));
    h.container('web2', {
      running: false,
      status: 'Created',
      ports: [{ containerPort: 80, protocol: 'tcp', hostIp: '', hostPort: 8080 }],
    });
    const r = check(
      'port-published',
      { container: 'web2', containerPort: 80, hostPort: 80 },
      lab(h),
    );
    expect(r.pass).toBe(false);
    expect(r.message).toContain('asks for host port 8080, which web already publishes');
    expect(r.message).toContain('docker rm web2');
  });

  it('a stopped container whose port nobody holds is only not running', () => {
    const h = web(publish(8080, 80));
    h.container('web2', {
      running: false,
      status: 'Created',
      ports: [{ containerPort: 80, protocol: 'tcp', hostIp: '', hostPort: 80 }],
    });
    const r = check('port-published', { container: 'web2', containerPort: 80 }, lab(h));
    expect(r.pass).toBe(false);
    expect(r.message).toContain('is not running (Created)');
  });

  it('a clash on another address or protocol is no clash', () => {
    const h = web(publish(8080, 80, 'udp'));
    h.container('web2', {
      running: false,
      status: 'Created',
      ports: [{ containerPort: 80, protocol: 'tcp', hostIp: '', hostPort: 8080 }],
    });
    const r = check('port-published', { container: 'web2', containerPort: 80 }, lab(h));
    expect(r.message).not.toContain('already publishes');
  });

  it('-P with nothing exposed publishes nothing, and says why', () => {
    const h = new HostBuilder();
    h.container('web4', { networks: { bridge: '172.17.0.5' }, publishAll: true });
    const r = check('port-published', { container: 'web4', containerPort: 80 }, lab(h));
    expect(r.pass).toBe(false);
    expect(r.message).toContain('-P publishes only the ports the image EXPOSEs or --expose names');
  });

  it('loopback only when a LAN address was asked for', () => {
    const h = web(publish(32770, 80, 'tcp', '127.0.0.1'));
    const r = check(
      'port-published',
      { container: 'web', containerPort: 80, hostIp: '192.0.2.11' },
      lab(h),
    );
    expect(r.pass).toBe(false);
    expect(r.message).toBe(
      'web publishes 127.0.0.1:32770->80/tcp, on the loopback address only: other machines cannot reach it. This step asks for it on 192.0.2.11.',
    );
  });
});
