import type { lessons as en } from '../en/lessons.js';

/** 简体中文: the `lessons` part of the catalogue (lint, load, new). Keys as in ../en/lessons.ts. */
export const lessons: Record<keyof typeof en, string> = {
  'lessons.got.missing': '空缺',
  'lessons.got.empty': '空值',
  'lessons.got.list': '含 {n} 项的列表',
  'lessons.got.emptyList': '空列表',
  'lessons.got.mapping': '映射',

  'lessons.issue.expected': '期望 {what}，实际为 {got}',
  'lessons.issue.missing': '缺少：期望 {what}',
  'lessons.issue.unknownField': '未知字段（此处可用的字段：{allowed}）',
  'lessons.issue.unknownFieldGuess':
    '未知字段；是不是想写 "{guess}"？（此处可用的字段：{allowed}）',

  'lessons.what.string': '非空文本',
  'lessons.what.number': '数字',
  'lessons.what.int': '整数',
  'lessons.what.boolean': 'true 或 false',
  'lessons.what.list': '列表',
  'lessons.what.mapping': '映射（key: value）',
  'lessons.what.oneOf': '以下之一：{values}',
  'lessons.what.pattern': '符合 {pattern} 的值',
  'lessons.what.format': '有效的 {format}',
  'lessons.format.ipv4': 'IPv4 地址，如 10.10.0.1',
  'lessons.format.ipv6': 'IPv6 地址，如 fd00::1',
  'lessons.format.cidrv4': 'IPv4 网段，如 10.10.0.0/24',
  'lessons.format.cidrv6': 'IPv6 网段，如 fd00::/64',
  'lessons.format.mac': 'MAC 地址，如 02:42:ac:11:00:02',
  'lessons.what.min.items': '至少 {n} 项的列表',
  'lessons.what.max.items': '至多 {n} 项的列表',
  'lessons.what.min.chars': '至少 {n} 个字符的文本',
  'lessons.what.max.chars': '至多 {n} 个字符的文本',
  'lessons.what.min.n': '≥ {n} 的数字',
  'lessons.what.max.n': '≤ {n} 的数字',
  'lessons.what.lesson': '一个课程：含 id、title、summary、minutes、hosts 和 steps 的映射',
  'lessons.what.lessonId':
    '课程 id，如 02-docker0（两位数字、一个短横线，再接小写字母、数字和短横线）',
  'lessons.what.slug': '由小写字母、数字和单个短横线组成的 id，如 find-docker0',
  'lessons.what.ids': '本步骤的检查 id 列表',
  'lessons.what.text': '文本：字符串，或 {en: "...", zh-CN: "..."}（en 必填）',
  'lessons.what.texts': '文本列表',
  'lessons.what.mdFile':
    '课程目录中的 markdown 文件，如 steps/01-find-docker0.md（相对路径，不含 ".."）',
  'lessons.what.doc': 'markdown 文件，如 steps/01-find-docker0.md，或 {en: 文件, zh-CN: 文件}',
  'lessons.what.minutes': '分钟数（整数，至少为 1）',
  'lessons.what.points': '分值（整数，0 或更大）',
  'lessons.what.hosts': '至少含一台实验主机的列表，如 [host1]',
  'lessons.what.feature': '内核特性：以下之一 {features}',
  'lessons.what.command': '命令：{ host: host1, run: "docker ..." }',
  'lessons.what.commands': '至少一条命令的列表：- { host: host1, run: "docker ..." }',
  'lessons.what.check': '检查：含 kind 及检查器参数的映射',
  'lessons.what.checks': '至少一项检查的列表（- kind: ...）',
  'lessons.what.engines':
    '引擎版本范围：用空格分隔的比较式，例如 ">=28"、"<28.2.2"、">=26 <28"、"20.10"、"<26.1 || >=27"',
  'lessons.what.alternative': '另一种解法：[命令]，或 { engines: ">=28", run: [命令] }',
  'lessons.what.wrong': '错误示例：{ run: [命令], fails: 检查 id, says: "短语" }',
  'lessons.what.trace': 'trace：含 from 和 to 的映射，写法同 `dnlab trace <from> <to>`',
  'lessons.what.step': '步骤：含 id、title、text、checks 和 solution 的映射',
  'lessons.what.steps': '至少一个步骤的列表',
  'lessons.what.overlay':
    'lesson.yaml 的译文：含 title、summary 和 steps（每步含 id 与 title）的映射',
  'lessons.what.overlaySteps': 'lesson.yaml 各步骤的列表：- id: ... title: ...',
  'lessons.what.overlayStep': '步骤：含 id、title，按需含 hints、checks、explain 的映射',
  'lessons.what.variant':
    '一个变体：包含 id、setup、solution 和 explain 的映射（按需加上 wrong、alternatives）',
  'lessons.what.variants': '至少两个变体的列表（- id: ... setup: ...）',
  'lessons.what.incident': '一个故障：包含 symptom（一个 markdown 文件）和 variants 的映射',
  'lessons.what.params': '占位符名称到可选值的映射，例如 port: [8080, 8081]',
  'lessons.what.paramName': '占位符名称：以小写字母开头，后面是字母、数字或 _',
  'lessons.what.paramChoices': '至少两个可选值的列表（文本或数字）',
  'lessons.what.overlayChecks': '检查 id 到其消息的映射（仅限带 message 的检查）',

  'lessons.rule.folderName': 'id 必须与课程目录名相同：id 为 "{id}"，目录为 "{folder}"',
  'lessons.rule.unknownLabHost': '未知的实验主机 "{host}"；实验环境中有：{hosts}',
  'lessons.rule.duplicateHost': '主机 "{host}" 列出了两次',
  'lessons.rule.hostNotInLesson':
    '主机 "{host}" 不在本课程的主机中（{hosts}）；把它加入 hosts，或改用其中之一',
  'lessons.rule.duplicateStep': '步骤 id "{id}" 已被步骤 {first} 使用；步骤 id 必须唯一',
  'lessons.rule.duplicateCheck': '检查 id "{id}" 在本步骤中已被使用；同一步骤内检查 id 必须唯一',
  'lessons.rule.unknownCheck': '本步骤没有 id 为 "{id}" 的检查（已有的检查 id：{ids}）',
  'lessons.rule.unknownCheckGuess':
    '本步骤没有 id 为 "{id}" 的检查；是不是想写 "{guess}"？（已有的检查 id：{ids}）',
  'lessons.rule.noCheckIds':
    '本步骤没有 id 为 "{id}" 的检查：给该检查加上 id（id: {id}）才能引用它',
  'lessons.rule.enginesNeedsId':
    '带 `engines` 的检查需要一个 `id`（这样 `needs` 和 `wrong[].fails` 才能准确地引用它）',
  'lessons.rule.needsSelf': '检查不能依赖自身',
  'lessons.rule.needsCycle': '检查之间循环依赖：{cycle}',
  'lessons.rule.unknownKind': '未知的检查类型 "{kind}"（已知类型：{kinds}）',
  'lessons.rule.unknownKindGuess': '未知的检查类型 "{kind}"；是不是想写 "{guess}"？',
  'lessons.rule.unknownParam': '{kind} 没有这个参数（它的参数：{params}；? 表示可选）',
  'lessons.rule.unknownParamGuess':
    '{kind} 没有这个参数；是不是想写 "{guess}"？（它的参数：{params}；? 表示可选）',
  'lessons.rule.noHints': '本步骤没有提示：卡住的学员得不到帮助',
  'lessons.rule.noSolution':
    '本步骤没有 solution：每个步骤都需要一个（只有故障的变体各自带有 solution）',
  'lessons.rule.incidentSolution':
    '故障的步骤本身没有 solution：每个变体有自己的 solution（修复方法）',
  'lessons.rule.incidentOneStep': '一个故障只有一个步骤（症状消失）；这里有 {count} 个',
  'lessons.rule.undefinedParam': '占位符 {placeholder} 在 params 下没有可选值（params：{params}）',
  'lessons.rule.unusedParam':
    'param "{name}" 没有被使用：没有任何文本、命令或检查写了 {placeholder}',
  'lessons.rule.symptomNamesVariant':
    '症状说出了变体 "{variant}"：请写用户看到的现象，而不是出错的原因',
  'lessons.rule.duplicateVariant': '变体 id "{id}" 已被使用；变体 id 必须唯一',
  'lessons.rule.noExplain': '本步骤没有 explain：通过之后没有原理说明',

  'lessons.file.badEngineNote':
    '{file} 第 {line} 行："[!engines {range}]" 不是引擎版本范围（例如 [!engines <28]、[!engines >=26 <28]）',
  'lessons.file.missing': '找不到文件：{file}（路径相对于课程目录）',
  'lessons.file.noLessonYaml': '课程目录中没有 lesson.yaml',
  'lessons.file.unreadable': '无法读取此文件',
  'lessons.yaml.syntax': 'YAML 语法错误：{message}',

  'lessons.translation.missingFile': '课程已翻译为 {lang}，但缺少本步骤的 {lang} 文件：{file}',
  'lessons.translation.placeholders':
    '{lang} 文本必须保留英文中的占位符：en 有 {en}，{lang} 有 {have}',
  'lessons.translation.none': '无',
  'lessons.translation.missingStep':
    '{lang} 译文缺少 lesson.yaml 的第 {n} 步（id: {id}）；添加 - id: {id} 及其标题',
  'lessons.translation.unknownStep': 'lesson.yaml 中没有步骤 {id}；它的步骤有：{ids}',
  'lessons.translation.stepOrder': '步骤 {id} 在 lesson.yaml 中是第 {n} 步；请保持相同顺序',
  'lessons.translation.hintCount':
    '步骤 {id} 的英文有 {want} 条提示，{lang} 有 {have} 条；请按顺序逐条翻译',
  'lessons.translation.unknownCheck': 'lesson.yaml 的本步骤中没有 id 为 {id} 的检查',
  'lessons.translation.checkHasNoMessage':
    '检查 {id} 在 lesson.yaml 中没有 message：它的消息来自检查器，已有译文',
  'lessons.translation.missingCheckMessage':
    '检查 {id} 在 lesson.yaml 中有 message；请在 checks: 下添加 {id}: 及其 {lang} 文本',
  'lessons.translation.noExplain': 'lesson.yaml 中本步骤没有 explain',
  'lessons.translation.explainIsFile':
    '英文 explain 是文件（{file}）：请在它旁边的 {lang} 文件中翻译',
  'lessons.translation.missingExplain':
    '本步骤的英文 explain 是内联文本；请添加 {lang} 文本 explain: ...',

  'lessons.selftest.commandFailed': '"{run}" 在 {host} 上退出码为 {code}',
  'lessons.selftest.commandFailedOutput': '"{run}" 在 {host} 上退出码为 {code}：{output}',
  'lessons.selftest.notForEngine':
    '不适用于此引擎：它针对 Docker {range}，实验环境运行的是 {version}',
  'lessons.selftest.checkNotForEngine':
    '不适用于此引擎：检查 {id} 只在 Docker {range} 上判定，实验环境运行的是 {version}',
  'lessons.selftest.failsBefore': '参考答案之前未通过：{ids}',
  'lessons.selftest.passesBefore': '参考答案之前所有检查就已通过：',
  'lessons.selftest.noSuchCheck': '本步骤没有检查 "{id}"',
  'lessons.selftest.wrongPasses': '错误示例之后检查 {id} 仍然通过',
  'lessons.selftest.wrongSaysOther': '检查 {id} 未通过，但消息中没有 "{says}"：{message}',
  'lessons.selftest.allPass': '所有检查都通过',
  'lessons.selftest.failsAfterAlternative': '替代解法之后未通过：',
  'lessons.selftest.failsAfterSolution': '参考答案之后未通过：',

  'lessons.load.invalid': '该课程有 {count} 个错误；`dnlab lint` 会全部列出：',
  'lessons.load.more': '……另有 {count} 个',

  'lessons.lint.warning': '警告：{message}',
  'lessons.lint.noPath': '没有这个文件或目录：{path}',
  'lessons.lint.notLesson':
    '{path} 不是课程：请给出课程目录、它的 lesson.yaml，或一个课程目录的上级目录',
  'lessons.lint.noLessons': '{path} 下没有找到课程。',
  'lessons.lint.summaryClean': '已检查 {lessons}：没有错误，{warnings}。',
  'lessons.lint.summaryErrors': '已检查 {lessons}：{errors}，{warnings}。',
  'lessons.count.lesson.one': '{n} 个课程',
  'lessons.count.lesson.other': '{n} 个课程',
  'lessons.count.error.one': '{n} 个错误',
  'lessons.count.error.other': '{n} 个错误',
  'lessons.count.warning.one': '{n} 个警告',
  'lessons.count.warning.other': '{n} 个警告',
  'lessons.cli.lint.summary': '检查课程：结构、检查类型与参数、文件、译文',
  'lessons.cli.lint.description':
    '检查课程，并以 文件:行:列: 字段: 期望内容 的形式报告每个问题。\n' +
    '按课程结构检查 lesson.yaml，按检查器检查每项检查（类型与参数），检查每个步骤文件\n' +
    '是否存在、目录名是否等于 id，以及译文（lesson.zh-CN.yaml、steps/*.zh-CN.md）是否\n' +
    '与英文有相同的步骤、提示、检查消息、文件和占位符。发现任何错误时以 1 退出。',
  'lessons.cli.lint.pathArg':
    '课程目录、它的 lesson.yaml 或步骤文件，或课程目录的上级目录（默认：全部课程）',
  'lessons.cli.lint.jsonOpt': '以 JSON 输出结果（version、lessons、errors、warnings、diagnostics）',
  'lessons.cli.lint.examples':
    '示例：\n' +
    '  dnlab lint                           检查全部课程\n' +
    '  dnlab lint lessons/02-docker0        检查一个课程\n' +
    '  dnlab lint my-course/                检查一个目录下的课程\n' +
    '  dnlab lint --json > lint.json        供编辑器和 CI 使用',

  'lessons.new.badId':
    '课程 id "{id}" 不合规：请用两位数字、一个短横线，再接小写字母、数字和短横线（如 10-port-publishing）。',
  'lessons.new.exists': '{dir} 已存在；dnlab new 从不覆盖。',
  'lessons.new.exists.fix': '换一个 id',
  'lessons.new.created': '已创建 {dir}：',
  'lessons.new.next':
    '下一步：\n' +
    '  1. 编写课程：{dir}/lesson.yaml 以及 {dir}/steps/ 中的文件。\n' +
    '  2. 检查它（列出每个问题及其行号）：\n' +
    '       dnlab lint {dir}\n' +
    '  3. 在真实的实验环境中验证（参考答案之前检查未通过，之后通过）：\n' +
    '       dnlab test-lessons {id}',
  'lessons.cli.new.summary': '生成一个能通过 lint 的新课程骨架',
  'lessons.cli.new.description':
    '创建新的课程目录：含一个示例步骤的 lesson.yaml（一项 container-running 检查、\n' +
    '一条提示、参考答案、一个错误示例和原理说明）及其 markdown 文件。\n' +
    '从不覆盖已有目录。',
  'lessons.cli.new.idArg':
    '课程 id 即目录名：两位数字、一个短横线、一个 slug（10-port-publishing）',
  'lessons.cli.new.rootOpt': '在哪个课程目录中创建（默认：dnlab 的 lessons/）',
  'lessons.cli.new.titleOpt': '课程标题（默认：由 id 生成）',
  'lessons.cli.new.examples':
    '示例：\n' +
    '  dnlab new 10-port-publishing\n' +
    '  dnlab new 11-macvlan --title "Containers on the LAN with macvlan"\n' +
    '  dnlab new 01-first --root my-course/',
};
