/** English messages for the tui area (keys: `tui.*`). Placeholders are `{name}`. */
export const tui = {
  // Keys (the help overlay lists these, from src/tui/keymap.ts).
  'tui.key.up': 'Move up',
  'tui.key.down': 'Move down',
  'tui.key.top': 'First lesson',
  'tui.key.bottom': 'Last lesson',
  'tui.key.open': 'Open the selected lesson',
  'tui.key.continue': 'Continue where you left off',
  'tui.key.quit': 'Quit (the lab stays up)',
  'tui.key.help': 'Show this help',
  'tui.key.closeHelp': 'Close this help',
  'tui.key.scrollHelpDown': 'Scroll this help down',
  'tui.key.scrollHelpUp': 'Scroll this help up',
  'tui.key.back': 'Back to the lesson list',
  'tui.key.nextStep': 'Next step',
  'tui.key.prevStep': 'Previous step',
  'tui.key.scrollDown': 'Scroll the text down',
  'tui.key.scrollUp': 'Scroll the text up',
  'tui.key.pageDown': 'Scroll the text down a page',
  'tui.key.pageUp': 'Scroll the text up a page',
  'tui.key.hint': 'Show the next hint',
  'tui.key.solution': 'Show the solution (asks first)',
  'tui.key.check': 'Check now (checks also run when a command finishes)',
  'tui.key.reset': "Reset this lesson's lab (asks first)",
  'tui.key.zoom': 'Enlarge the text or the shell, in turn',
  'tui.key.togglePane': 'Move focus between the shell and the lesson',
  'tui.key.yes': 'Yes',
  'tui.key.no': 'No',

  'tui.help.title': 'Keys',
  'tui.help.scope.global': 'Everywhere',
  'tui.help.scope.home': 'Lesson list',
  'tui.help.scope.lesson': 'Lesson',
  'tui.help.scope.confirm': 'When asked a question',
  'tui.help.scope.help': 'This help',
  'tui.help.scope.pane': 'Shell (when it has focus every other key goes to the shell)',

  // Lesson list.
  'tui.list.title': 'Lessons',
  'tui.list.empty': 'No lessons found.',
  'tui.list.minutes': '{minutes} min',
  'tui.list.steps': '{done}/{total}',
  'tui.list.continue': 'continue here',
  'tui.list.footer': '{move} move · {open} open · {cont} continue · {quit} quit · {help} help',
  'tui.list.position': 'Lesson {n} of {total}',
  'tui.lessonState.new': 'new',
  'tui.lessonState.in-progress': 'in progress',
  'tui.lessonState.done': 'done',

  // Steps.
  'tui.stepState.todo': 'to do',
  'tui.stepState.done': 'done',
  'tui.stepState.skipped': 'skipped',
  'tui.step.header': 'Step {n} of {total}: {title}',
  'tui.step.current': 'current step',
  'tui.step.explain': 'Why it works',
  'tui.step.doneNext': 'Step done. Press {key} for the next step.',
  'tui.step.lessonDone': 'All steps done: lesson complete. Press {key} to go back to the list.',
  'tui.md.more': '↓ {n} more lines ({keys})',

  // Checks.
  'tui.check.title': 'Checks',
  'tui.check.summary': '{passed} of {total} pass',
  'tui.check.running': 'checking…',
  'tui.check.none': 'This step has no checks.',
  'tui.check.notRun': 'Not checked yet: run a command, or press {key}.',
  'tui.check.pass': 'pass',
  'tui.check.fail': 'fail',
  'tui.check.waiting': 'waiting on {id}',
  'tui.check.skipped': 'skipped: needs {feature}',
  'tui.check.error': 'The checks could not run: {message}',

  // Hints and solution.
  'tui.hint.title': 'Hint {n} of {total}',
  'tui.hint.offer': 'Stuck? Press {key} for a hint ({total} available).',
  'tui.hint.more': 'Press {key} for the next hint ({left} left).',
  'tui.hint.last': 'That was the last hint. The solution is behind {key}.',
  'tui.solution.title': 'Solution',
  'tui.solution.confirm':
    'Show the solution? Trying first teaches more; hints ({key}) may be enough.',
  'tui.solution.keys': '{yes} show it · {no} not now',
  'tui.solution.onHost': 'on {host}:',
  'tui.solution.none': 'This step has no written solution.',
  'tui.reset.confirm':
    "Reset this lesson's lab? Its hosts start fresh, as at the start of the lesson: the containers, networks and rules you made are removed, and earlier steps are not redone for you.",
  'tui.reset.done': 'Fresh {hosts}: back to the start of the lesson.',
  'tui.reset.failed': 'Reset failed: {message}',
  'tui.reset.setupFailed': 'the lesson setup `{run}` failed on {host} (exit {code}): {detail}',
  'tui.lesson.fresh': 'This lesson starts on a fresh {hosts}.',
  'tui.reset.keys': '{yes} reset · {no} keep it',

  // Status bar.
  'tui.status.focus.lesson': 'focus: lesson',
  'tui.status.focus.pane': 'focus: shell',
  'tui.status.toggle': '{key} switches focus',
  'tui.status.help': '{key} help',
  'tui.status.lab.starting': 'lab: starting',
  'tui.status.lab.up': 'lab: up',
  'tui.status.lab.resetting': 'lab: resetting',
  'tui.status.lab.down': 'lab: down',
  'tui.status.lab.error': 'lab: error',

  // Shell pane.
  'tui.pane.title': 'shell on {host}',
  'tui.pane.focused': 'typing goes to the shell · {key} to leave',
  'tui.pane.unfocused': '{key} to type here',
  'tui.pane.exited': 'shell ended (exit status {code})',
  'tui.pane.none': 'No shell yet: the lab is not up.',
  'tui.pane.separator': ' · ',

  // Errors.
  'tui.error.title': 'Something went wrong',
  'tui.error.try': 'Try: {what}',
  'tui.error.next': 'Next steps:',

  // Start and quit.
  'tui.start.checking': 'Looking for the lab…',
  'tui.start.wait': 'Starting the lab hosts; this takes a few seconds the first time. q quits.',
  'tui.start.failed': 'The lab could not start: {message}',
  'tui.start.finding': '{title}: {fix}',
  'tui.start.doctor': '`dnlab doctor` checks this machine and says how to fix what is missing.',
  'tui.start.quit': 'Press q to quit.',
  'tui.lessons.failed': 'The lessons could not be loaded. {message}',
  'tui.lessons.try': 'dnlab lint (it shows every problem with its file and line)',
  'tui.needsTty':
    'dnlab opens the lessons in your terminal, but its input or output is not a terminal. Run it in a terminal, or use a command such as `dnlab check` or `dnlab grade`.',
  'tui.quit.labUp': 'The lab is still up, so the next start is quick. `dnlab down` stops it.',
  'tui.quit.labNotUp': 'The lab is not up. `dnlab down` removes anything a start left behind.',
  'tui.progressFile.corrupt':
    'Your progress file could not be read, so it was moved to {path}; progress starts afresh (the lab itself is untouched).',
  'tui.progressFile.foreign':
    "The progress file was not one of dnlab's, so it was moved to {path}; progress starts afresh.",
  'tui.progressFile.unreadable':
    'Your progress could not be read ({message}); it will not be saved this time.',
  'tui.progressFile.unwritable': 'Your progress could not be saved: {message}',

  // Lab bring-up.
  'tui.progress.title': 'Starting the lab',
  'tui.progress.running': 'running',
  'tui.progress.done': 'done',
  'tui.progress.fail': 'failed',
  'tui.progress.ms': '{ms} ms',
  'tui.progress.s': '{s} s',
} as const satisfies Record<string, string>;
