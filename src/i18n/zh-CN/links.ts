import type { links as en } from '../en/links.js';

/** 容器内链路及其主机端的检查消息。 */
export const links: Record<keyof typeof en, string> = {
  'check.container-link.ok': '{container} 的命名空间里有 {link}。',
  'check.container-link.noLink': '{container} 里没有接口 {link}（现有：{links}）。',
  'check.container-link.noAddress':
    '{container} 里的 {link} 上没有 {address}（现有 {seen}）。请以主机 root 身份在 {container} 的网络命名空间里添加：nsenter --net=<它的 SandboxKey> ip addr add {address} dev {link}；docker exec 做不到（容器没有 CAP_NET_ADMIN）。',
  'check.container-link.prefix':
    '{container} 里的 {link} 上是 {seen}：地址对了，前缀长度不对；这一步要求 {address}。',
  'check.container-link.otherLink':
    '{container} 把 {address} 配在了 {other} 上，而不是 {link}：用 dev {link} 指明接口。',
  'check.container-link.onHost':
    '{address} 配在了 {host} 自己的接口上，而不是 {container} 里的 {link}：命令是在 {host} 自己的命名空间里执行的。请进入 {container} 的命名空间执行：nsenter --net=<它的 SandboxKey> … 或 nsenter -t <它的 pid> -n …。',
  'check.container-link.down': '{container} 里的 {link} 处于 down 状态。',
  'check.container-link.up': '{container} 里的 {link} 处于 up 状态；这一步要求它 down。',
  'check.veth-peer-on-bridge.peerUp':
    '{container} 的 {interface} 与 {master} 上的 {peer}（ifindex {ifindex}）成对，而 {peer} 仍是 UP：{container} 的网线没有断开。请把主机端设为 down：ip link set {peer} down。',
  'check.veth-peer-on-bridge.peerDown':
    '{container} 的 {interface} 与 {master} 上的 {peer}（ifindex {ifindex}）成对，而它是 DOWN：{container} 的网线在主机端被断开了。请把它恢复：ip link set {peer} up。',
};
