// Bench: one lesson step's checks (10, no traffic) against a live host, against the same checks
// done the way peer labs do it (a bash script calling the docker CLI once per check).
const { checkStep } = await import('../dist/orchestrate/check-step.js');
const { hostCommand } = await import('../dist/lab/shell.js');
const { run } = await import('../dist/lab/run.js');
const { up, down } = await import('../dist/lab/lab.js');

const CHECKS = [
  { kind: 'network-exists', id: 'net', params: { name: 'mynet', subnet: '10.10.0.0/24' } },
  { kind: 'container-running', id: 'web', params: { container: 'web' } },
  { kind: 'container-running', id: 'db', params: { container: 'db' } },
  { kind: 'container-running', id: 'api', params: { container: 'api' } },
  { kind: 'container-on-network', id: 'db-on', params: { container: 'db', network: 'mynet' } },
  { kind: 'port-published', id: 'port', params: { container: 'web', containerPort: 80, hostPort: 8080 } },
  { kind: 'nat-rule', id: 'dnat', params: { type: 'dnat', dport: 8080 } },
  { kind: 'interface-count', id: 'ifs', params: { container: 'api', count: 2 } },
  { kind: 'veth-peer-on-bridge', id: 'veth', params: { container: 'web', bridge: 'docker0' } },
  { kind: 'bridge-has-ports', id: 'ports', params: { bridge: 'docker0', min: 2 } },
];

// What a peer's verify script does: one docker CLI call (or iptables/exec) per check.
const PEER_SCRIPT = `set -e
docker network inspect mynet -f '{{range .IPAM.Config}}{{.Subnet}}{{end}}' | grep -qx 10.10.0.0/24
[ "$(docker inspect -f '{{.State.Running}}' web)" = true ]
[ "$(docker inspect -f '{{.State.Running}}' db)" = true ]
[ "$(docker inspect -f '{{.State.Running}}' api)" = true ]
docker inspect -f '{{json .NetworkSettings.Networks}}' db | grep -q '"mynet"'
docker port web 80/tcp | grep -q ':8080'
iptables -t nat -S DOCKER | grep -q -- '--dport 8080'
[ "$(docker exec api ip -o link | grep -vc ' lo:')" = 2 ]
i=$(docker exec web cat /sys/class/net/eth0/iflink); ip -o link | grep -q "^$i: .*master docker0"
[ "$(ip -o link show master docker0 | wc -l)" -ge 2 ]
`;

export const suites = {
  checks: async ({ runs, report, onHost, lessonState }) => {
    await up();
    await lessonState('host1');
    await onHost('host1', ['docker', 'run', '-d', '--name', 'api', '--network', 'mynet', 'dnlab/busybox', 'sleep', '3600']);
    await onHost('host1', ['docker', 'network', 'connect', 'bridge', 'api']);
    const n = Math.max(runs, 20);
    const ours = [];
    let last;
    for (let i = 0; i < n; i++) {
      const r = await checkStep({ checks: CHECKS, defaultHost: 'host1', hosts: ['host1'] });
      ours.push(r.ms);
      last = r.results;
    }
    const failing = last.filter((r) => !r.pass);
    if (failing.length) console.log('  (bench state is wrong:', failing.map((f) => `${f.id}: ${f.message}`).join('; '), ')');
    const peer = [];
    for (let i = 0; i < n; i++) {
      const c = hostCommand('host1', ['bash', '-c', PEER_SCRIPT]);
      const t = performance.now();
      const r = await run([c.file, ...c.args], { env: c.env });
      peer.push(performance.now() - t);
      if (r.code !== 0) console.log('  (peer script failed:', r.stderr.trim(), ')');
    }
    report('one step: 10 checks, no traffic (dnlab)', ours, 50);
    report('same 10 checks as a docker-CLI bash script', peer);
    const ratio = peer.sort((a, b) => a - b)[peer.length >> 1] / ours.sort((a, b) => a - b)[ours.length >> 1];
    console.log(`${'ratio (bash script p50 / dnlab p50)'.padEnd(48)} ${ratio.toFixed(1)}×`);
    await down();
  },
};
