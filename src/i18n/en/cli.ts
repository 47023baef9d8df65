/** English messages for the CLI, `doctor` and the lab (keys: `cli.*`, `doctor.*`, `lab.*`). */
export const cli = {
  'cli.error': 'error',
  'cli.try': 'try',
  'cli.needsRoot':
    'dnlab needs root: it creates network namespaces and runs a Docker engine per lab host. Run it as root, for example: sudo {command}',
  'cli.interrupted': 'Interrupted: removing what was created so far…',
  'lab.upDone': 'The lab is up in {time}: {hosts}.',
  'lab.alreadyUp': 'The lab is already up ({hosts}). `dnlab status` shows it; `dnlab down` stops it.',
  'lab.cleanedLeftovers':
    'Cleaned leftovers of an earlier run: {processes} processes, {namespaces} namespaces, {mounts} mounts.',
  'lab.downDone':
    'The lab is down in {time}: removed {namespaces} namespaces, {processes} processes, {mounts} mounts.',
  'lab.downNothing': 'Nothing to remove: the lab is not up.',
  'lab.resetDone': '{host} is back to a fresh state in {time} ({how}).',
  'lab.resetHow.fast': 'lab objects removed through the Engine API',
  'lab.resetHow.rebuilt': 'host rebuilt',
  'lab.notUp': 'The lab is not up.',
  'lab.startIt': 'Start it with: dnlab up',
  'lab.nextSteps': 'Next: `dnlab shell host1` opens a shell on host1; `dnlab` opens the lessons.',
  'lab.status.up': 'The lab is up.',
  'lab.status.down': 'The lab is not up.',
  'lab.status.leftovers': 'Left over from an earlier run: {items}. `dnlab doctor --fix` removes them.',
  'doctor.title': 'dnlab doctor: can this machine run the lab?',
  'doctor.allGood': 'Everything the lab needs is here.',
  'doctor.problems': '{count} problem(s) found; each line above says how to fix it.',
  'doctor.fixed': 'Removed leftovers: {processes} processes, {namespaces} namespaces, {mounts} mounts.',
  'doctor.optional': 'optional',
} as const satisfies Record<string, string>;
