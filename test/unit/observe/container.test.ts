import { describe, expect, it } from 'vitest';
import {
  isDefaultBridgeMode,
  parseContainer,
  sharedNetnsTarget,
} from '../../../src/observe/container.js';
import type { ContainerJson } from '../../../src/observe/engine-json.js';
import { E20, fixtureJson } from './fixtures.js';

const load = (name: string) =>
  parseContainer(fixtureJson<ContainerJson>(E20, `container-${name}.json`));

describe('parseContainer (Docker 20.10, recorded)', () => {
  it('web: running on the default bridge, 8080->80 on 0.0.0.0 and ::', () => {
    const web = load('web');
    expect(web).toMatchObject({
      name: 'web',
      image: 'dnlab/busybox',
      running: true,
      status: 'running',
      pid: 6047,
      networkMode: 'default',
      publishAll: false,
      portsFrom: 'runtime',
      sandboxKey: '/var/lib/dnlab/hosts/host1/exec/netns/f49cd4116680',
      hostname: '978e864528ad',
    });
    expect(web.ports).toEqual([
      { containerPort: 80, protocol: 'tcp', hostIp: '0.0.0.0', hostPort: 8080 },
      { containerPort: 80, protocol: 'tcp', hostIp: '::', hostPort: 8080 },
    ]);
    expect(web.endpoints).toEqual([
      {
        network: 'bridge',
        networkId: '2dd2371881e0b7121223ce6f970fc4742e63080d0954e1daca1edc559e397644',
        endpointId: '98613c2faf020b1aa2afe4b5d741fb33ce73689aa886a23273552deda08a88c8',
        ip: '172.17.0.2',
        prefixLen: 16,
        gateway: '172.17.0.1',
        mac: '02:42:ac:11:00:02',
        aliases: [],
        dnsNames: [],
      },
    ]);
    expect(web.exitCode).toBeUndefined();
    expect(isDefaultBridgeMode(web.networkMode)).toBe(true);
  });

  it("web2: 127.0.0.1:9090 binding, udp 5353, -P's 32768 for exposed 7000", () => {
    const web2 = load('web2');
    expect(web2.publishAll).toBe(true);
    expect(web2.ports).toContainEqual({
      containerPort: 80,
      protocol: 'tcp',
      hostIp: '127.0.0.1',
      hostPort: 9090,
    });
    expect(web2.ports.filter((p) => p.containerPort === 80)).toHaveLength(1);
    expect(web2.ports).toContainEqual({
      containerPort: 53,
      protocol: 'udp',
      hostIp: '0.0.0.0',
      hostPort: 5353,
    });
    expect(web2.ports).toContainEqual({
      containerPort: 7000,
      protocol: 'tcp',
      hostIp: '0.0.0.0',
      hostPort: 32768,
    });
    expect(web2.ports).toHaveLength(5);
  });

  it('c2: two endpoints, one per network, with their own gateways', () => {
    const c2 = load('c2');
    expect(c2.networkMode).toBe('labnet');
    expect(c2.endpoints.map((e) => [e.network, e.ip, e.prefixLen, e.gateway])).toEqual([
      ['appnet', '172.18.0.2', 16, '172.18.0.1'],
      ['labnet', '10.99.0.3', 24, '10.99.0.1'],
    ]);
    expect(c2.endpoints[1]?.aliases).toEqual(['7300955d28a3']);
    expect(c2.ports).toEqual([]);
  });

  it('c1: the network alias db', () => {
    expect(load('c1').endpoints[0]).toMatchObject({
      network: 'labnet',
      ip: '10.99.0.2',
      aliases: ['db', 'b4f2a98188a6'],
    });
  });

  it('hostc, nonec: host and none modes, endpoints without addresses', () => {
    const hostc = load('hostc');
    expect(hostc.networkMode).toBe('host');
    expect(hostc.sandboxKey).toBe('/var/lib/dnlab/hosts/host1/exec/netns/default');
    expect(hostc.endpoints).toHaveLength(1);
    expect(hostc.endpoints[0]?.ip).toBeUndefined();
    expect(load('nonec').networkMode).toBe('none');
  });

  it('side: container:<full id of c1>, no sandbox, no endpoints', () => {
    const side = load('side');
    expect(side.networkMode).toBe(
      'container:b4f2a98188a64c5f03caa212dd71d0af4bf8b42521c5866dc169211166dba0d7',
    );
    expect(sharedNetnsTarget(side.networkMode)).toBe(load('c1').id);
    expect(side.sandboxKey).toBeUndefined();
    expect(side.endpoints).toEqual([]);
  });

  it('o1: overlay endpoint with the address asked for with --ip', () => {
    const o1 = load('o1');
    expect(o1.endpoints[0]).toMatchObject({
      network: 'ov',
      networkId: 'p4sei1dic2py911t2q2jbbu44',
      ip: '10.0.1.2',
      requestedIp: '10.0.1.2',
      prefixLen: 24,
    });
    expect(o1.endpoints[0]?.gateway).toBeUndefined();
  });

  it('stopped: not running, no pid, exit code, ports from config', () => {
    const stopped = load('stopped');
    expect(stopped).toMatchObject({
      running: false,
      status: 'created',
      exitCode: 0,
      networkMode: 'default',
      portsFrom: 'config',
    });
    expect(stopped.pid).toBeUndefined();
    expect(stopped.endpoints[0]).toMatchObject({
      network: 'bridge',
      networkId: '',
      endpointId: '',
    });
  });
});

describe('parseContainer: engine differences', () => {
  const base: ContainerJson = {
    Id: 'abc',
    Name: '/x',
    State: { Status: 'exited', Running: false, Pid: 0, ExitCode: 137 },
    HostConfig: {
      NetworkMode: 'bridge',
      PortBindings: {
        '80/tcp': [{ HostIp: '', HostPort: '8081' }],
        '53/udp': [{ HostIp: '127.0.0.1', HostPort: '' }],
      },
      PublishAllPorts: false,
    },
    Config: { Image: 'img', ExposedPorts: { '80/tcp': {}, '9000/tcp': {} } },
    NetworkSettings: {
      Ports: {},
      Networks: { bridge: { IPAddress: '', DNSNames: ['x', 'abc'], GwPriority: 0 } },
    },
  };

  it('a stopped container: requested bindings, ephemeral ones, exposed-only ports', () => {
    const c = parseContainer(base);
    expect(c.portsFrom).toBe('config');
    expect(c.exitCode).toBe(137);
    expect(c.ports).toEqual([
      { containerPort: 80, protocol: 'tcp', hostIp: '', hostPort: 8081 },
      { containerPort: 53, protocol: 'udp', hostIp: '127.0.0.1', ephemeral: true },
      { containerPort: 9000, protocol: 'tcp', hostIp: '' },
    ]);
    expect(c.endpoints[0]).toMatchObject({ dnsNames: ['x', 'abc'], gwPriority: 0 });
    expect(isDefaultBridgeMode(c.networkMode)).toBe(true);
  });

  it('-P on a stopped container publishes every exposed port, port unknown', () => {
    const c = parseContainer({
      ...base,
      HostConfig: { ...base.HostConfig, PortBindings: {}, PublishAllPorts: true },
    });
    expect(c.ports).toEqual([
      { containerPort: 80, protocol: 'tcp', hostIp: '', ephemeral: true },
      { containerPort: 9000, protocol: 'tcp', hostIp: '', ephemeral: true },
    ]);
  });

  it('a running container with -p under --network host: no ports (the engine discards them)', () => {
    const c = parseContainer({
      ...base,
      State: { Status: 'running', Running: true, Pid: 42 },
      HostConfig: { ...base.HostConfig, NetworkMode: 'host' },
      NetworkSettings: { Ports: {}, Networks: { host: {} } },
    });
    expect(c.ports).toEqual([]);
    expect(c.portsFrom).toBe('runtime');
    // What -p asked for stays readable, so a checker can say it was discarded.
    expect(c.requestedPorts).toEqual([
      { containerPort: 80, protocol: 'tcp', hostIp: '', hostPort: 8081 },
      { containerPort: 53, protocol: 'udp', hostIp: '127.0.0.1', ephemeral: true },
    ]);
  });

  it('exposed-but-unpublished (null) and routed (empty HostPort) bindings have no hostPort', () => {
    const c = parseContainer({
      ...base,
      State: { Status: 'running', Running: true, Pid: 42 },
      NetworkSettings: { Ports: { '7000/tcp': null, '80/tcp': [{ HostIp: '::', HostPort: '' }] } },
    });
    expect(c.ports).toEqual([
      { containerPort: 7000, protocol: 'tcp', hostIp: '' },
      { containerPort: 80, protocol: 'tcp', hostIp: '::' },
    ]);
  });

  it('API 1.52: no top-level IPAddress, addresses still read from Networks', () => {
    const c = parseContainer({
      ...base,
      State: { Status: 'running', Running: true, Pid: 42 },
      NetworkSettings: {
        Networks: {
          bridge: {
            NetworkID: 'n1',
            EndpointID: 'e1',
            IPAddress: '172.17.0.5',
            IPPrefixLen: 16,
            Gateway: '172.17.0.1',
            GlobalIPv6Address: 'fd00::5',
            GlobalIPv6PrefixLen: 64,
          },
        },
      },
    });
    expect(c.endpoints[0]).toMatchObject({
      ip: '172.17.0.5',
      prefixLen: 16,
      ipv6: 'fd00::5',
      ipv6PrefixLen: 64,
    });
  });
});
