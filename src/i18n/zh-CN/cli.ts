import type { cli as en } from '../en/cli.js';

/** 简体中文: the `cli` part of the catalogue. Keys and {placeholders} as in ../en/cli.ts. */
export const cli: Record<keyof typeof en, string> = {
  'cli.error': '错误',
  'cli.try': '试试',
  'cli.errorLine': '{error}：{message}',
  'cli.tryLine': '{try}：{fix}',
  'cli.cmdr.unknownOption': "未知选项 '{option}'",
  'cli.cmdr.missingArgument': "缺少必需的参数 '{name}'",
  'cli.cmdr.optionArgumentMissing': "选项 '{option}' 缺少参数值",
  'cli.cmdr.tooManyArguments': "'{command}' 的参数过多：应为 {expected} 个，实际为 {got} 个",
  'cli.cmdr.didYouMean': '（你是想输入 {words} 吗？）',
  'cli.needsRoot':
    'dnlab 需要 root 权限：它要创建网络命名空间，并为每台实验主机运行一个 Docker 引擎。请以 root 身份运行，例如：sudo {command}',
  'cli.interrupted': '已中断：正在删除已经创建的内容…',
  'cli.badLang': '不支持的语言 "{lang}"；dnlab 支持：{langs}',
  'cli.badLangFix': 'dnlab --lang zh-CN --help（或 LANG=zh_CN.UTF-8 dnlab --help）',
  'cli.unknownCommand': "未知命令 '{name}'",
  'cli.vm.starting': 'dnlab：本机不是 Linux；正在启动实验虚拟机（vagrant up）…',
  'cli.vm.noVagrant':
    'dnlab：未安装 Vagrant。请安装 Vagrant 和 VirtualBox 7.1+（或 VMware/Parallels），然后再次运行 npm start。',
  'cli.noLesson': '没有课程 "{id}"。',
  'cli.lessonList': '现有课程：{lessons}',
  'cli.none': '（无）',
  'cli.noStep': '课程 {lesson} 中没有步骤 "{step}"。',
  'cli.stepList': '现有步骤：{steps}',
  'cli.restartEngine.failed': '{host} 的 Docker 引擎没能重新启动：{error}',
  'cli.restartEngine.fix':
    '在该主机上修正 /etc/docker/daemon.json，然后再次运行 restart-docker（dnlab reset 会恢复一份全新的配置）',
  'cli.restartEngine.done': '{host}：引擎已重启，用时 {time}',
  'cli.testLessons.round': '（第 {round}/{repeat} 轮）',
  'cli.testLessons.helpers': '同时使用实验环境实例 {instances}：错误尝试和替代解答在那里运行。',
  'cli.testLessons.helperFailed':
    '实验环境实例 {instance} 未能启动（{reason}）；它的用例改在其他实例中运行。可以试试：sudo DNLAB_INSTANCE={instance} dnlab doctor --fix',
  'cli.testLessons.noHelpers':
    '只在一个实验环境实例中运行：“{instance}”之后放不下辅助实例的名字（最多 8 个字符），或者设置了 DNLAB_ROOT。用更短的 DNLAB_INSTANCE 可以跑得更快。',
  'cli.testLessons.profile.title':
    '时间花在哪里：{cases} 个用例，用例时间合计 {caseTime}，实际用时 {wall}',
  'cli.testLessons.profile.phases': '按阶段（各用例合计）：',
  'cli.testLessons.profile.counts':
    '在实验主机中启动了 {spawns} 个程序；启动容器的命令行共用时 {containers}',
  'cli.testLessons.profile.lessons': '按课程（实际用时）：',
  'cli.testLessons.profile.slowest': '最慢的用例：',
  'cli.testLessons.summary':
    '{passed} 项通过，{failed} 项未通过，{skipped} 项跳过 —— {lessons} 个课程 × {repeat} 轮，用时 {time}',
  'cli.trace.sourcePort': '源端不能带端口：{arg}',

  'lab.upDone': '实验环境已启动，用时 {time}：{hosts}。',
  'lab.alreadyUp': '实验环境已经在运行（{hosts}）。`dnlab status` 查看状态；`dnlab down` 停止它。',
  'lab.up.revived':
    '实验环境已重新运行，用时 {time}：启动了 {what}。文件、容器和 daemon.json 都保留了。',
  'lab.up.rebuilt': '已重建（其命名空间已不存在）',
  'lab.up.engineFailed':
    '{host} 的 Docker 引擎无法使用当前的 daemon.json 启动（文件保持原样）：{error}',
  'lab.up.engineFailedFix':
    '在 `dnlab shell {host}` 中修正 /etc/docker/daemon.json 后再次运行 `dnlab up`，或运行 `dnlab reset {host}` 让 {host} 恢复全新状态（会删除其容器）',
  'lab.up.interrupted': '已中断：实验环境保持原样；再次运行 `dnlab up` 即可完成修复。',
  'lab.cleanedLeftovers':
    '已清理上次运行的残留：{processes} 个进程，{namespaces} 个命名空间，{mounts} 个挂载点。',
  'lab.downDone':
    '实验环境已停止，用时 {time}：删除了 {namespaces} 个命名空间，{processes} 个进程，{mounts} 个挂载点。',
  'lab.downNothing': '没有需要删除的内容：实验环境没有运行。',
  'lab.resetDone': '{host} 已恢复到全新状态，用时 {time}（{how}）。',
  'lab.resetHow.fast': '通过 Engine API 删除了实验对象',
  'lab.resetHow.rebuilt': '主机已重建',
  'lab.resetStopped':
    '已停止 {host} 中启动的 {count} 个进程（不属于其引擎或容器的 shell 和程序）。',
  'lab.resetInterrupted':
    '已中断：{host} 只重置了一半。运行 `dnlab reset {host}` 即可完成（会重建该主机）。',
  'lab.notUp': '实验环境没有运行。',
  'lab.startIt': '启动它：dnlab up',
  'lab.nextSteps': '下一步：`dnlab shell host1` 打开 host1 上的 shell；`dnlab` 打开课程。',
  'lab.status.up': '实验环境正在运行。',
  'lab.status.down': '实验环境没有运行。',
  'lab.status.engineDown':
    '实验环境在运行，但有 Docker 引擎没有响应（见下方）。`dnlab restart-engine <主机>` 可以重启它；`dnlab reset <主机>` 会重建该主机。',
  'lab.status.leftovers': '上次运行的残留：{items}。`dnlab doctor --fix` 会删除它们。',
  'lab.status.host':
    'Docker {version}（API {api}），{containers} 个容器，{networks} 个网络，swarm {swarm}',
  'lab.status.notAnswering': '没有响应',
  'lab.status.internet': 'internet {address}（实验环境模拟的互联网，在本机内部）',
  'lab.noHost': '没有实验主机 "{host}"。',
  'lab.hostList': '实验主机：{hosts}',
  'lab.leftover.netns': '网络命名空间 {name}',
  'lab.leftover.folder': '实验目录 {path}',
  'lab.imageMissing': '缺少实验镜像（{path}）。',
  'lab.imageMissing.fix': '离线构建：sudo bash sandbox-vm/provision.sh',
  'lab.badInstance': 'DNLAB_INSTANCE 必须是 1-8 个小写字母或数字（实际为 "{value}"）',
  'lab.badRoot': 'DNLAB_ROOT 必须是名称以 "{prefix}" 开头的目录（实际为 {path}）',
  'lab.dnsRestarted': '模拟互联网的 DNS 服务器已停止，现已重新启动。',
  'lab.status.dnsDead':
    '模拟互联网的 DNS 服务器没有响应（internet.lab 无法解析）。运行 `dnlab up` 可重新启动它。',
  'lab.root.git':
    '{path} 是一个 git 仓库（含 .git）：dnlab 绝不会把这样的目录用作实验根目录，也不会删除它。',
  'lab.root.notOwn':
    '{path} 不是 dnlab 创建的目录（其中有别的文件，且没有 {marker} 文件）：dnlab 不会使用或删除它。',
  'lab.root.otherInstance': '{path} 是实例 {owner} 的实验根目录，不属于实例 {instance}。',
  'lab.root.fix':
    '请把 DNLAB_ROOT 指向一个名称以 "dnlab" 开头的新目录或空目录，或者取消设置它（默认为 /var/lib/dnlab<实例名>）。',
  'lab.daemon.exited': '{program} 已退出。日志最后几行（{log}）：',
  'lab.daemon.timeout': '{program} 在 {ms} ms 内没有启动。日志最后几行（{log}）：',
  'lab.daemon.noLog': '（没有日志）',
  'lab.engine.noAnswer': '{host} 的 Docker 引擎没有响应（{seconds} 秒内没有回复）',
  'lab.engine.notRunning': '{host} 的 Docker 引擎没有运行',
  'lab.stage.namespaces': '命名空间',
  'lab.stage.engine': 'Docker 引擎',
  'lab.stage.image': '实验镜像',
  'lab.stage.baseline': '记录初始状态',
  'lab.stage.cleanup': '清理残留',
  'lab.stage.lan': '局域网',
  'lab.stage.internet': 'internet',
  'lab.stage.removeObjects': '删除实验对象',
  'lab.stage.rebuild': '重建主机',
  'lab.stage.rebuildWhy': '重建主机（{why}）',
  'lab.stage.processes': '停止进程',

  'doctor.title': 'dnlab doctor：这台机器能运行实验环境吗？',
  'doctor.allGood': '实验环境需要的一切都已就绪。',
  'doctor.problems': '发现 {count} 个问题；上面每一行都写明了修复方法。',
  'doctor.fixed': '已删除残留：{processes} 个进程，{namespaces} 个命名空间，{mounts} 个挂载点。',
  'doctor.optional': '可选',
  'doctor.optionalNote': '（{optional}）',
  'doctor.root.title': '以 root 身份运行',
  'doctor.root.fix': '请以 root 身份运行 dnlab，例如 sudo dnlab doctor',
  'doctor.bin.title': '已安装 {bin}',
  'doctor.bin.fix': '安装 {package}：{command}',
  'doctor.pkg.withDocker': '{package}（随 docker.io 一起安装）',
  'doctor.pkg.client': '{package}（学员输入的客户端）',
  'lab.engine.missing':
    '这台机器上没有引擎 {engine}（现有：{available}）。用 `sudo bash sandbox-vm/provision.sh` 安装引擎，或用 --engine 选择其中一个。',
  'lab.engine.noSystem':
    'PATH 上找不到 dockerd，无法使用引擎 `system`。用 `sudo bash sandbox-vm/provision.sh` 安装 docker.io，或用 --engine 选择 dnlab 安装的引擎。',
  'lab.engine.differs':
    '实验环境运行的是引擎 {running}，不是 {engine}。要切换：先 `dnlab down`，再 `dnlab up --engine {engine}`。',
  'lab.engine.line': '引擎：{engine}（dockerd {version}）。',
  'doctor.engines.title': '实验环境可以运行的引擎（--engine）',
  'doctor.engines.detail': '{names}；默认 {default}',
  'doctor.labEngine.title': '实验环境运行的引擎是 {engine}（dockerd {version}）',
  'doctor.systemEngine.title': '系统引擎（dockerd {version}）是课程自测过的版本',
  'doctor.systemEngine.fix':
    '课程在 {tested} 上自测过；在 {version} 上，部分输出和防火墙规则可能与课程文字不同。请选择一个自测过的引擎：`dnlab up --engine {suggest}`。',
  'doctor.feature.title': '内核功能：{feature}',
  'doctor.feature.detail': '内核不支持该设备类型（Unknown device type）或不允许创建',
  'doctor.feature.fixRequired':
    '这个内核无法创建 {feature} 接口；请使用发行版内核，或使用虚拟机（vagrant up）',
  'doctor.feature.fixOptional':
    '需要 {feature} 的步骤会标为“需要 {feature}”并跳过；发行版内核（或虚拟机）支持它',
  'doctor.image.title': '实验镜像已构建（离线构建，基于 busybox-static）',
  'doctor.leftovers.title': '没有过期的实验状态',
  'doctor.leftovers.titleUp': '实验状态（实验环境正在运行）',
  'doctor.leftovers.fix': 'dnlab doctor --fix（或 dnlab down）会删除它',
  'doctor.containerd.title': '系统中运行着一个 containerd',
  'doctor.containerd.detail': '不会使用：每台实验主机启动自己的 containerd',
};
