/** English messages for the lessons area (keys: `lessons.*`). Placeholders are `{name}`. */
export const lessons = {
  // How a value the author wrote is named in a message.
  'lessons.got.missing': 'nothing',
  'lessons.got.empty': 'an empty value',
  'lessons.got.list': 'a list of {n}',
  'lessons.got.emptyList': 'an empty list',
  'lessons.got.mapping': 'a mapping',

  // The shape of every lint message: what was expected, and what was found.
  'lessons.issue.expected': 'expected {what}, got {got}',
  'lessons.issue.missing': 'missing: expected {what}',
  'lessons.issue.unknownField': 'unknown field (fields here: {allowed})',
  'lessons.issue.unknownFieldGuess':
    'unknown field; did you mean "{guess}"? (fields here: {allowed})',

  // What a field expects.
  'lessons.what.string': 'a non-empty text',
  'lessons.what.number': 'a number',
  'lessons.what.int': 'a whole number',
  'lessons.what.boolean': 'true or false',
  'lessons.what.list': 'a list',
  'lessons.what.mapping': 'a mapping (key: value)',
  'lessons.what.oneOf': 'one of: {values}',
  'lessons.what.pattern': 'a value matching {pattern}',
  'lessons.what.format': 'a valid {format}',
  'lessons.format.ipv4': 'an IPv4 address like 10.10.0.1',
  'lessons.format.ipv6': 'an IPv6 address like fd00::1',
  'lessons.format.cidrv4': 'an IPv4 network like 10.10.0.0/24',
  'lessons.format.cidrv6': 'an IPv6 network like fd00::/64',
  'lessons.format.mac': 'a MAC address like 02:42:ac:11:00:02',
  'lessons.what.min.items': 'a list of at least {n} item(s)',
  'lessons.what.max.items': 'a list of at most {n} item(s)',
  'lessons.what.min.chars': 'a text of at least {n} character(s)',
  'lessons.what.max.chars': 'a text of at most {n} character(s)',
  'lessons.what.min.n': 'a number ≥ {n}',
  'lessons.what.max.n': 'a number ≤ {n}',
  'lessons.what.lesson': 'a lesson: a mapping with id, title, summary, minutes, hosts and steps',
  'lessons.what.lessonId':
    'a lesson id like 02-docker0 (two digits, a dash, then lowercase letters, digits and dashes)',
  'lessons.what.slug': 'an id of lowercase letters, digits and single dashes, like find-docker0',
  'lessons.what.ids': 'a list of check ids of this step',
  'lessons.what.text': 'a text: a string, or {en: "...", zh-CN: "..."} (en is required)',
  'lessons.what.texts': 'a list of texts',
  'lessons.what.mdFile':
    'a markdown file in the lesson folder, like steps/01-find-docker0.md (relative, no "..")',
  'lessons.what.doc': 'a markdown file like steps/01-find-docker0.md, or {en: file, zh-CN: file}',
  'lessons.what.minutes': 'a whole number of minutes, at least 1',
  'lessons.what.points': 'a whole number of points, 0 or more',
  'lessons.what.hosts': 'a list of at least one lab host, like [host1]',
  'lessons.what.feature': 'a kernel feature: one of {features}',
  'lessons.what.command': 'a command: { host: host1, run: "docker ..." }',
  'lessons.what.commands': 'a list of at least one command: - { host: host1, run: "docker ..." }',
  'lessons.what.check': "a check: a mapping with kind and the checker's params",
  'lessons.what.checks': 'a list of at least one check (- kind: ...)',
  'lessons.what.engines':
    'an engine range: comparators joined by spaces, e.g. ">=28", "<28.2.2", ">=26 <28", "20.10", "<26.1 || >=27"',
  'lessons.what.alternative': 'an alternative: [commands], or { engines: ">=28", run: [commands] }',
  'lessons.what.wrong': 'a wrong attempt: { run: [commands], fails: check-id, says: "phrase" }',
  'lessons.what.trace': 'a trace: a mapping with from and to, as `dnlab trace <from> <to>` takes them',
  'lessons.what.step': 'a step: a mapping with id, title, text, checks and solution',
  'lessons.what.steps': 'a list of at least one step',
  'lessons.what.overlay':
    'a translation of lesson.yaml: a mapping with title, summary and steps (each with id and title)',
  'lessons.what.overlaySteps': "a list of lesson.yaml's steps: - id: ... title: ...",
  'lessons.what.overlayStep':
    'a step: a mapping with id, title, and hints, checks, explain as needed',
  'lessons.what.variant':
    'a variant: a mapping with id, setup, solution and explain (and wrong, alternatives as needed)',
  'lessons.what.variants': 'a list of at least two variants (- id: ... setup: ...)',
  'lessons.what.incident': 'an incident: a mapping with symptom (a markdown file) and variants',
  'lessons.what.params': 'a mapping of placeholder name to its choices, like port: [8080, 8081]',
  'lessons.what.paramName': 'a placeholder name: a lowercase letter, then letters, digits or _',
  'lessons.what.paramChoices': 'a list of at least two choices (texts or numbers)',
  'lessons.what.overlayChecks': 'a mapping of check id to its message (checks with a message only)',

  // Rules that span fields.
  'lessons.rule.folderName':
    'the id must equal the lesson folder\'s name: id is "{id}", the folder is "{folder}"',
  'lessons.rule.unknownLabHost': 'unknown lab host "{host}"; the lab has: {hosts}',
  'lessons.rule.duplicateHost': 'host "{host}" is listed twice',
  'lessons.rule.hostNotInLesson':
    'host "{host}" is not one of this lesson\'s hosts ({hosts}); add it to hosts or use one of them',
  'lessons.rule.duplicateStep':
    'step id "{id}" is already used by step {first}; step ids must be unique',
  'lessons.rule.duplicateCheck':
    'check id "{id}" is already used in this step; check ids must be unique within a step',
  'lessons.rule.unknownCheck': 'no check of this step has id "{id}" (its check ids: {ids})',
  'lessons.rule.unknownCheckGuess':
    'no check of this step has id "{id}"; did you mean "{guess}"? (its check ids: {ids})',
  'lessons.rule.noCheckIds':
    'no check of this step has id "{id}": give the check an id (id: {id}) to refer to it',
  'lessons.rule.enginesNeedsId':
    'a check with `engines` needs an `id` (so `needs` and `wrong[].fails` name it exactly)',
  'lessons.rule.needsSelf': 'a check cannot need itself',
  'lessons.rule.needsCycle': 'checks need each other in a circle: {cycle}',
  'lessons.rule.unknownKind': 'unknown check kind "{kind}" (known kinds: {kinds})',
  'lessons.rule.unknownKindGuess': 'unknown check kind "{kind}"; did you mean "{guess}"?',
  'lessons.rule.unknownParam': 'unknown param of {kind} (its params: {params}; ? = optional)',
  'lessons.rule.unknownParamGuess':
    'unknown param of {kind}; did you mean "{guess}"? (its params: {params}; ? = optional)',
  'lessons.rule.noHints': 'this step has no hints: a learner who is stuck gets no help',
  'lessons.rule.noSolution':
    "this step has no solution: every step needs one (only an incident's variants bring their own)",
  'lessons.rule.incidentSolution':
    "an incident's step has no solution of its own: each variant has its solution (the fix)",
  'lessons.rule.incidentOneStep':
    'an incident has exactly one step (the symptom gone); this one has {count}',
  'lessons.rule.undefinedParam':
    'placeholder {placeholder} has no choices under params (params: {params})',
  'lessons.rule.unusedParam':
    'param "{name}" is used nowhere: no text, command or check says {placeholder}',
  'lessons.rule.symptomNamesVariant':
    'the symptom names the variant "{variant}": say what the user sees, not what is wrong',
  'lessons.rule.duplicateVariant': 'variant id "{id}" is already used; variant ids must be unique',
  'lessons.rule.noExplain':
    'this step has no explain: nothing says what just happened once it passes',

  // Files.
  'lessons.file.badEngineNote':
    '{file} line {line}: "[!engines {range}]" is not an engine range (e.g. [!engines <28], [!engines >=26 <28])',
  'lessons.file.missing': 'file not found: {file} (paths are relative to the lesson folder)',
  'lessons.file.noLessonYaml': 'no lesson.yaml in this lesson folder',
  'lessons.file.unreadable': 'cannot read this file',
  'lessons.yaml.syntax': 'YAML syntax: {message}',

  // Translations.
  'lessons.translation.missingFile':
    "the lesson is translated to {lang}, but this step's {lang} file is missing: {file}",
  'lessons.translation.placeholders':
    'the {lang} text must keep the English placeholders: en has {en}, {lang} has {have}',
  'lessons.translation.none': 'none',
  'lessons.translation.missingStep':
    'the {lang} translation lacks step {n} of lesson.yaml (id: {id}); add - id: {id} with its title',
  'lessons.translation.unknownStep': 'lesson.yaml has no step {id}; its steps are: {ids}',
  'lessons.translation.stepOrder': 'step {id} is step {n} in lesson.yaml; keep the same order',
  'lessons.translation.hintCount':
    'step {id} has {want} hint(s) in English but {have} in {lang}; translate each, in order',
  'lessons.translation.unknownCheck': 'this step of lesson.yaml has no check with id {id}',
  'lessons.translation.checkHasNoMessage':
    'check {id} has no message in lesson.yaml: its message comes from the checker, already translated',
  'lessons.translation.missingCheckMessage':
    'check {id} has a message in lesson.yaml; add its {lang} text under checks: {id}: ...',
  'lessons.translation.noExplain': 'this step has no explain in lesson.yaml',
  'lessons.translation.explainIsFile':
    'the English explain is a file ({file}): translate it in the {lang} file beside it',
  'lessons.translation.missingExplain':
    'the English explain of this step is inline text; add its {lang} text as explain: ...',

  // dnlab test-lessons: what each case proved, or what went wrong.
  'lessons.selftest.commandFailed': '"{run}" on {host} exited {code}',
  'lessons.selftest.commandFailedOutput': '"{run}" on {host} exited {code}: {output}',
  'lessons.selftest.notForEngine':
    'not on this engine: written for Docker {range}, the lab runs {version}',
  'lessons.selftest.checkNotForEngine':
    'not on this engine: check {id} is judged on Docker {range} only, the lab runs {version}',
  'lessons.selftest.failsBefore': 'fails before the solution: {ids}',
  'lessons.selftest.passesBefore': 'every check already passes before the solution:',
  'lessons.selftest.noSuchCheck': 'no check "{id}" in this step',
  'lessons.selftest.wrongPasses': 'check {id} passes after the wrong attempt',
  'lessons.selftest.wrongSaysOther': 'check {id} fails but does not say "{says}": {message}',
  'lessons.selftest.allPass': 'every check passes',
  'lessons.selftest.failsAfterAlternative': 'fails after the alternative solution:',
  'lessons.selftest.failsAfterSolution': 'fails after the solution:',

  // Loading.
  'lessons.load.invalid': 'The lesson has {count} error(s); `dnlab lint` shows them all:',
  'lessons.load.more': '… and {count} more',

  // dnlab lint.
  'lessons.lint.warning': 'warning: {message}',
  'lessons.lint.noPath': 'No such file or folder: {path}',
  'lessons.lint.notLesson':
    '{path} is not a lesson: give a lesson folder, its lesson.yaml, or a folder of lessons',
  'lessons.lint.noLessons': 'No lessons found under {path}.',
  'lessons.lint.summaryClean': '{lessons} checked: no errors, {warnings}.',
  'lessons.lint.summaryErrors': '{lessons} checked: {errors}, {warnings}.',
  'lessons.count.lesson.one': '{n} lesson',
  'lessons.count.lesson.other': '{n} lessons',
  'lessons.count.error.one': '{n} error',
  'lessons.count.error.other': '{n} errors',
  'lessons.count.warning.one': '{n} warning',
  'lessons.count.warning.other': '{n} warnings',
  'lessons.cli.lint.summary': 'check lessons: schema, check kinds and params, files, translations',
  'lessons.cli.lint.description':
    'Check lessons and report every problem as file:line:col: field: what was expected.\n' +
    'Checks lesson.yaml against the lesson schema, each check against its checker (kind and\n' +
    'params), that every step file exists, that the folder name equals the id, and that a\n' +
    'translation (lesson.zh-CN.yaml, steps/*.zh-CN.md) has the same steps, hints, check\n' +
    'messages, files and placeholders as the English. Exits 1 when any error is found.',
  'lessons.cli.lint.pathArg':
    'a lesson folder, its lesson.yaml or a step file, or a folder of lessons (default: all lessons)',
  'lessons.cli.lint.jsonOpt':
    'print the result as JSON (version, lessons, errors, warnings, diagnostics)',
  'lessons.cli.lint.examples':
    'Examples:\n' +
    '  dnlab lint                           check every lesson\n' +
    '  dnlab lint lessons/02-docker0        check one lesson\n' +
    '  dnlab lint my-course/                check a folder of lessons\n' +
    '  dnlab lint --json > lint.json        for editors and CI',

  // dnlab new.
  'lessons.new.badId':
    'Bad lesson id "{id}": use two digits, a dash, then lowercase letters, digits and dashes (like 10-port-publishing).',
  'lessons.new.exists': '{dir} already exists; dnlab new never overwrites.',
  'lessons.new.exists.fix': 'choose another id',
  'lessons.new.created': 'Created {dir}:',
  'lessons.new.next':
    'Next steps:\n' +
    '  1. Write the lesson: {dir}/lesson.yaml and the files in {dir}/steps/.\n' +
    '  2. Check it (every problem, with its line):\n' +
    '       dnlab lint {dir}\n' +
    '  3. Prove it on a real lab (its checks fail before the solution and pass after it):\n' +
    '       dnlab test-lessons {id}',
  'lessons.cli.new.summary': 'scaffold a new lesson that lints clean',
  'lessons.cli.new.description':
    'Write a new lesson folder: lesson.yaml with one example step (a container-running check,\n' +
    'a hint, the solution, a wrong attempt and an explanation) and its markdown files.\n' +
    'Never overwrites an existing folder.',
  'lessons.cli.new.idArg':
    'the lesson id and folder name: two digits, a dash, a slug (10-port-publishing)',
  'lessons.cli.new.rootOpt': "the folder of lessons to create it in (default: dnlab's lessons/)",
  'lessons.cli.new.titleOpt': 'the lesson title (default: from the id)',
  'lessons.cli.new.examples':
    'Examples:\n' +
    '  dnlab new 10-port-publishing\n' +
    '  dnlab new 11-macvlan --title "Containers on the LAN with macvlan"\n' +
    '  dnlab new 01-first --root my-course/',
} as const satisfies Record<string, string>;
