import type { Catalogue } from '../index.js';

/**
 * 简体中文: the `tui` part of the catalogue. Keys and {placeholders} as in ../en/tui.ts. The TUI
 * must fit 80×24 and a Chinese character takes two columns: labels stay short.
 * `tui.lesson.fresh` and `tui.reset.done` are notes in the one-line status bar: kept very short.
 */
export const tui: Catalogue = {
  // 按键（帮助列表）。
  'tui.key.up': '上移',
  'tui.key.down': '下移',
  'tui.key.top': '第一个课程',
  'tui.key.bottom': '最后一个课程',
  'tui.key.open': '打开所选课程',
  'tui.key.continue': '从上次停下的地方继续',
  'tui.key.quit': '退出（实验环境保持运行）',
  'tui.key.language': '切换语言：English / 中文',
  'tui.key.help': '显示本帮助',
  'tui.key.closeHelp': '关闭本帮助',
  'tui.key.scrollHelpDown': '向下滚动本帮助',
  'tui.key.scrollHelpUp': '向上滚动本帮助',
  'tui.key.back': '返回课程列表',
  'tui.key.nextStep': '下一个步骤',
  'tui.key.prevStep': '上一个步骤',
  'tui.key.scrollDown': '文字向下滚动',
  'tui.key.scrollUp': '文字向上滚动',
  'tui.key.pageDown': '文字向下翻一页',
  'tui.key.pageUp': '文字向上翻一页',
  'tui.key.hint': '显示下一条提示',
  'tui.key.solution': '显示参考答案（会先询问）',
  'tui.key.check': '立即检查（命令结束时也会自动检查）',
  'tui.key.reset': '重置本课程的实验环境（会先询问）',
  'tui.key.zoom': '轮流放大文字或 shell',
  'tui.key.togglePane': '在 shell 和课程之间切换焦点',
  'tui.key.yes': '是',
  'tui.key.no': '否',

  'tui.help.title': '按键',
  'tui.help.scope.global': '所有界面',
  'tui.help.scope.home': '课程列表',
  'tui.help.scope.lesson': '课程',
  'tui.help.scope.confirm': '回答问题时',
  'tui.help.scope.help': '本帮助',
  'tui.help.scope.pane': 'shell（获得焦点时，其他按键都交给 shell）',

  // 课程列表。
  'tui.list.title': '课程',
  'tui.list.empty': '没有找到课程。',
  'tui.list.minutes': '{minutes} 分钟',
  'tui.list.steps': '{done}/{total}',
  'tui.list.continue': '从这里继续',
  'tui.list.continueAfter': '，{text}',
  'tui.list.footer': '{move} 移动 · {open} 打开 · {cont} 继续 · {quit} 退出 · {help} 帮助 · {lang} English',
  'tui.list.position': '第 {n} 个课程，共 {total} 个',
  'tui.lessonState.new': '未开始',
  'tui.lessonState.in-progress': '进行中',
  'tui.lessonState.done': '已完成',

  // 步骤。
  'tui.stepState.todo': '待完成',
  'tui.stepState.done': '已完成',
  'tui.stepState.skipped': '已跳过',
  'tui.step.header': '步骤 {n}/{total}：{title}',
  'tui.step.current': '当前步骤',
  'tui.step.explain': '原理说明',
  'tui.step.doneNext': '步骤完成。按 {key} 进入下一个步骤。',
  'tui.step.lessonDone': '所有步骤都已完成，课程结束。按 {key} 返回课程列表。',
  'tui.md.more': '↓ 还有 {n} 行（{keys}）',
  'tui.md.cell': '{header}：',
  'tui.paren': '（{text}）',

  // 检查。
  'tui.check.title': '检查',
  'tui.check.summary': '{passed}/{total} 通过',
  'tui.check.running': '检查中…',
  'tui.check.none': '本步骤没有检查。',
  'tui.check.notRun': '尚未检查：运行一条命令，或按 {key}。',
  'tui.check.pass': '通过',
  'tui.check.fail': '未通过',
  'tui.check.lead': '{word}：',
  'tui.check.waiting': '等待 {id}',
  'tui.check.skipped': '已跳过：需要 {feature}',
  'tui.check.error': '检查无法运行：{message}',

  // 提示和参考答案。
  'tui.hint.title': '提示 {n}/{total}',
  'tui.hint.offer': '卡住了？按 {key} 查看提示（共 {total} 条）。',
  'tui.hint.more': '按 {key} 查看下一条提示（还剩 {left} 条）。',
  'tui.hint.last': '这是最后一条提示。按 {key} 可查看参考答案。',
  'tui.solution.title': '参考答案',
  'tui.solution.confirm': '显示参考答案？自己先试一试收获更大；提示（{key}）也许就够了。',
  'tui.solution.keys': '{yes} 显示 · {no} 暂不',
  'tui.solution.onHost': '在 {host} 上：',
  'tui.solution.none': '本步骤没有写好的参考答案。',
  'tui.reset.confirm':
    '重置本课程的实验环境？各主机恢复到课程开始时的状态：你创建的容器、网络和规则都会被删除，之前的步骤不会替你重做。',
  'tui.reset.done': '{hosts} 已重置',
  'tui.reset.failed': '重置失败：{message}',
  'tui.reset.setupFailed': '课程准备命令 `{run}` 在 {host} 上失败（退出码 {code}）：{detail}',
  'tui.lesson.fresh': '{hosts} 已是全新状态',
  'tui.reset.keys': '{yes} 重置 · {no} 保留',

  // 状态栏。
  'tui.status.focus.lesson': '焦点：课程',
  'tui.status.focus.pane': '焦点：shell',
  'tui.status.toggle': '{key} 切换焦点',
  'tui.status.help': '{key} 帮助',
  'tui.status.engine': 'Docker {engine}',
  'tui.status.lab.starting': '实验环境：启动中',
  'tui.status.lab.up': '实验环境：运行中',
  'tui.status.lab.resetting': '实验环境：重置中',
  'tui.status.lab.down': '实验环境：未运行',
  'tui.status.lab.error': '实验环境：出错',

  // Shell 窗格。
  'tui.pane.title': '{host} 上的 shell',
  'tui.pane.focused': '输入发送到 shell · {key} 离开',
  'tui.pane.unfocused': '按 {key} 在此输入',
  'tui.pane.exited': 'shell 已结束（退出状态 {code}）',
  'tui.pane.none': '还没有 shell：实验环境未运行。',
  'tui.pane.separator': ' · ',

  // 错误。
  'tui.error.title': '出错了',
  'tui.error.try': '试试：{what}',
  'tui.error.next': '接下来：',

  // 启动和退出。
  'tui.start.checking': '正在查找实验环境…',
  'tui.start.wait': '正在启动实验主机，第一次需要几秒钟。按 q 退出。',
  'tui.start.failed': '实验环境无法启动：{message}',
  'tui.start.finding': '{title}：{fix}',
  'tui.start.doctor': '`dnlab doctor` 会检查本机，并说明如何补上缺少的部分。',
  'tui.start.quit': '按 q 退出。',
  'tui.lessons.failed': '无法加载课程。{message}',
  'tui.lessons.try': 'dnlab lint（列出每个问题及其文件和行号）',
  'tui.needsTty':
    'dnlab 在终端里打开课程，但它的输入或输出不是终端。请在终端中运行，或使用 `dnlab check`、`dnlab grade` 等命令。',
  'tui.quit.labUp': '实验环境仍在运行，下次启动会很快。`dnlab down` 可以停止它。',
  'tui.quit.labNotUp': '实验环境未运行。`dnlab down` 会清除启动时留下的残余。',
  'tui.progressFile.corrupt':
    '无法读取你的进度文件，已将它移到 {path}；进度从头开始（实验环境本身不受影响）。',
  'tui.progressFile.foreign': '该进度文件不是 dnlab 的，已将它移到 {path}；进度从头开始。',
  'tui.progressFile.unreadable': '无法读取你的进度（{message}）；本次不会保存进度。',
  'tui.progressFile.unwritable': '无法保存你的进度：{message}',

  // 启动实验环境。
  'tui.progress.title': '正在启动实验环境',
  'tui.progress.running': '进行中',
  'tui.progress.done': '完成',
  'tui.progress.fail': '失败',
  'tui.progress.ms': '{ms} 毫秒',
  'tui.progress.s': '{s} 秒',
  'tui.progress.took': '{word}，{time}',
};
