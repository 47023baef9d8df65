/** English messages for grading, workshops and class reports (keys: `grade.*`). */
export const grade = {
  // workshop.yaml: what a field expects, and rules across fields.
  'grade.what.workshop':
    'a workshop: a mapping with title and lessons (and timeLimit, showHints, showSolutions)',
  'grade.what.lessonId': 'a lesson id like 02-docker0 (the name of a lesson folder)',
  'grade.what.lessons': 'a list of at least one lesson id, in the order the class does them',
  'grade.what.timeLimit': 'a whole number of minutes, at least 1',
  'grade.rule.duplicateLesson':
    'lesson "{id}" is already listed (item {first}); list each lesson once',
  'grade.rule.unknownLesson': 'there is no lesson "{id}" in {root} (lessons: {lessons})',
  'grade.rule.unknownLessonGuess': 'there is no lesson "{id}" in {root}; did you mean "{guess}"?',
  'grade.none': '(none)',
  'grade.workshop.invalid':
    'The workshop file has {count} error(s); `dnlab lint FILE` shows them all:',

  // Grading.
  'grade.stepUnderWay': 'checking {step}',
  'grade.checkError': 'could not check the lab: {reason}',
  'grade.text.header': 'Grade for {student}',
  'grade.text.about': 'dnlab {version} · lab hosts {hosts}',
  'grade.text.workshop': 'workshop "{title}"',
  'grade.text.skipped': 'skipped',
  'grade.text.expected': 'expected: {value}',
  'grade.text.seen': 'seen: {value}',
  'grade.text.total':
    'Total: {points}/{possible} points · {stepsPassed} of {steps} steps · {checksPassed} of {checks} checks passed',
  'grade.text.stepsSkipped': '{n} step(s) skipped (a kernel feature this machine lacks)',

  // Class report.
  'grade.report.notJson': 'not JSON ({error})',
  'grade.report.notResult': 'not a dnlab grade result (version 1): {issues}',
  'grade.report.unreadable': 'cannot read it ({error})',
  'grade.report.skippedFile': 'skipped {file}: {reason}',
  'grade.report.noResults': 'No grade results to report.',
  'grade.report.title': 'dnlab class report',
  'grade.report.summary': '{students} student(s) · {passed} passed everything · {steps} step(s)',
  'grade.report.skippedFiles': '{n} file(s) skipped: not grade results',
  'grade.report.results': 'Results',
  'grade.report.student': 'Student',
  'grade.report.points': 'Points',
  'grade.report.passedRow': 'passed',
  'grade.report.legend': 'Columns (lesson.step):',
  'grade.report.legendTitle': 'Columns',
  'grade.report.struggles': 'Where the class struggled',
  'grade.report.noStruggles': 'Every graded step passed for every student.',
  'grade.report.failedOf': '{failed} of {graded} failed',
  'grade.report.messages': 'Most common failing checks',
  'grade.report.noFailures': 'No check failed.',
  'grade.report.students': '{n}×',
  'grade.report.studentsHeader': 'Students',
  'grade.report.step': 'Step',
  'grade.report.title.step': 'Title',
  'grade.report.failed': 'Failed',
  'grade.report.check': 'Check',
  'grade.report.message': 'Message',
  'grade.report.copied':
    '{step}: the same evidence for students who had different seeds ({students}): one lab graded twice, or a result copied',
  'grade.report.mixed':
    'Some lessons were graded on different versions of their content (content hashes differ): {lessons}',
  'grade.report.written': 'Wrote {file}',

  // dnlab grade.
  'grade.cli.summary': 'grade lessons against the live lab: points, evidence, reports for CI',
  'grade.cli.description':
    'Re-check every step of the chosen lessons against the live lab (the progress file is never read) ' +
    'and report points per step, with the evidence of every check.\n\n' +
    'Exits 0 only when every graded step passes.',
  'grade.cli.lessonsOpt':
    "lessons to grade, comma-separated (default: every lesson, or the workshop's)",
  'grade.cli.formatOpt': 'report format: text, json, junit or tap',
  'grade.cli.outputOpt': 'write the report to FILE instead of standard output',
  'grade.cli.workshopOpt': 'apply a workshop.yaml: its lessons, in its order',
  'grade.cli.studentOpt': 'who is graded (default: $DNLAB_STUDENT, else the hostname)',
  'grade.cli.quietOpt': 'no progress lines on standard error',
  'grade.cli.verifyOpt':
    "first check dnlab's own files against dist/manifest.json; refuse to grade when one differs (always on when CI=true)",
  'grade.verify.refused':
    "dnlab's own files differ from its manifest ({manifest}), so a grade could not be trusted; refusing to grade:",
  'grade.verify.changed': '{file} changed',
  'grade.verify.missing': '{file} is missing',
  'grade.verify.added': '{file} was added',
  'grade.verify.noManifest': 'there is no manifest {file} (it is written by npm run build)',
  'grade.verify.manifestChanged':
    'the manifest {file} is not the one DNLAB_MANIFEST_SHA256 names (or is not a manifest)',
  'grade.verify.more': '… and {n} more',
  'grade.verify.fix':
    'rebuild dnlab from a clean checkout (npm ci && npm run build) before the learner\'s commands run, and run them so they cannot write dnlab\'s files (docs/grading.md, "Trust model")',
  'grade.cli.examples':
    'Formats:\n' +
    '  text   a table to read (default)\n' +
    '  json   the grade result, schema: schemas/grade-result.v1.json\n' +
    '  junit  JUnit XML: a testsuite per lesson step, a testcase per check\n' +
    '  tap    TAP version 14: a subtest per step, a test point per check\n' +
    '\n' +
    'Examples:\n' +
    '  sudo dnlab grade                                     every lesson, as a table\n' +
    '  sudo dnlab grade --lessons 01-first-container,02-docker0\n' +
    '  sudo dnlab grade --workshop workshop.yaml --format json --output results/$USER.json\n' +
    '  sudo dnlab grade --format junit --output grade.xml   for a CI test report\n' +
    '  sudo dnlab grade --format tap | tee grade.tap\n' +
    '\n' +
    'Exit status: 0 when every graded step passes, 1 when any fails, 2 on a usage error.\n' +
    'See docs/grading.md for grading in GitHub Classroom or any CI.',
  'grade.cli.badFormat': 'unknown format "{format}" (formats: {formats})',
  'grade.cli.noLessons': 'There are no lessons to grade.',
  'grade.cli.notInWorkshop': 'lesson {id} is not in the workshop (its lessons: {lessons})',
  'grade.cli.missingLesson': 'the workshop names lesson {id}, which is not in {root}',
  'grade.cli.checking': 'checking {lesson}/{step} ({n}/{of})',
  'grade.cli.stepDone': '{mark} {lesson}/{step} {points}/{possible}',
  'grade.cli.wrote': 'Wrote the {format} report to {file} ({points}/{possible} points).',

  // dnlab class-report.
  'grade.cli.report.summary': 'a class report from grade results: a table, and an HTML page',
  'grade.cli.report.description':
    "Put many students' grade results (dnlab grade --format json) side by side: a table of student × " +
    'lesson step with totals, where the class struggled, and the most common failing checks.\n\n' +
    'Files that are not grade results are named on standard error and skipped.',
  'grade.cli.report.filesArg': 'grade result files (JSON), e.g. results/*.json',
  'grade.cli.report.htmlOpt': 'also write one self-contained HTML page to FILE',
  'grade.cli.report.titleOpt': "the HTML page's title",
  'grade.cli.report.examples':
    'Examples:\n' +
    '  dnlab class-report results/*.json\n' +
    '  dnlab class-report results/*.json --html class.html\n' +
    '\n' +
    'Exit status: 0 when at least one result was read, 1 when none could be.',
} as const;
