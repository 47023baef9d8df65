import type { checks as en } from '../en/checks.js';
import { links } from './links.js';

/**
 * 简体中文: the `checks` part of the catalogue. Keys and {placeholders} as in ../en/checks.ts.
 * Terms as docs/glossary.md fixes them; commands, flags and names stay in English. Every sentence
 * keeps the expected (期望) and seen (实际) values its English sentence has.
 */
export const checks: Record<keyof typeof en, string> = {
  ...links,
  // Shared by several checkers.
  'check.common.none': '无',
  'check.common.noHost': '没有实验主机 {host} 的观测数据：它是本课程的主机吗？',
  'check.common.engineError': '无法读取 {host} 的 Docker 引擎：{error}。',
  'check.common.noContainer': '{host} 上没有名为 {container} 的容器（那里的容器：{others}）。',
  'check.common.noNetwork': '{host} 上没有名为 {network} 的网络（那里的网络：{others}）。',
  'check.common.notRunning': '{container} 存在，但没有在运行（{status}）。',
  'check.common.probeMissing': '从 {from} 发起的测试没有运行（"{probe}" 没有结果）：请重新检查。',
  'check.probe.noTool':
    '本机在 dnlab 查找的位置没有 {tool}：请安装 {package}（apt-get install {package}）。',
  'check.probe.badApplet': '“{tool}”不是 dnlab 会运行的探测程序（只有 ping、nc、nslookup 或 ip）',
  'check.probe.noHostNs':
    '无法进入 {host} 的命名空间（该主机上没有正在运行的进程）：请试试 dnlab reset {host}',
  'check.probe.noResolvConf': '无法读取容器的 /etc/resolv.conf',
  'check.probe.file.missing': '{path}：容器中没有这个文件',
  'check.probe.file.notAFile': '{path} 不是普通文件，而是{detail}：只读取普通文件',
  'check.probe.file.notADirectory': '{path}：路径中有一部分不是文件夹',
  'check.probe.file.tooLarge': '{path}：文件大于 1 MiB（{detail} 字节），因此不读取',
  'check.probe.file.tooManyLinks': '{path}：符号链接太多',
  'check.probe.file.unreadable': '无法读取 {path}（{detail}）',
  'check.probe.kind.directory': '文件夹',
  'check.probe.kind.chardev': '字符设备',
  'check.probe.kind.blockdev': '块设备',
  'check.probe.kind.fifo': '命名管道',
  'check.probe.kind.socket': '套接字',
  'check.probe.kind.special': '特殊文件',
  'check.common.probeError': '从 {from} 发起的测试无法运行：{line}。',

  // Values shown as "expected" / "seen", and words filled into sentences.
  'check.value.running': '运行中',
  'check.value.stopped': '已停止',
  'check.value.containerStopped': '{container} 已停止',
  'check.value.noSuchContainer': '没有这个容器',
  'check.value.noNetwork': '没有该网络',
  'check.value.networkInUse': '{network}（连接着 {count} 个容器）',
  'check.value.notOn': '不在 {network} 上',
  'check.value.ipOn': '{network} 上的 {ip}',
  'check.value.onBridge': '{bridge} 上的 {name}',
  'check.value.onHost': '{host} 上的 {what}',
  'check.value.noAddress': '没有地址',
  'check.value.noAddressOn': '{network}（没有地址）',
  'check.value.anAddress': '一个地址',
  'check.value.addressIn': '{subnet} 内的地址',
  'check.value.atLeast': '至少 {n}',
  'check.value.noAnswer': '无应答',
  'check.value.noBridge': '不在网桥上',
  'check.value.portExposed': '{port} 仅声明（EXPOSE），未发布',
  'check.value.publishAllNothing': '-P，但没有声明的端口',
  'check.value.portTaken': '{status}：主机端口 {hostPort} 已被 {other} 占用',
  'check.value.noPorts': '不带 -p 或 -P',
  'check.value.empty': '（空）',

  // Observers.
  'check.observe.engineDown': '{host} 的 Docker 引擎没有响应：{error}',
  'check.observe.engineStuck':
    '{error}：它可能被暂停了，或者负载太高。`dnlab restart-engine {host}` 可以重启它',
  'check.observe.engineExited':
    '{error}。它的日志（{log}）最后一行是：{line}。请修改 {host} 上的 /etc/docker/daemon.json，然后重启引擎（restart-docker）',
  'check.observe.engineExitedNoLog':
    '{error}。请修改 {host} 上的 /etc/docker/daemon.json，然后重启引擎（restart-docker）',
  'check.observe.daemonJsonObject': 'daemon.json 的内容必须是一个 JSON 对象（{ … }）',
  'check.observe.cannotRead': '无法读取 {file}：{error}',
  'check.deadline.passed': '检查在 {seconds} 秒内没有完成：仍在{what}。',
  'check.phase.observe': '读取 {hosts}（Engine API、链路和路由、daemon.json）',
  'check.phase.deferred': '读取 {hosts} 上容器的链路和路由或防火墙规则',
  'check.phase.probes': '在 {hosts} 上运行 {count} 个探测',
  'check.observe.couldNotParse': '无法解析：{error}',

  // Evaluation: params, needs, features.
  'check.params.invalid': '检查 {id}（{kind}）写得不对：参数 {param}：{problem}。',
  'check.params.missing': '缺少（期望 {expected}）',
  'check.params.unknown': '未知参数',
  'check.params.unknownKind': '没有 {kind} 类型的检查器',
  'check.params.unknownKindResult': '检查 {id} 使用了未知的类型：{kind}。',
  'check.eval.skipped': '需要 {feature}，本机不支持',
  'check.eval.notForEngine':
    '此引擎上不判定：这一步针对 Docker {range}，实验环境运行的是 {version}',
  'check.eval.waiting': '等待 {need}（它必须先通过）',
  'check.eval.unknownNeed': '{id} 依赖 {need}，但本步骤没有这个 id 的检查。',
  'check.eval.cycle': '{id} 和 {need} 互相依赖：本步骤的 "needs" 形成了循环。',
  'check.eval.crashed': '{kind} 检查运行失败：{error}。',

  'check.network-exists.ok': '网络 {network} 已存在（{details}）。',
  'check.network-exists.driver': '{network} 使用的是 {seen} 驱动；本步骤要求 {expected}。',
  'check.network-exists.subnet': '{network} 的子网是 {seen}；本步骤要求 {expected}。',
  'check.network-exists.subnetWithin': '{network} 的子网是 {seen}，不在 {expected} 之内。',
  'check.network-exists.gateway': '{network} 的网关是 {seen}；本步骤要求 {expected}。',
  'check.network-exists.gatewayUnknown':
    '找不到 {network} 的网关（IPAM 没有指定，网桥也没有位于其子网内的地址）；本步骤要求 {expected}。',
  'check.network-exists.internal': '{network} 是内部网络（--internal）；本步骤要求的不是内部网络。',
  'check.network-exists.notInternal': '{network} 不是内部网络：请用 --internal 创建它。',
  'check.network-exists.attachable':
    '{network} 是 attachable 的；本步骤要求的网络不是 attachable。',
  'check.network-exists.notAttachable': '{network} 不是 attachable 的：请用 --attachable 创建它。',

  'check.network-absent.ok': '{host} 上没有网络 {network}。',
  'check.network-absent.exists':
    '网络 {network}（{driver}）仍然存在：用 docker network rm {network} 删除它。',
  'check.network-absent.inUse':
    '网络 {network} 仍然存在，而且 {containers} 仍在使用它：先断开或删除这些容器，再执行 docker network rm {network}。',

  'check.container-running.ok': '{container} 正在运行。',
  'check.container-running.stopped': '{container} 存在，但没有在运行（{status}）。',
  'check.container-running.exited':
    '{container} 存在，但已退出，退出码 {code}（{status}）：docker logs {container} 会告诉你原因。',

  'check.container-stopped.ok': '{container} 存在且已停止（{status}）。',
  'check.container-stopped.running': '{container} 仍在运行（{status}）：docker stop {container}。',
  'check.container-stopped.paused':
    '{container} 是暂停，不是停止：暂停的容器保留着被冻结的进程、它的网络命名空间和它的 veth。先 docker unpause {container}，再 docker stop {container}。',
  'check.container-stopped.gone':
    '{host} 上没有容器 {container}（那里的容器：{others}）：本步骤要求它停止，而不是删除。docker stop 会保留容器（docker start 能让它回来）；docker rm 会删除它。',

  'check.container-on-network.ok': '{container} 在 {network} 上，地址 {ip}。',
  'check.container-on-network.missing':
    '{container} 不在 {network} 上；它在：{seen}。docker network connect {network} {container} 可以把运行中的容器连接到一个网络。',
  'check.container-on-network.notRunning':
    '{container} 没有在运行（{status}）：停止的容器在 {network} 上没有端点。',
  'check.container-on-network.sharedMode':
    '{container} 以 --network {mode} 运行，所以它不可能在 {network} 上：它没有自己的网络端点。',
  'check.container-on-network.noIp': '{container} 在 {network} 上，但在那里没有 IPv4 地址。',
  'check.container-on-network.outside':
    '{container} 在 {network} 上的地址 {ip} 不在该网络的子网 {subnet} 之内。',

  'check.container-not-on-network.ok': '{container} 不在 {network} 上（它在：{seen}）。',
  'check.container-not-on-network.still':
    '{container} 仍在 {network} 上（{ip}）：docker network disconnect {network} {container} 可以断开它。',

  'check.container-ip.ipRefused':
    '{container} 处于 {status} 状态，没有运行：Docker 不肯在 {network} 上用 --ip {ip} 启动它。固定地址需要一个用 --subnet 创建的自定义网络（从 Docker 29.1 起，只要自定义网络的子网包含这个地址即可）。先删除它（docker rm {container}），再在这样的网络上运行。',
  'check.container-ip.ok': '{container} 在 {network} 上的地址是 {ip}。',
  'check.container-ip.wrong': '{container} 在 {network} 上的地址是 {seen}；本步骤要求 {expected}。',
  'check.container-ip.wrongAny': '{container} 的地址是 {seen}；本步骤要求 {expected}。',
  'check.container-ip.notOnNetwork': '{container} 不在 {network} 上（它在：{seen}）。',

  'check.interface-count.ok': '除 lo 外，{container} 有 {count} 个接口：{names}。',
  'check.interface-count.wrong':
    '除 lo 外，{container} 有 {count} 个接口（{names}）；本步骤要求 {expected} 个。',
  'check.interface-count.unread': '无法读取 {container} 内部的接口。',

  'check.veth-peer-on-bridge.ok':
    '{container} 的 {interface} 与 {peer}（ifindex {ifindex}）配对，{peer} 是 {master} 的网桥端口。',
  'check.veth-peer-on-bridge.wrongBridge':
    '{container} 的 {interface} 与 {peer}（ifindex {ifindex}）配对，{peer} 是 {master} 的网桥端口；本步骤要求 {bridge}。',
  'check.veth-peer-on-bridge.noMaster':
    '{container} 的 {interface} 与 {peer}（ifindex {ifindex}）配对，但 {peer} 不是任何网桥的端口；本步骤要求 {bridge}。',
  'check.veth-peer-on-bridge.noInterface': '{container} 没有接口 {interface}（它有：{names}）。',
  'check.veth-peer-on-bridge.notVeth':
    '{container} 的 {interface} 是 {kind} 接口，不是 veth 对的一端。',
  'check.veth-peer-on-bridge.noPeer':
    '{container} 的 {interface} 的对端（ifindex {iflink}）不在 {host} 的命名空间里：它的网络不是本地网桥（覆盖网络把对端放在一个隐藏的命名空间里）。',
  'check.veth-peer-on-bridge.noBridge':
    '{container} 的 {interface} 与 {peer}（在 {master} 上）配对，但它的网络没有可比较的 Linux 网桥：请用 bridge 指定一个。',

  'check.file-names-veth.ok':
    '{holder} 中的 {path} 写的是 {peer}（ifindex {ifindex}），正是 {container} 的 {interface}（iflink {iflink}）在主机一侧的那一端。',
  'check.file-names-veth.otherContainer':
    '{holder} 中的 {path} 写的是 {named}，但它是 {owner} 的 {ownerInterface}（iflink 为 {ownerIflink}）在主机一侧的那一端。{container} 的 {interface} 的 iflink 是 {iflink}：它的对端是 ifindex 为 {iflink} 的主机链路。请按 iflink 和 ifindex 配对，而不是按名称或顺序。',
  'check.file-names-veth.several':
    '{holder} 中的 {path} 写了多个容器的 veth（{named}）：只写 {container} 的 {interface} 在主机一侧的那一端。',
  'check.file-names-veth.bridge':
    '{holder} 中的 {path} 写的是 {named}，那是网桥：{container} 的 veth 是它的一个端口，而不是网桥本身。请找出 ifindex 为 {iflink}（{container} 的 {interface} 的 iflink）的主机链路。',
  'check.file-names-veth.notPeer':
    '{holder} 中的 {path} 写的是 {named}，它是 {host} 上 ifindex 为 {ifindex} 的链路，不是 {container} 的 {interface} 在主机一侧的那一端。（容器的 eth0 和主机的 eth0 是不同命名空间里的不同链路。）请找出 ifindex 为 {iflink} 的主机链路。',
  'check.file-names-veth.gone':
    '{holder} 中的 {path} 写的是 {named}，但 {host} 上现在没有这个链路。veth 只在其容器的端点存在时存在：docker stop 会删除它，docker start 会新建一对名字随机的 veth（名字与容器无关）。{container} 的 {interface} 现在的 iflink 是 {iflink}。',
  'check.file-names-veth.missing':
    '{holder} 中的 {path} 没有写 {host} 的任何链路（{seen}）：请写上 ifindex 等于 {container} 的 {interface} 的 iflink（{iflink}）的那条主机链路的名字。',
  'check.file-names-veth.unreadable':
    '无法读取 {holder} 中的 {path}：{error}。请把 {container} 在主机一侧的 veth 名字写进去。',
  'check.file-names-veth.noInterface': '{container} 没有接口 {interface}（它有：{names}）。',
  'check.file-names-veth.noPeer':
    '{container} 的 {interface} 在 {host} 的命名空间里没有对端（iflink {iflink}）：没有主机一侧的 veth 可写。',

  'check.bridge-has-ports.ok': '{bridge} 有 {count} 个端口：{names}。',
  'check.bridge-has-ports.count':
    '{bridge} 有 {count} 个端口（{names}）；本步骤要求 {expected} 个。',
  'check.bridge-has-ports.min':
    '{bridge} 有 {count} 个端口（{names}）；本步骤要求至少 {expected} 个。',
  'check.bridge-has-ports.noBridge': '{host} 上没有网桥 {bridge}（那里的网桥：{bridges}）。',
  'check.bridge-has-ports.containerMissing':
    '{container} 的 veth 都不是 {bridge} 的端口（{elsewhere}）。',

  'check.port-published.ok': '{container} 发布了 {seen}。',
  'check.port-published.none':
    '{container} 没有发布任何端口；本步骤要求 {expected}（docker run -p HOST:CONTAINER）。',
  'check.port-published.other': '{container} 发布的是 {seen}；本步骤要求 {expected}。',
  'check.port-published.hostPort': '{container} 发布的是 {seen}；本步骤要求 {expected}。',
  'check.port-published.reversed':
    '{container} 发布的是 {seen}：主机端口和容器端口写反了。-p 的格式是 HOST:CONTAINER，所以本步骤需要 -p {hostPort}:{containerPort}。',
  'check.port-published.protocol':
    '{container} 发布的是 {seen}；本步骤要求 {expected}：在 -p 后面加上 /{protocol}。',
  'check.port-published.exposedOnly':
    '{container} 声明（EXPOSE）了 {port}，但没有发布它：EXPOSE 和 --expose 只是说明端口；-p 才发布端口（本步骤要求 {expected}）。',
  'check.port-published.hostMode':
    '{container} 以 --network host 运行，所以 Docker 丢弃了它的 -p：它的程序直接监听主机自己的端口。本步骤要求在有自己网络的容器上发布 {expected}。',
  'check.port-published.internal':
    '{container} 只在 --internal 网络上，Docker 不会在那里发布端口；本步骤要求 {expected}。',
  'check.port-published.loopbackOnly':
    '{container} 发布了 {seen}，但只在回环地址上：其他机器无法访问。本步骤要求在所有地址上发布（{expected}）。',
  'check.port-published.everyAddress':
    '{container} 在所有地址上发布了 {seen}；本步骤只要求在 {hostIp} 上（-p {hostIp}:HOST:CONTAINER）。',
  'check.port-published.hostIp': '{container} 发布的是 {seen}；本步骤要求发布在 {hostIp} 上。',
  'check.port-published.fixedHostPort':
    '{container} 发布了 {seen}，但这个主机端口是你指定的；这一步要让 Docker 来选：-p 只写容器端口（-p {containerPort}），或者用 --expose 声明后再加 -P。',
  'check.port-published.notRunning':
    '{container} 没有在运行（{status}），所以现在什么也没有发布；本步骤要求 {expected}。',
  'check.port-published.portTaken':
    '{container} 没有在运行（{status}）：它要求的主机端口 {hostPort} 已被 {other} 发布，所以 Docker 无法启动它（"port is already allocated"）。请删除它（docker rm {container}），再用一个空闲的主机端口重新运行；本步骤要求 {expected}。',
  'check.port-published.publishAllNothing':
    '{container} 以 -P 运行，但什么也没有发布：-P 只发布镜像 EXPOSE 的或 --expose 指定的端口，而这里一个也没有。本步骤要求 {expected}。',
  'check.port-published.loopbackNotLan':
    '{container} 发布了 {seen}，但只在回环地址上：其他机器无法访问。本步骤要求发布在 {hostIp} 上。',

  'check.ports-not-discarded.ok': '{container} 没有请求会被其网络模式（{mode}）丢弃的发布端口。',
  'check.ports-not-discarded.host':
    '{container} 以 --network host 运行，并且带有 {ports}：Docker 丢弃了这些端口（只打印一句 "WARNING: Published ports are discarded when using host network mode"）。host 模式下不做任何映射：程序直接监听 {host} 自己的端口，所以去掉 -p，让程序本身监听你想要的端口。',
  'check.ports-not-discarded.none':
    '{container} 以 --network none 运行，并且带有 {ports}：Docker 一声不响地忽略了这些端口，因为只有 lo 的容器没有可以发布的东西。',

  'check.nat-rule.ok': '找到了 {rule}。',
  'check.nat-rule.missing':
    '没有匹配的 {type} 规则（期望 {expected}）；实际的 {type} 规则：{seen}。',
  'check.nat-rule.none': '没有任何 {type} 规则；本步骤要求 {expected}。',
  'check.nat-rule.unknownSource': '{source} 既不是 CIDR、地址，也不是 {host} 上的网络。',
  'check.nat-rule.containerNoIp':
    '{container} 没有 IPv4 地址，所以没有 NAT 规则能指向它（它在运行吗？）。',
  'check.nat-rule.unread': '无法读取 {host} 的防火墙规则：{error}。',

  'check.firewall-rule.ok': '{chain} 中有 {rule}：对来自 {who} 的流量执行 {target}。',
  'check.firewall-rule.noIp': '{container} 没有 IPv4 地址，所以没有规则能匹配它（它在运行吗？）。',
  'check.firewall-rule.noChain':
    '{host} 的 filter 表中没有 {chain} 链（防火墙后端 {backend}；{error}）。使用 nftables 后端的 Docker 29 不会创建 DOCKER-USER 链。',
  'check.firewall-rule.unreached':
    '{rule} 排在 {chain} 中的 {stop} 之后，所以没有数据包能到达它：用 iptables -I {chain}（而不是 -A）把它插到最前面。',
  'check.firewall-rule.otherChain':
    '针对 {who} 的 {target} 规则在 {other} 中（{rule}），而不在 {chain} 中：转发的容器流量会先遇到 Docker 自己在 FORWARD 中的 ACCEPT 规则，INPUT/OUTPUT 根本看不到它。请把规则放进 {chain}：iptables -I {chain} -s {ip} -j {target}。',
  'check.firewall-rule.otherSource':
    '{chain} 中有针对 {seen} 的 {target} 规则，但没有针对 {who} 的。',
  'check.firewall-rule.none':
    '{chain} 中没有针对 {who} 的 {target} 规则：用 iptables -I {chain} -s {ip} -j {target} 添加一条。',

  'check.reach.noSharedNetwork':
    '{from} 和 {to} 没有共同的网络（{from}：{fromNets}；{to}：{toNets}）：容器之间通过它们都连接着的网络互相访问。',
  'check.reach.targetNoIp': '{to} 没有可访问的 IPv4 地址（{toNets}）：它在运行吗？',
  'check.reach.unresolved': '{to} 既不是地址、容器，也不是实验主机。',
  'check.reachable.ok': '{from} 能通过 {what} 到达 {target}。',
  'check.reachable.timeout':
    '{from} 在 {seconds} 秒内没有收到 {target} 对 {what} 的应答：流量被丢弃了，或者根本没有到达。',
  'check.reachable.refused':
    '{target} 应答了 {from}，但 {what} 上没有程序在监听（connection refused）。',
  'check.reachable.publishedElsewhere':
    '{target} 拒绝了 {from} 对 {what} 的连接：{container} 只在 {hostIp} 上发布了这个端口，{from} 用不了这个地址。请在所有地址上发布（-p {port}:…），或者发布在 {ip} 上（-p {ip}:{port}:…）。',
  'check.reachable.noRoute': '{from} 没有到 {target} 的路由，无法进行 {what}。',
  'check.reachable.udpRefused':
    '{target} 对 {from} 回复了 "port unreachable"：{what} 上没有程序在监听。',
  'check.reachable.udpSilent':
    '{seconds} 秒内 {target} 没有对 {what} 作出应答。UDP 服务只有作出应答才能证明可达：这个测试发送的是 DNS 查询，所以那里的服务必须能应答 DNS。',
  'check.not-reachable.ok':
    '{from} 在 {seconds} 秒内没有收到 {target} 对 {what} 的应答，符合本步骤的要求。',
  'check.not-reachable.okRefused':
    '{target} 拒绝了来自 {from} 的 {what}：那里没有程序在监听，符合本步骤的要求。',
  'check.not-reachable.okNoRoute':
    '{from} 没有到 {target} 的路由，所以 {what} 得不到应答，符合本步骤的要求。',
  'check.not-reachable.reached': '{from} 仍然可以通过 {what} 到达 {target}；本步骤要求它不可达。',

  'check.dns-resolves.byHand':
    '{container} 的 /etc/hosts 中手工把 {name} 映射到 {seen}：这不算数，因为这条记录不是 Docker 写入的（--add-host 或 --link），所以本检查以 Docker 的 DNS 的回答为准。',
  'check.dns-resolves.ok': '在 {container} 中，{name} 解析为 {seen}。',
  'check.dns-resolves.okNx': '在 {container} 中，{name} 无法解析（{seen}），符合本步骤的期望。',
  'check.dns-resolves.resolvedNx':
    '在 {container} 中，{name} 解析为 {seen}；本步骤期望它无法解析。',
  'check.dns-resolves.wrong': '在 {container} 中，{name} 解析为 {seen}；本步骤期望 {expected}。',
  'check.dns-resolves.nxdomain':
    '在 {container} 中，{name} 无法解析（NXDOMAIN）；本步骤期望 {expected}。',
  'check.dns-resolves.noAnswer':
    '在 {container} 中，{name} 无法解析：没有 DNS 服务器应答；本步骤期望 {expected}。',
  'check.dns-resolves.defaultBridge':
    '在 {container} 中，{name} 无法解析：{container} 只在默认 bridge 网络上，那里没有内嵌 DNS 服务器，所以容器名无法解析。请把两个容器都放到一个自定义网络上。',
  'check.dns-resolves.otherNetwork':
    '在 {container} 中，{name} 无法解析（NXDOMAIN）：它是 {owner} 在 {network} 上的{what}，而 {container} 不在 {network} 上（它在：{networks}）。名称和别名只在共享同一网络的容器之间解析；本步骤期望 {expected}。',

  'check.network-mode.ok': '{container} 的网络模式是 {seen}。',
  'check.network-mode.wrong': '{container} 的网络模式是 {seen}；本步骤要求 {expected}。',
  'check.network-mode.otherContainer':
    '{container} 共享的是 {peer} 的网络命名空间；本步骤要求共享 {want} 的。',
  'check.network-mode.userNetwork':
    '{container} 在自定义网络 {seen} 上，而不是在默认 bridge 网络上。',

  'check.file-contains.ok': '{container} 中的 {path} 包含 {what}。',
  'check.file-contains.exists': '{container} 中存在 {path}。',
  'check.file-contains.noText': '{container} 中的 {path} 不包含 {what}。',
  'check.file-contains.noMatch': '{container} 中的 {path} 没有匹配 {what} 的行。',
  'check.file-contains.unreadable': '无法读取 {container} 中的 {path}：{error}。',

  'check.daemon-setting.bipOk': '{bridge} 的地址是 {seen}，与 bip {expected} 的要求一致。',
  'check.daemon-setting.bipUnset':
    '{bridge} 的地址是 {seen}；本步骤要求 bip {expected}：在 daemon.json 中设置 "bip"，然后重启守护进程。',
  'check.daemon-setting.bipWrong':
    'daemon.json 把 bip 设为 {configured}，{bridge} 的地址是 {seen}；本步骤要求 {expected}。',
  'check.daemon-setting.bipNetworkAddress':
    'daemon.json 把 bip 设为 {configured}，这是一个网络地址：bip 是 {bridge} 自己的地址加前缀，例如 {expected}。',
  'check.daemon-setting.bipNoPrefix':
    'daemon.json 把 bip 设为 {configured}，没有前缀长度：dockerd 拒绝这个值（"parse bip failed: invalid CIDR address"），不会启动。请写上 {bridge} 的地址及其前缀，例如 {expected}，然后运行 restart-docker。',
  'check.daemon-setting.bipInvalid':
    'daemon.json 把 bip 设为 {configured}，这不是带前缀的 IPv4 地址：dockerd 拒绝这个值，不会启动。请写上 {bridge} 的地址及其前缀，例如 {expected}，然后运行 restart-docker。',
  'check.daemon-setting.restart':
    'daemon.json 中 {setting} 为 {configured}，但守护进程仍在使用 {running}：请重启它。',
  'check.daemon-setting.invalidJson':
    'daemon.json 不是有效的 JSON（{error}）：守护进程无法用它启动；请修正这个文件。',
  'check.daemon-setting.poolsOk':
    '守护进程从 {seen} 中分配地址：新网络的子网从这里分配（docker0 和已有网络保持原来的子网）。',
  'check.daemon-setting.poolsWrong':
    '守护进程从 {seen} 中分配地址；本步骤要求 default-address-pools 为 {expected}（daemon.json 中是：{configured}）。',
  'check.daemon-setting.dnsOk':
    'daemon.json 把 dns 设为 {seen}（守护进程重启后启动的容器会使用它）。',
  'check.daemon-setting.dnsWrong': 'daemon.json 把 dns 设为 {seen}；本步骤要求 {expected}。',

  'check.swarm-nodes.ok': 'swarm 中有 {count} 个{ready}节点：{nodes}。',
  'check.swarm-nodes.wrong':
    'swarm 中有 {count} 个{ready}节点（{nodes}）；本步骤要求 {expected} 个。',
  'check.swarm-nodes.notActive':
    '{host} 不在 swarm 中（状态 {state}）：docker swarm init，或者 docker swarm join。',
  'check.swarm-nodes.notManager': '{host} 是工作节点：只有管理节点能列出 swarm 的节点。',

  'check.overlay-vxlan.ok': '{network} 是覆盖网络，VXLAN id 为 {seen}。',
  'check.overlay-vxlan.notOverlay':
    '{network} 是 {driver} 网络；本步骤要求覆盖网络（docker network create -d overlay）。',
  'check.overlay-vxlan.noId': '{network} 的选项中没有 VXLAN id。',
  'check.overlay-vxlan.wrongId': '{network} 的 VXLAN id 是 {seen}；本步骤要求 {expected}。',
  'check.overlay-vxlan.lazy':
    '{host} 上还没有 {network}：在工作节点上，只有当那里的某个容器或任务使用覆盖网络时，它才会出现。',
  'check.netns-link.ok': '{where} 中有 {link}{peer}。',
  'check.netns-link.exists': '{host} 上存在命名空间 {netns}（链路：{links}）。',
  'check.netns-link.noNetns': '{host} 上没有网络命名空间 {netns}（ip netns list：{others}）。',
  'check.netns-link.noLink': '{where} 中没有名为 {link} 的链路（那里的链路：{links}）。',
  'check.netns-link.noKind': '{where} 中没有 {kind} 链路（那里的链路：{links}）。',
  'check.netns-link.wrongKind': '{where} 中的 {link} 是 {seen}，不是 {kind}。',
  'check.netns-link.noAddress': '{where} 中没有地址 {address}（地址：{seen}）。',
  'check.netns-link.prefix': '{where} 中是 {seen}：地址对了，前缀不对；本步骤要求 {address}。',
  'check.netns-link.noAddressIn': '{where} 中没有 {subnet} 内的地址（地址：{seen}）。',
  'check.netns-link.prefixIn':
    '{where} 中是 {seen}：在 {subnet} 之内，但前缀不同；请使用 {expected}，这样整个子网都在那条链路上。',
  'check.netns-link.down': '{where} 中的 {link} 处于 down 状态：ip {netns}link set {link} up。',
  'check.netns-link.notDown': '{where} 中的 {link} 处于 up 状态；本步骤要求它为 down。',
  'check.netns-link.notPort': '{where} 中的 {link} 不是 {bridge} 的端口（master：{seen}）。',
  'check.netns-link.noPeer': '{where} 中的 {link} 不是对端位于 {host} 自身命名空间中的 veth。',
  'check.netns-link.peerNotPort':
    '{where} 中 {link} 的对端是 {host} 上的 {peer}，它不是 {bridge} 的端口（master：{seen}）：ip link set {peer} master {bridge}。',
  'check.netns-link.peerDown':
    '{where} 中 {link} 的对端是 {peer}，它是 {bridge} 的端口，但处于 down 状态：ip link set {peer} up。',

  'check.netns-route.ok': '{where} 中有路由 {route}。',
  'check.netns-route.noDefault': '{where} 中没有默认路由（路由：{routes}）。',
  'check.netns-route.noRoute': '{where} 中没有到 {dst} 的路由（路由：{routes}）。',
  'check.netns-route.wrongVia': '在 {where} 中，{route} 是 "{seen}"；本步骤要求 via {via}。',
  'check.netns-route.wrongDev': '在 {where} 中，{route} 是 "{seen}"；本步骤要求 dev {dev}。',

  'check.netns-reachable.ok': '{netns} 能通过 {what} 到达 {to}。',
  'check.netns-reachable.noRoute': '{netns} 无法到达 {to}：没有路由（{line}）。',
  'check.netns-reachable.timeout':
    '{netns} 无法到达 {to}：{seconds} 秒内 {what} 没有应答（{line}）。',
  'check.netns-reachable.refused':
    '{netns} 可以到达 {to}，但 {what} 上没有程序应答（connection refused）。',

  'check.file-has-fact.hostRoutes':
    '{container}:{path} 里是主机的路由（经过 Docker 网桥的路由），不是 {of} 自己的：请在 {of} 的网络命名空间里执行 ip route（nsenter -t <pid> -n ip route），保存那个结果。',
  'check.file-has-fact.ok': '{container} 中的 {path} 包含 {of} 的 {fact}。',
  'check.file-has-fact.missing': '{container} 中的 {path} 没有 {of} 的 {fact}；文件内容：{seen}。',
  'check.file-has-fact.other':
    '{container} 中的 {path} 包含的是 {of} 的 {other}，而不是它的 {fact}。',
  'check.file-has-fact.noValue':
    '{of} 没有可查找的 {fact}（它的网络：{networks}；停止的容器没有沙盒）。',
  'check.file-has-fact.unreadable': '无法读取 {container} 中的 {path}：{error}。',

  // Words filled into the sentences above, and expected/seen values of single kinds.
  'check.reach.ping': 'ping',
  'check.reach.port': '{protocol} 端口 {port}',
  'check.reach.expected': '{to}（{ip}）对 {what} 作出应答',
  'check.reach.expectedNone': '{to}（{ip}）对 {what} 没有应答',
  'check.reach.sharedExpected': '{from} 和 {to} 在同一个网络上',
  'check.reach.seen.reached': '可达',
  'check.reach.seen.refused': '被拒绝',
  'check.reach.seen.timeout': '超时',
  'check.reach.seen.unreachable': '不可达',
  'check.reach.seen.error': '出错',
  'check.netns-reachable.expected': '从 {netns} 发起 {what}，{to} 作出应答',
  'check.netns-link.plainLink': '普通链路',
  'check.netns-link.kindLink': '一条 {kind} 链路',
  'check.netns-link.namespace': '命名空间 {netns}',
  'check.netns-link.vethPeerOn': '一个 veth，其对端是 {host} 上 {bridge} 的端口',
  'check.netns-link.peerText': '，其对端 {peer} 是 {bridge} 的端口',
  'check.netns-route.default': '默认路由',
  'check.netns-route.to': '到 {dst} 的路由',
  'check.swarm-nodes.readyWord': '就绪',
  'check.swarm-nodes.expected': '{count} 个{ready}节点',
  'check.swarm-nodes.worker': '工作节点',
  'check.overlay-vxlan.expected': '覆盖网络，VXLAN id {id}',
  'check.overlay-vxlan.expectedAny': '带 VXLAN id 的覆盖网络',
  'check.dns-resolves.alias': '别名',
  'check.dns-resolves.name': '名称',
  'check.daemon-setting.builtinPools': '内置地址池',
  'check.file-has-fact.expected': '{path} 中包含 {of} 的 {fact}',
  'check.file-has-fact.fact.id': '容器 ID',
  'check.file-has-fact.fact.sandboxKey': 'SandboxKey',
  'check.file-has-fact.fact.pid': 'Pid (State.Pid)',
  'check.file-has-fact.fact.netnsInode': '网络命名空间 inode',
  'check.file-has-fact.fact.endpointId': 'EndpointID',
  'check.file-has-fact.fact.networkId': 'NetworkID',
  'check.file-has-fact.fact.ip': 'IP 地址',
  'check.file-has-fact.fact.gateway': '网关',
  'check.file-has-fact.fact.mac': 'MAC 地址',
};
