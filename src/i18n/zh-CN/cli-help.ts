import type { cliHelp as en } from '../en/cli-help.js';

/**
 * 简体中文: the `--help` texts of the CLI. Keys and {placeholders} as in ../en/cli-help.ts. Help
 * lines stay within 80 columns (a Chinese character takes two).
 */
export const cliHelp: Record<keyof typeof en, string> = {
  'cli.help.usage': '用法：',
  'cli.help.options': '选项：',
  'cli.help.arguments': '参数：',
  'cli.help.commands': '命令：',
  'cli.help.globalOptions': '全局选项：',
  'cli.help.default': '默认',
  'cli.help.helpOption': '显示命令帮助',
  'cli.help.helpCommand': '显示命令帮助',
  'cli.help.version': '显示版本号',
  'cli.help.afterError': '（加上 --help 查看用法）',

  'cli.program.description':
    '在终端里学习 Docker 容器网络的实验环境。\n不带命令运行时，打开课程（TUI）。',
  'cli.program.langOpt': '消息语言：en 或 zh-CN（默认：根据 LANG）',
  'cli.opt.json': '输出机器可读的 JSON',

  'cli.up.description':
    '启动实验环境：局域网上的两台 Docker 主机（host1、host2），各自在自己的网络命名空间中',
  'cli.up.help':
    '已经在运行的实验环境保持不变。对于部分运行的实验环境（例如某个引擎停了），\n只重新启动已停止的部分：文件、容器和 daemon.json 都会保留；\n引擎无法启动时，up 会显示其错误。上次崩溃留下的残留会先被清理。\n新建实验环境的过程中按 Ctrl-C 会删除已经创建的一切。\n只有 reset 和 down 会删除你的工作。\n\n示例：\n  sudo dnlab up',
  'cli.up.engineOpt':
    '实验主机运行的 Docker 引擎：{names}（默认：dnlab 安装的最新版本，没有则用 system）',
  'cli.up.engineHelp':
    '引擎：dnlab 把自己的引擎安装在 /opt/dnlab/engines\n（sandbox-vm/provision.sh）；20.10 是发行版的 docker.io；system 是 PATH 上\n找到的 dockerd。DNLAB_ENGINE 设置默认值。\n\n示例：\n  sudo dnlab up --engine 26.1',
  'cli.testLessons.engineOpt': '自测实验环境运行的引擎（同 `dnlab up --engine`）',
  'cli.down.description': '停止实验环境，并删除它创建的一切（命名空间、守护进程、挂载点、文件）',
  'cli.down.help': '只会处理以实验前缀命名的对象。\n\n示例：\n  sudo dnlab down',
  'cli.reset.description': '将一台实验主机（或所有主机）恢复到全新状态',
  'cli.reset.help':
    '删除该主机的容器、网络、卷、拉取的镜像、swarm 成员身份、额外的接口、\n挂载和防火墙规则，并停止在其中启动的进程（打开的 shell 会结束）。\n若 daemon.json 被修改过或主机曾加入 swarm，主机会被重建（其文件和\ndaemon.json 都是新的）；否则引擎继续运行。中途被打断的重置，下次重置时会完成。\n\n示例：\n  sudo dnlab reset host1\n  sudo dnlab reset',
  'cli.restartEngine.description':
    '重启实验主机的 Docker 引擎，让它重新读取 /etc/docker/daemon.json',
  'cli.restartEngine.help':
    '在实验主机的 shell 里，同样的操作是 `restart-docker`。引擎没能重新启动时\n（比如 daemon.json 不是有效的 JSON），会显示引擎自己的错误。\n\n示例：\n  sudo dnlab restart-engine host1\n  root@host1:~# restart-docker',
  'cli.status.description': '显示实验环境是否在运行，以及每台主机的引擎、容器和网络',
  'cli.status.help': '示例：\n  sudo dnlab status\n  sudo dnlab status --json',
  'cli.shell.description': '在实验主机内打开交互式 shell（它有自己的网络、主机名和 docker）',
  'cli.shell.help':
    '在里面，`docker` 连接该主机的引擎，`ip`、`bridge`、`iptables` 显示它的网络。\n用 `exit` 退出。\n\n示例：\n  sudo dnlab shell host1',
  'cli.exec.description': '在实验主机内运行一条命令',
  'cli.exec.help':
    '在命令前加上 `--`，这样命令的选项就不会被当作 dnlab 的选项。\n\n示例：\n  sudo dnlab exec host1 -- docker ps\n  sudo dnlab exec host2 -- ip -br addr',
  'cli.topo.description': '按实际情况绘制实验环境的网络：主机、局域网、网桥、veth 对、容器、端口',
  'cli.topo.hostOpt': '只显示这台实验主机（以及局域网和它的覆盖网络）',
  'cli.topo.formatOpt': 'ascii（默认）、mermaid、dot 或 json',
  'cli.topo.widthOpt': 'ascii 拓扑图的列数（默认：终端宽度，管道输出时为 80）',
  'cli.topo.help':
    '只根据实际观察到的事实绘制（Engine API、ip -j、网桥端口、防火墙）。\n\n示例：\n  sudo dnlab topo\n  sudo dnlab topo --host host1\n  sudo dnlab topo --format mermaid > lab.mmd\n  sudo dnlab topo --format dot | dot -Tsvg > lab.svg\n  sudo dnlab topo --format json | jq \'.nodes[] | select(.kind=="container")\'',
  'cli.trace.description': '数据包经过的路径和遇到的规则，由一次探测和它引起的规则计数器变化来确认',
  'cli.trace.hostOpt': '先在哪台主机上查找不带主机名的容器（默认：第一台实验主机）',
  'cli.trace.noProbeOpt': '只根据观察到的状态规划路径；不发送任何数据包',
  'cli.trace.help':
    '<from> 是实验主机、internet 命名空间、容器（名称，或 host:container）或 IP。\n<to> 同上，再加上 :port 以及 /tcp、/udp 或 /icmp\n（给出端口时默认 tcp，否则 icmp）。\n\n先根据观察到的路由和防火墙规则规划路径；然后读取路径上各主机的规则计数器，\n发送一个探测（从 <from> 运行 busybox nc、nslookup 或 ping），再次读取计数器，\n显示有变化的计数器：数据包在哪里被 NAT、被接受或被丢弃。\n\n示例：\n  sudo dnlab trace host2 host1:8080/tcp\n  sudo dnlab trace host1:web db:80\n  sudo dnlab trace web 10.10.2.3:80 --no-probe',
  'cli.check.description': '对照课程步骤（或课程的每个步骤）检查正在运行的实验环境',
  'cli.check.help':
    '每个检查一行：✔ 或 ✘，以及哪些已经正确、哪些仍有问题。\n任何检查未通过时，退出码为 1。\n\n示例：\n  sudo dnlab check 02-docker0/find-docker0\n  sudo dnlab check 02-docker0 --json',
  'cli.testLessons.description':
    '验证课程：每个步骤在参考答案之前未通过、之后通过；错误的尝试按预期未通过',
  'cli.testLessons.repeatOpt': '全部运行 n 次（发现不稳定的检查）',
  'cli.testLessons.instancesOpt':
    '使用的实验环境实例数：一个实例按参考答案走完各步骤，错误尝试和替代解答同时在其余实例中运行（1：全部在一个实例中；每个实例有两个引擎，大多在等待）',
  'cli.testLessons.profileOpt':
    '打印时间花在哪里：按阶段、按课程，以及最慢的用例（也可设 DNLAB_SELFTEST_PROFILE=1）',
  'cli.testLessons.keepOpt': '结束后保留自测用的实验环境',
  'cli.testLessons.help':
    '在独立的实验环境（{prefix}-*，以及结束后拆除的辅助实例\n{prefix}w1-*、w2-*、w3-*）中运行，绝不会动你的实验环境。\n有任何失败时，退出码为 1。\n--profile 会显示哪些步骤慢、慢在哪里。\n\n示例：\n  sudo dnlab test-lessons\n  sudo dnlab test-lessons 02-docker0 03-veth-pairs --repeat 3',
  'cli.doctor.description': '检查这台机器能否运行实验环境；每个问题都附带修复方法',
  'cli.doctor.fixOpt': '删除崩溃或中断的实验环境留下的残留',
  'cli.doctor.help': '示例：\n  sudo dnlab doctor\n  sudo dnlab doctor --fix',
};
