import { links } from './links.js';

/** English messages for the checks area (keys: `check.<kind>.*`). Placeholders are `{name}`. */
export const checks = {
  // Links inside containers and their host ends (./links.ts).
  ...links,
  // Shared by several checkers.
  'check.common.none': 'none',
  'check.common.noHost':
    "There are no facts for lab host {host}: is it one of this lesson's hosts?",
  'check.common.engineError': "Could not read {host}'s Docker engine: {error}.",
  'check.common.noContainer':
    'There is no container named {container} on {host} (containers there: {others}).',
  'check.common.noNetwork':
    'There is no network named {network} on {host} (networks there: {others}).',
  'check.common.notRunning': '{container} exists but is not running ({status}).',
  'check.common.probeMissing':
    'The test from {from} did not run (no result for "{probe}"): check again.',
  'check.probe.noTool':
    'This machine has no {tool} where dnlab looks for it: install {package} (apt-get install {package}).',
  'check.probe.badApplet': '"{tool}" is not a probe dnlab runs (ping, nc, nslookup or ip)',
  'check.probe.noHostNs':
    "Could not reach {host}'s namespaces (no process of the host is running): try dnlab reset {host}",
  'check.probe.noResolvConf': "the container's /etc/resolv.conf could not be read",
  'check.probe.file.missing': '{path}: no such file in the container',
  'check.probe.file.notAFile':
    '{path} is not a regular file but {detail}: only regular files are read',
  'check.probe.file.notADirectory': '{path}: a part of the path is not a folder',
  'check.probe.file.tooLarge':
    '{path}: file is larger than 1 MiB ({detail} bytes), so it is not read',
  'check.probe.file.tooManyLinks': '{path}: too many symbolic links',
  'check.probe.file.unreadable': '{path} could not be read ({detail})',
  'check.probe.kind.directory': 'a folder',
  'check.probe.kind.chardev': 'a character device',
  'check.probe.kind.blockdev': 'a block device',
  'check.probe.kind.fifo': 'a named pipe',
  'check.probe.kind.socket': 'a socket',
  'check.probe.kind.special': 'a special file',
  'check.common.probeError': 'The test from {from} could not run: {line}.',

  // Values shown as "expected" / "seen", and words filled into sentences.
  'check.value.running': 'running',
  'check.value.stopped': 'stopped',
  'check.value.containerStopped': '{container} stopped',
  'check.value.noSuchContainer': 'no such container',
  'check.value.noNetwork': 'no network',
  'check.value.networkInUse': '{network} ({count} attached)',
  'check.value.notOn': 'not on {network}',
  'check.value.ipOn': '{ip} on {network}',
  'check.value.onBridge': '{name} on {bridge}',
  'check.value.onHost': '{what} on {host}',
  'check.value.noAddress': 'no address',
  'check.value.noAddressOn': '{network} (no address)',
  'check.value.anAddress': 'an address',
  'check.value.addressIn': 'an address in {subnet}',
  'check.value.atLeast': 'at least {n}',
  'check.value.noAnswer': 'no answer',
  'check.value.noBridge': 'no bridge',
  'check.value.portExposed': '{port} exposed',
  'check.value.publishAllNothing': '-P, no exposed ports',
  'check.value.portTaken': '{status}: host port {hostPort} taken by {other}',
  'check.value.noPorts': 'no -p or -P',
  'check.value.empty': '(empty)',

  // Observers: what could not be read (these land in the check messages' {error}).
  'check.observe.engineDown': 'the Docker engine of {host} does not answer: {error}',
  'check.observe.engineStuck':
    '{error}: it may be stopped or overloaded. `dnlab restart-engine {host}` restarts it',
  'check.observe.engineExited':
    '{error}. The last line of its log ({log}): {line}. Fix /etc/docker/daemon.json on {host}, then restart the engine (restart-docker)',
  'check.observe.engineExitedNoLog':
    '{error}. Fix /etc/docker/daemon.json on {host}, then restart the engine (restart-docker)',
  'check.observe.daemonJsonObject': 'daemon.json must hold a JSON object ({ … })',
  'check.observe.cannotRead': 'cannot read {file}: {error}',
  'check.deadline.passed': 'The check did not answer within {seconds} s: still {what}.',
  'check.phase.observe': 'reading {hosts} (Engine API, links and routes, daemon.json)',
  'check.phase.deferred': "reading container links and routes or the firewall on {hosts}",
  'check.phase.probes': 'running {count} probes on {hosts}',
  'check.observe.couldNotParse': 'could not parse: {error}',

  // Evaluation: params, needs, features.
  'check.params.invalid': 'Check {id} ({kind}) is written wrongly: param {param}: {problem}.',
  'check.params.missing': 'missing (expected {expected})',
  'check.params.unknown': 'unknown param',
  'check.params.unknownKind': 'no checker of kind {kind}',
  'check.params.unknownKindResult': 'Check {id} names an unknown kind: {kind}.',
  'check.eval.skipped': 'needs {feature}, not available on this machine',
  'check.eval.notForEngine': 'not judged on this engine: this step is for Docker {range}, the lab runs {version}',
  'check.eval.waiting': 'waiting on {need} (it must pass first)',
  'check.eval.unknownNeed': '{id} needs {need}, but this step has no check with that id.',
  'check.eval.cycle': '{id} and {need} need each other: the step\'s "needs" form a cycle.',
  'check.eval.crashed': 'The {kind} check failed to run: {error}.',

  'check.network-exists.ok': 'Network {network} exists ({details}).',
  'check.network-exists.driver': '{network} uses the {seen} driver; this step asks for {expected}.',
  'check.network-exists.subnet': '{network} has subnet {seen}; this step asks for {expected}.',
  'check.network-exists.subnetWithin':
    '{network} has subnet {seen}, which is not inside {expected}.',
  'check.network-exists.gateway': "{network}'s gateway is {seen}; this step asks for {expected}.",
  'check.network-exists.gatewayUnknown':
    "{network}'s gateway could not be found (IPAM names none and no bridge address lies in its subnet); this step asks for {expected}.",
  'check.network-exists.internal':
    '{network} is internal (--internal); this step asks for a network that is not.',
  'check.network-exists.notInternal': '{network} is not internal: create it with --internal.',
  'check.network-exists.attachable':
    '{network} is attachable; this step asks for a network that is not.',
  'check.network-exists.notAttachable': '{network} is not attachable: create it with --attachable.',

  'check.network-absent.ok': 'There is no network {network} on {host}.',
  'check.network-absent.exists':
    'Network {network} ({driver}) still exists: remove it with docker network rm {network}.',
  'check.network-absent.inUse':
    'Network {network} still exists and {containers} still use it: disconnect or remove them, then docker network rm {network}.',

  'check.container-running.ok': '{container} is running.',
  'check.container-running.stopped': '{container} exists but is not running ({status}).',
  'check.container-running.exited':
    '{container} exists but exited with code {code} ({status}): docker logs {container} says why.',

  'check.container-stopped.ok': '{container} exists and is stopped ({status}).',
  'check.container-stopped.running':
    '{container} is still running ({status}): docker stop {container}.',
  'check.container-stopped.paused':
    '{container} is paused, not stopped: a paused container keeps its frozen processes, its network namespace and its veth. docker unpause {container}, then docker stop {container}.',
  'check.container-stopped.gone':
    'There is no container {container} on {host} (containers there: {others}): this step asks for it stopped, not removed. docker stop keeps a container (docker start brings it back); docker rm deletes it.',

  'check.container-on-network.ok': '{container} is on {network} with {ip}.',
  'check.container-on-network.missing':
    '{container} is not on {network}; it is on: {seen}. docker network connect {network} {container} adds a network to a running container.',
  'check.container-on-network.notRunning':
    '{container} is not running ({status}): a stopped container has no endpoint on {network}.',
  'check.container-on-network.sharedMode':
    '{container} runs with --network {mode}, so it cannot be on {network}: it has no network endpoints of its own.',
  'check.container-on-network.noIp': '{container} is on {network} but has no IPv4 address there.',
  'check.container-on-network.outside':
    "{container}'s address {ip} on {network} is outside the network's subnet {subnet}.",

  'check.container-not-on-network.ok': '{container} is not on {network} (it is on: {seen}).',
  'check.container-not-on-network.still':
    '{container} is still on {network} ({ip}): docker network disconnect {network} {container} removes it.',

  'check.container-ip.ipRefused':
    '{container} is {status}, not running: Docker would not start it with --ip {ip} on {network}. A fixed address needs a user-defined network created with --subnet (from Docker 29.1, any user-defined network whose subnet holds it). Remove it (docker rm {container}) and run it on such a network.',
  'check.container-ip.ok': '{container} has {ip} on {network}.',
  'check.container-ip.wrong': '{container} has {seen} on {network}; this step asks for {expected}.',
  'check.container-ip.wrongAny': '{container} has {seen}; this step asks for {expected}.',
  'check.container-ip.notOnNetwork': '{container} is not on {network} (it is on: {seen}).',

  'check.interface-count.ok': '{container} has {count} interface(s) besides lo: {names}.',
  'check.interface-count.wrong':
    '{container} has {count} interface(s) besides lo ({names}); this step asks for {expected}.',
  'check.interface-count.unread': 'The interfaces inside {container} could not be read.',

  'check.veth-peer-on-bridge.ok':
    "{container}'s {interface} pairs with {peer} (ifindex {ifindex}), a port of {master}.",
  'check.veth-peer-on-bridge.wrongBridge':
    "{container}'s {interface} pairs with {peer} (ifindex {ifindex}), a port of {master}; this step asks for {bridge}.",
  'check.veth-peer-on-bridge.noMaster':
    "{container}'s {interface} pairs with {peer} (ifindex {ifindex}), which is not a port of any bridge; this step asks for {bridge}.",
  'check.veth-peer-on-bridge.noInterface':
    '{container} has no interface {interface} (it has: {names}).',
  'check.veth-peer-on-bridge.notVeth':
    "{container}'s {interface} is a {kind} interface, not one end of a veth pair.",
  'check.veth-peer-on-bridge.noPeer':
    "{container}'s {interface} has its peer (ifindex {iflink}) outside {host}'s namespace: its network is not a local bridge (an overlay keeps it in a hidden namespace).",
  'check.veth-peer-on-bridge.noBridge':
    "{container}'s {interface} pairs with {peer} (on {master}), but its network has no Linux bridge to compare with: name one with bridge.",

  'check.file-names-veth.ok':
    "{path} in {holder} names {peer} (ifindex {ifindex}), the host end of {container}'s {interface} (iflink {iflink}).",
  'check.file-names-veth.otherContainer':
    "{path} in {holder} names {named}, but that is the host end of {owner}'s {ownerInterface} (whose iflink is {ownerIflink}). {container}'s {interface} has iflink {iflink}: its peer is the host link with ifindex {iflink}. Pair them by iflink and ifindex, not by name or order.",
  'check.file-names-veth.several':
    "{path} in {holder} names several containers' veths ({named}): write only the host end of {container}'s {interface}.",
  'check.file-names-veth.bridge':
    "{path} in {holder} names {named}, the bridge: {container}'s veth is one of its ports, not the bridge itself. Find the host link whose ifindex is {iflink} ({container}'s {interface} iflink).",
  'check.file-names-veth.notPeer':
    "{path} in {holder} names {named}, {host}'s link with ifindex {ifindex}, not the host end of {container}'s {interface}. (A container's eth0 and the host's eth0 are different links in different namespaces.) Find the host link whose ifindex is {iflink}.",
  'check.file-names-veth.gone':
    "{path} in {holder} names {named}, which is no link on {host} now. A veth lives only as long as its container's endpoint: docker stop deletes it, docker start makes a new pair with a new random name (the name says nothing about the container). {container}'s {interface} has iflink {iflink} now.",
  'check.file-names-veth.missing':
    "{path} in {holder} names no link of {host} ({seen}): write the name of the host link whose ifindex is {container}'s {interface} iflink ({iflink}).",
  'check.file-names-veth.unreadable':
    "Cannot read {path} in {holder}: {error}. Write the name of {container}'s host-side veth there.",
  'check.file-names-veth.noInterface':
    '{container} has no interface {interface} (it has: {names}).',
  'check.file-names-veth.noPeer':
    "{container}'s {interface} has no peer in {host}'s namespace (iflink {iflink}): there is no host-side veth to name.",

  'check.bridge-has-ports.ok': '{bridge} has {count} port(s): {names}.',
  'check.bridge-has-ports.count':
    '{bridge} has {count} port(s) ({names}); this step asks for {expected}.',
  'check.bridge-has-ports.min':
    '{bridge} has {count} port(s) ({names}); this step asks for at least {expected}.',
  'check.bridge-has-ports.noBridge':
    'There is no bridge {bridge} on {host} (bridges there: {bridges}).',
  'check.bridge-has-ports.containerMissing':
    'No veth of {container} is a port of {bridge} ({elsewhere}).',

  'check.port-published.ok': '{container} publishes {seen}.',
  'check.port-published.none':
    '{container} publishes no ports; this step asks for {expected} (docker run -p HOST:CONTAINER).',
  'check.port-published.other': '{container} publishes {seen}; this step asks for {expected}.',
  'check.port-published.hostPort': '{container} publishes {seen}; this step asks for {expected}.',
  'check.port-published.reversed':
    '{container} publishes {seen}: host and container ports are swapped. -p is HOST:CONTAINER, so this step needs -p {hostPort}:{containerPort}.',
  'check.port-published.protocol':
    '{container} publishes {seen}; this step asks for {expected}: add /{protocol} to -p.',
  'check.port-published.exposedOnly':
    '{container} exposes {port} but does not publish it: EXPOSE and --expose only document a port; -p publishes it (this step asks for {expected}).',
  'check.port-published.hostMode':
    "{container} runs with --network host, so Docker discarded its -p: its program listens on the host's own ports. This step asks for {expected} on a container with its own network.",
  'check.port-published.internal':
    '{container} is only on --internal networks, where Docker publishes no ports; this step asks for {expected}.',
  'check.port-published.loopbackOnly':
    '{container} publishes {seen}, on the loopback address only: other machines cannot reach it. This step asks for every address ({expected}).',
  'check.port-published.everyAddress':
    '{container} publishes {seen}, on every address; this step asks for {hostIp} only (-p {hostIp}:HOST:CONTAINER).',
  'check.port-published.hostIp': '{container} publishes {seen}; this step asks for it on {hostIp}.',
  'check.port-published.fixedHostPort':
    '{container} publishes {seen}, but you chose that host port; this step asks Docker to choose it: give -p only the container port (-p {containerPort}), or --expose it and use -P.',
  'check.port-published.notRunning':
    '{container} is not running ({status}), so it publishes nothing now; this step asks for {expected}.',
  'check.port-published.portTaken':
    '{container} is not running ({status}): it asks for host port {hostPort}, which {other} already publishes, so Docker could not start it ("port is already allocated"). Remove it (docker rm {container}) and run it again with a free host port; this step asks for {expected}.',
  'check.port-published.publishAllNothing':
    '{container} runs with -P but publishes nothing: -P publishes only the ports the image EXPOSEs or --expose names, and there are none. This step asks for {expected}.',
  'check.port-published.loopbackNotLan':
    '{container} publishes {seen}, on the loopback address only: other machines cannot reach it. This step asks for it on {hostIp}.',

  'check.ports-not-discarded.ok':
    '{container} asks for no published ports that its network mode ({mode}) would discard.',
  'check.ports-not-discarded.host':
    '{container} runs with --network host and {ports}: Docker discarded the ports (it only prints "WARNING: Published ports are discarded when using host network mode"). In host mode nothing is mapped: the program listens on {host}\'s own ports directly, so leave out -p and make the program itself listen on the port you want.',
  'check.ports-not-discarded.none':
    '{container} runs with --network none and {ports}: Docker ignores the ports without a word, since a container with only lo has nothing to publish from.',

  'check.nat-rule.ok': 'Found {rule}.',
  'check.nat-rule.missing': 'No {type} rule matches ({expected}); {type} rules seen: {seen}.',
  'check.nat-rule.none': 'There are no {type} rules; this step asks for {expected}.',
  'check.nat-rule.unknownSource':
    '{source} is neither a CIDR, an address, nor a network on {host}.',
  'check.nat-rule.containerNoIp':
    '{container} has no IPv4 address, so no NAT rule can point at it (is it running?).',
  'check.nat-rule.unread': "Could not read {host}'s firewall rules: {error}.",

  'check.firewall-rule.ok': '{chain} has {rule}: {target} for traffic from {who}.',
  'check.firewall-rule.noIp':
    '{container} has no IPv4 address, so no rule can match it (is it running?).',
  'check.firewall-rule.noChain':
    'There is no {chain} chain in the filter table on {host} (firewall backend {backend}; {error}). Docker 29 with the nftables backend makes no DOCKER-USER chain.',
  'check.firewall-rule.unreached':
    '{rule} comes after {stop} in {chain}, so no packet reaches it: insert it at the top with iptables -I {chain} (not -A).',
  'check.firewall-rule.otherChain':
    "The {target} rule for {who} is in {other} ({rule}), not in {chain}: forwarded container traffic meets Docker's own ACCEPT rules in FORWARD first, and INPUT/OUTPUT never see it. Put it in {chain}: iptables -I {chain} -s {ip} -j {target}.",
  'check.firewall-rule.otherSource': '{chain} has {target} rules for {seen}, but none for {who}.',
  'check.firewall-rule.none':
    '{chain} has no {target} rule for {who}: add one with iptables -I {chain} -s {ip} -j {target}.',

  'check.reach.noSharedNetwork':
    '{from} and {to} share no network ({from}: {fromNets}; {to}: {toNets}): containers reach each other over a network they are both on.',
  'check.reach.targetNoIp': '{to} has no IPv4 address to reach ({toNets}): is it running?',
  'check.reach.unresolved': '{to} is neither an address, a container, nor a lab host.',
  'check.reachable.ok': '{from} reaches {target} with {what}.',
  'check.reachable.timeout':
    '{from} got no answer from {target} to {what} within {seconds} s: the traffic is dropped or never arrives.',
  'check.reachable.refused':
    '{target} answered {from}, but nothing listens on {what} (connection refused).',
  'check.reachable.publishedElsewhere':
    '{target} refuses {what} from {from}: {container} publishes that port on {hostIp} only, an address {from} cannot use. Publish it on every address (-p {port}:…) or on {ip} (-p {ip}:{port}:…).',
  'check.reachable.noRoute': '{from} has no route to {target} for {what}.',
  'check.reachable.udpRefused':
    '{target} answered {from} with "port unreachable": nothing listens on {what}.',
  'check.reachable.udpSilent':
    'No reply from {target} to {what} within {seconds} s. A UDP service proves it is reachable only by answering: this test sends a DNS query, so the service there must answer DNS.',
  'check.not-reachable.ok':
    '{from} gets no answer from {target} to {what} within {seconds} s, as this step asks.',
  'check.not-reachable.okRefused':
    '{target} refuses {what} from {from}: nothing listens there, as this step asks.',
  'check.not-reachable.okNoRoute':
    '{from} has no route to {target}, so {what} gets no answer, as this step asks.',
  'check.not-reachable.reached':
    '{from} still reaches {target} with {what}; this step asks that it cannot.',

  'check.dns-resolves.byHand':
    "{container}'s /etc/hosts maps {name} to {seen} by hand: that does not count, since Docker did not put it there (--add-host or --link), so this check asks Docker's DNS.",
  'check.dns-resolves.ok': '{name} resolves to {seen} from {container}.',
  'check.dns-resolves.okNx':
    '{name} does not resolve from {container} ({seen}), as this step expects.',
  'check.dns-resolves.resolvedNx':
    '{name} resolves to {seen} from {container}; this step expects it not to resolve.',
  'check.dns-resolves.wrong':
    '{name} resolves to {seen} from {container}; this step expects {expected}.',
  'check.dns-resolves.nxdomain':
    '{name} does not resolve from {container} (NXDOMAIN); this step expects {expected}.',
  'check.dns-resolves.noAnswer':
    '{name} does not resolve from {container}: no DNS server answered; this step expects {expected}.',
  'check.dns-resolves.defaultBridge':
    '{name} does not resolve from {container}: {container} is only on the default bridge, which has no embedded DNS, so container names do not resolve there. Put both containers on a user-defined network.',
  'check.dns-resolves.otherNetwork':
    "{name} does not resolve from {container} (NXDOMAIN): it is {owner}'s {what} on {network}, and {container} is not on {network} (it is on: {networks}). Names and aliases resolve only between containers that share a network; this step expects {expected}.",

  'check.network-mode.ok': '{container} runs with network mode {seen}.',
  'check.network-mode.wrong':
    '{container} runs with network mode {seen}; this step asks for {expected}.',
  'check.network-mode.otherContainer':
    "{container} shares {peer}'s network namespace; this step asks for {want}'s.",
  'check.network-mode.userNetwork':
    '{container} is on the user-defined network {seen}, not on the default bridge.',

  'check.file-contains.ok': '{path} in {container} contains {what}.',
  'check.file-contains.exists': '{path} exists in {container}.',
  'check.file-contains.noText': '{path} in {container} does not contain {what}.',
  'check.file-contains.noMatch': '{path} in {container} has no line matching {what}.',
  'check.file-contains.unreadable': 'Cannot read {path} in {container}: {error}.',

  'check.daemon-setting.bipOk': '{bridge} has {seen}, as bip {expected} asks.',
  'check.daemon-setting.bipUnset':
    '{bridge} has {seen}; this step asks for bip {expected}: set "bip" in daemon.json and restart the daemon.',
  'check.daemon-setting.bipWrong':
    'daemon.json sets bip to {configured} and {bridge} has {seen}; this step asks for {expected}.',
  'check.daemon-setting.bipNetworkAddress':
    "daemon.json sets bip to {configured}, a network address: bip is {bridge}'s own address with its prefix, like {expected}.",
  'check.daemon-setting.bipNoPrefix':
    'daemon.json sets bip to {configured}, with no prefix length: dockerd refuses it ("parse bip failed: invalid CIDR address") and does not start. Write {bridge}\'s address with its prefix, like {expected}, then restart-docker.',
  'check.daemon-setting.bipInvalid':
    'daemon.json sets bip to {configured}, which is not an IPv4 address with a prefix: dockerd refuses it and does not start. Write {bridge}\'s address with its prefix, like {expected}, then restart-docker.',
  'check.daemon-setting.restart':
    'daemon.json says {setting} {configured} but the daemon still runs with {running}: restart it.',
  'check.daemon-setting.invalidJson':
    'daemon.json is not valid JSON ({error}): the daemon will not start with it; fix the file.',
  'check.daemon-setting.poolsOk':
    'The daemon allocates from {seen}: new networks get their subnets there (docker0 and existing networks keep theirs).',
  'check.daemon-setting.poolsWrong':
    'The daemon allocates from {seen}; this step asks for default-address-pools {expected} (daemon.json has: {configured}).',
  'check.daemon-setting.dnsOk':
    'daemon.json sets dns to {seen} (containers started after the daemon restarts use it).',
  'check.daemon-setting.dnsWrong': 'daemon.json sets dns to {seen}; this step asks for {expected}.',

  'check.swarm-nodes.ok': 'The swarm has {count} {ready}node(s): {nodes}.',
  'check.swarm-nodes.wrong':
    'The swarm has {count} {ready}node(s) ({nodes}); this step asks for {expected}.',
  'check.swarm-nodes.notActive':
    '{host} is not in a swarm (state {state}): docker swarm init, or docker swarm join.',
  'check.swarm-nodes.notManager': "{host} is a worker: only a manager lists the swarm's nodes.",

  'check.overlay-vxlan.ok': '{network} is an overlay network with VXLAN id {seen}.',
  'check.overlay-vxlan.notOverlay':
    '{network} is a {driver} network; this step asks for an overlay network (docker network create -d overlay).',
  'check.overlay-vxlan.noId': '{network} has no VXLAN id in its options.',
  'check.overlay-vxlan.wrongId': '{network} has VXLAN id {seen}; this step asks for {expected}.',
  'check.overlay-vxlan.lazy':
    '{network} does not exist on {host} yet: on a worker, an overlay network appears once a container or task there uses it.',
  'check.netns-link.ok': '{where} has {link}{peer}.',
  'check.netns-link.exists': 'Namespace {netns} exists on {host} (links: {links}).',
  'check.netns-link.noNetns':
    'There is no network namespace {netns} on {host} (ip netns list: {others}).',
  'check.netns-link.noLink': '{where} has no link named {link} (links there: {links}).',
  'check.netns-link.noKind': '{where} has no {kind} link (links there: {links}).',
  'check.netns-link.wrongKind': '{link} in {where} is a {seen}, not a {kind}.',
  'check.netns-link.noAddress': '{where} has no address {address} (addresses: {seen}).',
  'check.netns-link.prefix':
    '{where} has {seen}: the right address with the wrong prefix; this step asks for {address}.',
  'check.netns-link.noAddressIn': '{where} has no address in {subnet} (addresses: {seen}).',
  'check.netns-link.prefixIn':
    '{where} has {seen}: inside {subnet} but with another prefix; give it {expected} so the whole subnet is on that link.',
  'check.netns-link.down': '{link} in {where} is down: ip {netns}link set {link} up.',
  'check.netns-link.notDown': '{link} in {where} is up; this step asks for it down.',
  'check.netns-link.notPort': '{link} in {where} is not a port of {bridge} (master: {seen}).',
  'check.netns-link.noPeer':
    "{link} in {where} is not a veth whose peer is in {host}'s own namespace.",
  'check.netns-link.peerNotPort':
    'The peer of {link} in {where} is {peer} on {host}, which is not a port of {bridge} (master: {seen}): ip link set {peer} master {bridge}.',
  'check.netns-link.peerDown':
    'The peer of {link} in {where} is {peer}, a port of {bridge}, but it is down: ip link set {peer} up.',

  'check.netns-route.ok': '{where} has the route {route}.',
  'check.netns-route.noDefault': '{where} has no default route (routes: {routes}).',
  'check.netns-route.noRoute': '{where} has no route to {dst} (routes: {routes}).',
  'check.netns-route.wrongVia': 'In {where}, {route} is "{seen}"; this step asks for via {via}.',
  'check.netns-route.wrongDev': 'In {where}, {route} is "{seen}"; this step asks for dev {dev}.',

  'check.netns-reachable.ok': '{netns} reaches {to} with {what}.',
  'check.netns-reachable.noRoute': '{netns} cannot reach {to}: no route ({line}).',
  'check.netns-reachable.timeout':
    '{netns} cannot reach {to}: no answer to {what} within {seconds} s ({line}).',
  'check.netns-reachable.refused':
    '{netns} reaches {to}, but nothing answers on {what} (connection refused).',

  'check.file-has-fact.hostRoutes':
    "{container}:{path} holds the host's routes (a route through a Docker bridge), not {of}'s own: run ip route inside {of}'s network namespace (nsenter -t <pid> -n ip route) and save that.",
  'check.file-has-fact.ok': "{path} in {container} holds {of}'s {fact}.",
  'check.file-has-fact.missing':
    "{path} in {container} does not hold {of}'s {fact}; the file has: {seen}.",
  'check.file-has-fact.other': "{path} in {container} holds {of}'s {other}, not its {fact}.",
  'check.file-has-fact.noValue':
    '{of} has no {fact} to find (its networks: {networks}; a stopped container has no sandbox).',
  'check.file-has-fact.unreadable': 'Cannot read {path} in {container}: {error}.',

  // Words filled into the sentences above, and expected/seen values of single kinds.
  'check.reach.ping': 'ping',
  'check.reach.port': '{protocol} port {port}',
  'check.reach.expected': 'reply from {to} ({ip}) to {what}',
  'check.reach.expectedNone': 'no reply from {to} ({ip}) to {what}',
  'check.reach.sharedExpected': '{from} and {to} on one network',
  'check.reach.seen.reached': 'reached',
  'check.reach.seen.refused': 'refused',
  'check.reach.seen.timeout': 'timeout',
  'check.reach.seen.unreachable': 'unreachable',
  'check.reach.seen.error': 'error',
  'check.netns-reachable.expected': 'reply from {to} to {what} from {netns}',
  'check.netns-link.plainLink': 'plain link',
  'check.netns-link.kindLink': 'a {kind} link',
  'check.netns-link.namespace': 'namespace {netns}',
  'check.netns-link.vethPeerOn': 'a veth whose peer is a port of {bridge} on {host}',
  'check.netns-link.peerText': ', its peer {peer} a port of {bridge}',
  'check.netns-route.default': 'the default route',
  'check.netns-route.to': 'the route to {dst}',
  'check.swarm-nodes.readyWord': 'ready ',
  'check.swarm-nodes.expected': '{count} {ready}node(s)',
  'check.swarm-nodes.worker': 'worker',
  'check.overlay-vxlan.expected': 'overlay, VXLAN id {id}',
  'check.overlay-vxlan.expectedAny': 'overlay with a VXLAN id',
  'check.dns-resolves.alias': 'alias',
  'check.dns-resolves.name': 'name',
  'check.daemon-setting.builtinPools': 'built-in pools',
  'check.file-has-fact.expected': "{path} holding {of}'s {fact}",
  'check.file-has-fact.fact.id': 'container ID',
  'check.file-has-fact.fact.sandboxKey': 'SandboxKey',
  'check.file-has-fact.fact.pid': 'Pid (State.Pid)',
  'check.file-has-fact.fact.netnsInode': 'network namespace inode',
  'check.file-has-fact.fact.endpointId': 'EndpointID',
  'check.file-has-fact.fact.networkId': 'NetworkID',
  'check.file-has-fact.fact.ip': 'IP address',
  'check.file-has-fact.fact.gateway': 'gateway',
  'check.file-has-fact.fact.mac': 'MAC address',
} as const satisfies Record<string, string>;
