/**
 * English `--help` texts of the CLI (keys: `cli.help.*` for commander's own words, `cli.<command>.*`
 * for each command). Help lines stay within 80 columns.
 */
export const cliHelp = {
  // Commander's built-in words.
  'cli.help.usage': 'Usage:',
  'cli.help.options': 'Options:',
  'cli.help.arguments': 'Arguments:',
  'cli.help.commands': 'Commands:',
  'cli.help.globalOptions': 'Global Options:',
  'cli.help.default': 'default',
  'cli.help.helpOption': 'display help for command',
  'cli.help.helpCommand': 'display help for command',
  'cli.help.version': 'output the version number',
  'cli.help.afterError': '(add --help for usage)',

  'cli.program.description':
    'A terminal learning lab for Docker container networking.\nWith no command, opens the lessons (the TUI).',
  'cli.program.langOpt': 'language of messages: en or zh-CN (default: from LANG)',
  'cli.opt.json': 'print machine-readable JSON',

  'cli.up.description':
    'bring the lab up: two Docker hosts (host1, host2) on a LAN, each in its own network namespace',
  'cli.up.help':
    'A lab already up is left as it is. On a lab that is partly up (an engine\nstopped, say), only what is dead is started again: files, containers and\ndaemon.json are kept; when an engine cannot start, up shows its error.\nLeftovers of a crashed run are cleaned first. Ctrl-C while it builds a new lab\nremoves everything it made. Only reset and down remove work.\n\nExample:\n  sudo dnlab up',
  'cli.up.engineOpt':
    'the Docker engine the lab hosts run: {names} (default: the newest dnlab installed, else system)',
  'cli.up.engineHelp':
    'Engines: dnlab installs its own in /opt/dnlab/engines (sandbox-vm/provision.sh); 20.10 is the\ndistribution\'s docker.io; system is whatever dockerd is on PATH. DNLAB_ENGINE sets the default.\n\nExample:\n  sudo dnlab up --engine 26.1',
  'cli.testLessons.engineOpt': 'the engine the self-test lab runs (as `dnlab up --engine`)',
  'cli.down.description':
    'stop the lab and remove everything it made (namespaces, daemons, mounts, files)',
  'cli.down.help':
    'Only objects named with the lab prefix are touched.\n\nExample:\n  sudo dnlab down',
  'cli.reset.description': 'bring a lab host (or every host) back to a fresh state',
  'cli.reset.help':
    'Removes the host\'s containers, networks, volumes, images it pulled, swarm\nmembership, extra links, mounts and firewall rules, and stops processes started\nin it (open shells end). The engine keeps running unless daemon.json was changed\nor the host was ever in a swarm: then the host is rebuilt (its files and\ndaemon.json are new). A reset stopped halfway is finished by the next reset.\n\nExamples:\n  sudo dnlab reset host1\n  sudo dnlab reset',
  'cli.restartEngine.description':
    "restart a lab host's Docker engine so it re-reads /etc/docker/daemon.json",
  'cli.restartEngine.help':
    "Inside a lab host's shell the same is `restart-docker`. When the engine does not come back\n(say, daemon.json is not valid JSON), the engine's own error is shown.\n\nExamples:\n  sudo dnlab restart-engine host1\n  root@host1:~# restart-docker",
  'cli.status.description':
    'show whether the lab is up, and each host’s engine, containers and networks',
  'cli.status.help': 'Examples:\n  sudo dnlab status\n  sudo dnlab status --json',
  'cli.shell.description':
    'open an interactive shell inside a lab host (its own network, hostname and docker)',
  'cli.shell.help':
    'Inside, `docker` talks to that host’s engine and `ip`, `bridge`, `iptables` show its network.\nLeave with `exit`.\n\nExample:\n  sudo dnlab shell host1',
  'cli.exec.description': 'run one command inside a lab host',
  'cli.exec.help':
    'Put `--` before the command so its options are not read as dnlab’s.\n\nExamples:\n  sudo dnlab exec host1 -- docker ps\n  sudo dnlab exec host2 -- ip -br addr',
  'cli.topo.description':
    'draw the lab’s network as it really is: hosts, LAN, bridges, veth pairs, containers, ports',
  'cli.topo.hostOpt': 'only this lab host (with the LAN and its overlays)',
  'cli.topo.formatOpt': 'ascii (default), mermaid, dot or json',
  'cli.topo.widthOpt': 'columns for the ascii map (default: the terminal’s width, 80 when piped)',
  'cli.topo.help':
    'Drawn from observed facts only (Engine API, ip -j, bridge ports, firewall).\n\nExamples:\n  sudo dnlab topo\n  sudo dnlab topo --host host1\n  sudo dnlab topo --format mermaid > lab.mmd\n  sudo dnlab topo --format dot | dot -Tsvg > lab.svg\n  sudo dnlab topo --format json | jq \'.nodes[] | select(.kind=="container")\'',
  'cli.trace.description':
    'the path a packet takes and the rules it meets, confirmed by one probe and the rule counters it moved',
  'cli.trace.hostOpt':
    'where bare container names are looked for first (default: the first lab host)',
  'cli.trace.noProbeOpt': 'only plan the path from the observed state; send nothing',
  'cli.trace.help':
    '<from> is a lab host, the internet namespace, a container (name, or host:container) or an IP.\n<to> is the same, then :port and /tcp, /udp or /icmp (tcp when a port is given, else icmp).\n\nThe path is planned from the observed routes and firewall rules; then the rule counters of\nthe hosts on the path are read, ONE probe is sent (busybox nc, nslookup or ping from <from>),\nthe counters are read again and those that moved are shown: where the packet was NATed,\naccepted, or dropped.\n\nExamples:\n  sudo dnlab trace host2 host1:8080/tcp\n  sudo dnlab trace host1:web db:80\n  sudo dnlab trace web 10.10.2.3:80 --no-probe',
  'cli.check.description': 'check the live lab against a lesson step (or every step of a lesson)',
  'cli.check.help':
    'One line per check: ✔ or ✘ and what is right or still wrong. Exits 1 if any check fails.\n\nExamples:\n  sudo dnlab check 02-docker0/find-docker0\n  sudo dnlab check 02-docker0 --json',
  'cli.testLessons.description':
    'prove lessons: each step fails before its solution and passes after; wrong attempts fail as they should',
  'cli.testLessons.repeatOpt': 'run everything n times (catches flaky checks)',
  'cli.testLessons.instancesOpt':
    'lab instances to use: wrong attempts and alternatives run in the others while one walks the solution path (1: all in one; each is two engines, mostly waiting)',
  'cli.testLessons.profileOpt': 'print where the time went: by phase, by lesson, the slowest cases (also DNLAB_SELFTEST_PROFILE=1)',
  'cli.testLessons.keepOpt': 'leave the self-test lab up afterwards',
  'cli.testLessons.help':
    'Runs in its own lab ({prefix}-*, with helpers {prefix}w1-*, w2-*, w3-* torn\ndown afterwards), never in yours. Exits 1 on any failure. --profile shows which\nsteps are slow, and why.\n\nExamples:\n  sudo dnlab test-lessons\n  sudo dnlab test-lessons 02-docker0 03-veth-pairs --repeat 3',
  'cli.doctor.description':
    'check that this machine can run the lab; each problem comes with its fix',
  'cli.doctor.fixOpt': 'remove leftovers of a crashed or interrupted lab',
  'cli.doctor.help': 'Examples:\n  sudo dnlab doctor\n  sudo dnlab doctor --fix',
} as const satisfies Record<string, string>;
