import type { grade as en } from '../en/grade.js';

/**
 * 简体中文: the `grade` part of the catalogue. Keys and {placeholders} as in ../en/grade.ts.
 * Terms as docs/glossary.md fixes them (评分, 班级报告, 学员, 步骤, 检查); commands, flags, file
 * names, format names and schema ids stay in English.
 */
export const grade: Record<keyof typeof en, string> = {
  // workshop.yaml: what a field expects, and rules across fields.
  'grade.what.workshop':
    '一个 workshop：包含 title 和 lessons 的映射（以及 timeLimit、showHints、showSolutions）',
  'grade.what.lessonId': '课程 id，例如 02-docker0（课程文件夹的名字）',
  'grade.what.lessons': '至少一个课程 id 的列表，按班级学习的顺序排列',
  'grade.what.timeLimit': '分钟数，整数，至少为 1',
  'grade.rule.duplicateLesson': '课程 "{id}" 已经列出过（第 {first} 项）；每个课程只列一次',
  'grade.rule.unknownLesson': '{root} 中没有课程 "{id}"（已有课程：{lessons}）',
  'grade.rule.unknownLessonGuess': '{root} 中没有课程 "{id}"；你是不是想写 "{guess}"？',
  'grade.none': '（无）',
  'grade.workshop.invalid': 'workshop 文件有 {count} 个错误；`dnlab lint FILE` 会列出全部错误：',

  // Grading.
  'grade.stepUnderWay': '检查 {step}',
  'grade.checkError': '无法检查实验环境：{reason}',
  'grade.text.header': '{student} 的评分',
  'grade.text.about': 'dnlab {version} · 实验主机 {hosts}',
  'grade.text.workshop': 'workshop "{title}"',
  'grade.text.skipped': '已跳过',
  'grade.text.expected': '期望：{value}',
  'grade.text.seen': '实际：{value}',
  'grade.text.total':
    '总计：{points}/{possible} 分 · {steps} 个步骤中通过 {stepsPassed} 个 · {checks} 项检查中通过 {checksPassed} 项',
  'grade.text.stepsSkipped': '跳过了 {n} 个步骤（本机缺少所需的内核功能）',

  // Class report.
  'grade.report.notJson': '不是 JSON（{error}）',
  'grade.report.notResult': '不是 dnlab 评分结果（version 1）：{issues}',
  'grade.report.unreadable': '无法读取（{error}）',
  'grade.report.skippedFile': '跳过 {file}：{reason}',
  'grade.report.noResults': '没有可汇总的评分结果。',
  'grade.report.title': 'dnlab 班级报告',
  'grade.report.summary': '{students} 名学员 · {passed} 名全部通过 · {steps} 个步骤',
  'grade.report.skippedFiles': '跳过了 {n} 个文件：不是评分结果',
  'grade.report.results': '结果',
  'grade.report.student': '学员',
  'grade.report.points': '得分',
  'grade.report.passedRow': '通过',
  'grade.report.legend': '各列（课程.步骤）：',
  'grade.report.legendTitle': '各列',
  'grade.report.struggles': '班级的难点',
  'grade.report.noStruggles': '每名学员都通过了所有已评分的步骤。',
  'grade.report.failedOf': '{graded} 人中 {failed} 人未通过',
  'grade.report.messages': '最常见的未通过检查',
  'grade.report.noFailures': '没有未通过的检查。',
  'grade.report.students': '{n} 人',
  'grade.report.studentsHeader': '学员数',
  'grade.report.step': '步骤',
  'grade.report.title.step': '标题',
  'grade.report.failed': '未通过',
  'grade.report.check': '检查',
  'grade.report.message': '消息',
  'grade.report.copied':
    '{step}：种子不同的学员得到了完全相同的证据（{students}）：同一个实验环境被评了两次，或者结果是抄的',
  'grade.report.mixed': '部分课程是按不同版本的内容评分的（内容哈希不同）：{lessons}',
  'grade.report.written': '已写入 {file}',

  // dnlab grade.
  'grade.cli.summary': '对照运行中的实验环境为课程评分：得分、证据、供 CI 使用的报告',
  'grade.cli.description':
    '对照运行中的实验环境重新检查所选课程的每个步骤（从不读取进度文件），' +
    '并报告每个步骤的得分，以及每项检查的证据。\n\n' +
    '只有当所有已评分的步骤都通过时，退出码才是 0。',
  'grade.cli.lessonsOpt': '要评分的课程，用逗号分隔（默认：所有课程，或 workshop 中的课程）',
  'grade.cli.formatOpt': '报告格式：text、json、junit 或 tap',
  'grade.cli.outputOpt': '把报告写入 FILE，而不是标准输出',
  'grade.cli.workshopOpt': '使用一个 workshop.yaml：其中的课程，按其中的顺序',
  'grade.cli.studentOpt': '被评分的人（默认：$DNLAB_STUDENT，否则为主机名）',
  'grade.cli.quietOpt': '不在标准错误上输出进度行',
  'grade.cli.verifyOpt':
    '评分前先按 dist/manifest.json 核对 dnlab 自身的文件，有任何不同就拒绝评分（CI=true 时总是开启）',
  'grade.verify.refused':
    'dnlab 自身的文件与其清单（{manifest}）不一致，评分结果无法信任；拒绝评分：',
  'grade.verify.changed': '{file} 已被修改',
  'grade.verify.missing': '{file} 不见了',
  'grade.verify.added': '{file} 是新增的',
  'grade.verify.noManifest': '没有清单 {file}（它由 npm run build 生成）',
  'grade.verify.manifestChanged':
    '清单 {file} 不是 DNLAB_MANIFEST_SHA256 指定的那一份（或根本不是清单）',
  'grade.verify.more': '……另有 {n} 项',
  'grade.verify.fix':
    '在学员的命令运行之前，从干净的检出重新构建 dnlab（npm ci && npm run build），并让这些命令无法改写 dnlab 的文件（见 docs/grading.md 的 “Trust model” 一节）',
  'grade.cli.examples':
    '格式：\n' +
    '  text   便于阅读的表格（默认）\n' +
    '  json   评分结果，schema：schemas/grade-result.v1.json\n' +
    '  junit  JUnit XML：每个课程步骤一个 testsuite，每项检查一个 testcase\n' +
    '  tap    TAP version 14：每个步骤一个 subtest，每项检查一个 test point\n' +
    '\n' +
    '示例：\n' +
    '  sudo dnlab grade                                     所有课程，以表格显示\n' +
    '  sudo dnlab grade --lessons 01-first-container,02-docker0\n' +
    '  sudo dnlab grade --workshop workshop.yaml --format json --output results/$USER.json\n' +
    '  sudo dnlab grade --format junit --output grade.xml   生成 CI 测试报告\n' +
    '  sudo dnlab grade --format tap | tee grade.tap\n' +
    '\n' +
    '退出码：所有已评分的步骤都通过时为 0，有任何未通过时为 1，用法错误时为 2。\n' +
    '在 GitHub Classroom 或任意 CI 中评分，见 docs/grading.md。',
  'grade.cli.badFormat': '未知格式 "{format}"（可用格式：{formats}）',
  'grade.cli.noLessons': '没有可评分的课程。',
  'grade.cli.notInWorkshop': '课程 {id} 不在 workshop 中（其中的课程：{lessons}）',
  'grade.cli.missingLesson': 'workshop 中列出了课程 {id}，但 {root} 中没有它',
  'grade.cli.checking': '正在检查 {lesson}/{step}（{n}/{of}）',
  'grade.cli.stepDone': '{mark} {lesson}/{step} {points}/{possible}',
  'grade.cli.wrote': '已把 {format} 报告写入 {file}（{points}/{possible} 分）。',

  // dnlab class-report.
  'grade.cli.report.summary': '由评分结果生成班级报告：一个表格，以及一个 HTML 页面',
  'grade.cli.report.description':
    '把多名学员的评分结果（dnlab grade --format json）并排放在一起：学员 × 课程步骤的表格及总分、' +
    '班级的难点，以及最常见的未通过检查。\n\n' +
    '不是评分结果的文件会在标准错误上列出并跳过。',
  'grade.cli.report.filesArg': '评分结果文件（JSON），例如 results/*.json',
  'grade.cli.report.htmlOpt': '另外把一个独立的 HTML 页面写入 FILE',
  'grade.cli.report.titleOpt': 'HTML 页面的标题',
  'grade.cli.report.examples':
    '示例：\n' +
    '  dnlab class-report results/*.json\n' +
    '  dnlab class-report results/*.json --html class.html\n' +
    '\n' +
    '退出码：至少读到一个结果时为 0，一个也读不到时为 1。',
};
