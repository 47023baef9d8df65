/** Messages of the checks on links inside containers and on their host ends. */
export const links = {
  'check.container-link.ok': "{container}'s namespace has {link}.",
  'check.container-link.noLink': '{container} has no link {link} (it has: {links}).',
  'check.container-link.noAddress':
    "{link} in {container} does not hold {address} (it has {seen}). Add it inside {container}'s network namespace: nsenter --net=<its SandboxKey> ip addr add {address} dev {link}, as root on the host; docker exec cannot (the container lacks CAP_NET_ADMIN).",
  'check.container-link.prefix':
    '{link} in {container} has {seen}: the right address with the wrong prefix; this step asks for {address}.',
  'check.container-link.otherLink':
    '{container} holds {address} on {other}, not on {link}: name the link with dev {link}.',
  'check.container-link.onHost':
    "{address} is on a link of {host} itself, not on {link} in {container}: the command ran in {host}'s own namespace. Run it inside {container}'s: nsenter --net=<its SandboxKey> … or nsenter -t <its pid> -n ….",
  'check.container-link.down': '{link} in {container} is down.',
  'check.container-link.up': '{link} in {container} is up; this step asks for it down.',
  'check.veth-peer-on-bridge.peerUp':
    "{container}'s {interface} pairs with {peer} (ifindex {ifindex}) on {master}, and {peer} is still UP: {container}'s cable is not cut. Set the host end down: ip link set {peer} down.",
  'check.veth-peer-on-bridge.peerDown':
    "{container}'s {interface} pairs with {peer} (ifindex {ifindex}) on {master}, which is DOWN: {container}'s cable is cut on the host side. Bring it up: ip link set {peer} up.",
};
