/** English messages for the CLI, `doctor` and the lab (keys: `cli.*`, `doctor.*`, `lab.*`). */
export const cli = {
  'cli.error': 'error',
  'cli.try': 'try',
  'cli.errorLine': '{error}: {message}',
  'cli.tryLine': '{try}: {fix}',
  'cli.cmdr.unknownOption': "unknown option '{option}'",
  'cli.cmdr.missingArgument': "missing required argument '{name}'",
  'cli.cmdr.optionArgumentMissing': "option '{option}' argument missing",
  'cli.cmdr.tooManyArguments': "too many arguments for '{command}': expected {expected}, got {got}",
  'cli.cmdr.didYouMean': '(Did you mean {words}?)',
  'cli.needsRoot':
    'dnlab needs root: it creates network namespaces and runs a Docker engine per lab host. Run it as root, for example: sudo {command}',
  'cli.interrupted': 'Interrupted: removing what was created so far…',
  'cli.badLang': 'unsupported language "{lang}"; dnlab speaks: {langs}',
  'cli.badLangFix': 'dnlab --lang zh-CN --help (or LANG=zh_CN.UTF-8 dnlab --help)',
  'cli.unknownCommand': "unknown command '{name}'",
  'cli.vm.starting': 'dnlab: this machine is not Linux; starting the lab VM (vagrant up)…',
  'cli.vm.noVagrant':
    'dnlab: Vagrant is not installed. Install Vagrant and VirtualBox 7.1+ (or VMware/Parallels), then run npm start again.',
  'cli.noLesson': 'There is no lesson "{id}".',
  'cli.lessonList': 'Lessons: {lessons}',
  'cli.none': '(none)',
  'cli.noStep': 'Lesson {lesson} has no step "{step}".',
  'cli.stepList': 'Steps: {steps}',
  'cli.restartEngine.failed': 'The Docker engine of {host} did not start again: {error}',
  'cli.restartEngine.fix':
    'fix /etc/docker/daemon.json on the host, then restart-docker again (dnlab reset restores a fresh one)',
  'cli.restartEngine.done': '{host}: engine restarted in {time}',
  'cli.testLessons.round': '(round {round}/{repeat})',
  'cli.testLessons.helpers':
    'Also lab instance(s) {instances}: wrong attempts and alternatives run there.',
  'cli.testLessons.helperFailed':
    'Lab instance {instance} did not come up ({reason}); its cases run in the other instance(s). Try: sudo DNLAB_INSTANCE={instance} dnlab doctor --fix',
  'cli.testLessons.noHelpers':
    'Running in one lab instance: no room for helper instance names after "{instance}" (8 characters at most), or DNLAB_ROOT is set. Use a shorter DNLAB_INSTANCE for a faster run.',
  'cli.testLessons.profile.title':
    'Where the time went: {cases} cases, {caseTime} of case time in {wall} wall',
  'cli.testLessons.profile.phases': 'By phase (summed over cases):',
  'cli.testLessons.profile.counts':
    '{spawns} programs started in lab hosts; {containers} in command lines that start containers',
  'cli.testLessons.profile.lessons': 'By lesson (wall):',
  'cli.testLessons.profile.slowest': 'Slowest cases:',
  'cli.testLessons.summary':
    '{passed} passed, {failed} failed, {skipped} skipped — {lessons} lesson(s) × {repeat} in {time}',
  'cli.trace.sourcePort': 'the source has no port: {arg}',

  'lab.upDone': 'The lab is up in {time}: {hosts}.',
  'lab.alreadyUp':
    'The lab is already up ({hosts}). `dnlab status` shows it; `dnlab down` stops it.',
  'lab.up.revived':
    'The lab is up again in {time}: started {what}. Files, containers and daemon.json were kept.',
  'lab.up.rebuilt': 'rebuilt (its namespaces were gone)',
  'lab.up.engineFailed':
    "{host}'s Docker engine does not start with its daemon.json (kept as it is): {error}",
  'lab.up.engineFailedFix':
    'fix /etc/docker/daemon.json in `dnlab shell {host}` and run `dnlab up` again, or `dnlab reset {host}` to start {host} fresh (that removes its containers)',
  'lab.up.interrupted':
    'Interrupted: the lab was left as it is; `dnlab up` again finishes the repair.',
  'lab.cleanedLeftovers':
    'Cleaned leftovers of an earlier run: {processes} processes, {namespaces} namespaces, {mounts} mounts.',
  'lab.downDone':
    'The lab is down in {time}: removed {namespaces} namespaces, {processes} processes, {mounts} mounts.',
  'lab.downNothing': 'Nothing to remove: the lab is not up.',
  'lab.resetDone': '{host} is back to a fresh state in {time} ({how}).',
  'lab.resetHow.fast': 'lab objects removed through the Engine API',
  'lab.resetHow.rebuilt': 'host rebuilt',
  'lab.resetStopped':
    'Stopped {count} processes started in {host} (shells and programs that were not its engine or its containers).',
  'lab.resetInterrupted':
    'Interrupted: {host} was left halfway. `dnlab reset {host}` finishes it (it rebuilds the host).',
  'lab.notUp': 'The lab is not up.',
  'lab.startIt': 'Start it with: dnlab up',
  'lab.nextSteps': 'Next: `dnlab shell host1` opens a shell on host1; `dnlab` opens the lessons.',
  'lab.status.up': 'The lab is up.',
  'lab.status.down': 'The lab is not up.',
  'lab.status.engineDown':
    'The lab is up, but an engine does not answer (below). `dnlab restart-engine <host>` restarts it; `dnlab reset <host>` rebuilds the host.',
  'lab.status.leftovers':
    'Left over from an earlier run: {items}. `dnlab doctor --fix` removes them.',
  'lab.status.host':
    'Docker {version} (API {api}), {containers} containers, {networks} networks, swarm {swarm}',
  'lab.status.notAnswering': 'not answering',
  'lab.status.internet': "internet {address} (the lab's stand-in, inside the machine)",
  'lab.noHost': 'There is no lab host "{host}".',
  'lab.hostList': 'Lab hosts: {hosts}',
  'lab.leftover.netns': 'network namespace {name}',
  'lab.leftover.folder': 'lab folder {path}',
  'lab.imageMissing': 'The lab image is missing ({path}).',
  'lab.imageMissing.fix': 'build it offline with: sudo bash sandbox-vm/provision.sh',
  'lab.badInstance': 'DNLAB_INSTANCE must be 1-8 lowercase letters or digits (got "{value}")',
  'lab.badRoot': 'DNLAB_ROOT must be a folder whose name starts with "{prefix}" (got {path})',
  'lab.dnsRestarted': "The internet's DNS server had stopped: started it again.",
  'lab.status.dnsDead':
    "The internet's DNS server does not answer (internet.lab will not resolve). `dnlab up` starts it again.",
  'lab.root.git':
    '{path} holds a git repository (.git): dnlab never uses or deletes such a folder as its lab root.',
  'lab.root.notOwn':
    '{path} is not a folder dnlab made (it holds files of its own and no {marker} file): dnlab will not use or delete it.',
  'lab.root.otherInstance': '{path} is the lab root of instance {owner}, not of {instance}.',
  'lab.root.fix':
    'Point DNLAB_ROOT at a new or empty folder whose name starts with "dnlab", or unset it (the default is /var/lib/dnlab<instance>).',
  'lab.daemon.exited': '{program} exited. Last log lines ({log}):',
  'lab.daemon.timeout': '{program} did not come up within {ms} ms. Last log lines ({log}):',
  'lab.daemon.noLog': '(no log)',
  'lab.engine.noAnswer': "{host}'s engine does not answer (no reply in {seconds} s)",
  'lab.engine.notRunning': "{host}'s engine is not running",
  // Progress stages of `up` and `reset` (a live line, then one line per finished stage).
  'lab.stage.namespaces': 'namespaces',
  'lab.stage.engine': 'docker engine',
  'lab.stage.image': 'lab image',
  'lab.stage.baseline': 'baseline',
  'lab.stage.cleanup': 'clean up leftovers',
  'lab.stage.lan': 'LAN',
  'lab.stage.internet': 'internet',
  'lab.stage.removeObjects': 'remove lab objects',
  'lab.stage.rebuild': 'rebuild host',
  'lab.stage.rebuildWhy': 'rebuild host ({why})',
  'lab.stage.processes': 'stop processes',

  'doctor.title': 'dnlab doctor: can this machine run the lab?',
  'doctor.allGood': 'Everything the lab needs is here.',
  'doctor.problems': '{count} problem(s) found; each line above says how to fix it.',
  'doctor.fixed':
    'Removed leftovers: {processes} processes, {namespaces} namespaces, {mounts} mounts.',
  'doctor.optional': 'optional',
  'doctor.optionalNote': ' ({optional})',
  'doctor.root.title': 'running as root',
  'doctor.root.fix': 'run dnlab as root, e.g. sudo dnlab doctor',
  'doctor.bin.title': '{bin} is installed',
  'doctor.bin.fix': 'install {package}: {command}',
  'doctor.pkg.withDocker': '{package} (comes with docker.io)',
  'doctor.pkg.client': '{package} (the client learners type)',
  'lab.engine.missing':
    'Engine {engine} is not on this machine (here: {available}). Install the engines with `sudo bash sandbox-vm/provision.sh`, or choose one of those with --engine.',
  'lab.engine.noSystem':
    'No dockerd on PATH for the engine `system`. Install docker.io with `sudo bash sandbox-vm/provision.sh`, or choose an engine dnlab installed with --engine.',
  'lab.engine.differs':
    'The lab runs engine {running}, not {engine}. To switch: `dnlab down`, then `dnlab up --engine {engine}`.',
  'lab.engine.line': 'Engine: {engine} (dockerd {version}).',
  'doctor.engines.title': 'Engines the lab can run (--engine)',
  'doctor.engines.detail': '{names}; default {default}',
  'doctor.labEngine.title': 'The lab runs engine {engine} (dockerd {version})',
  'doctor.systemEngine.title':
    'The system engine (dockerd {version}) is one the lessons are self-tested on',
  'doctor.systemEngine.fix':
    'The lessons are self-tested on {tested}; on {version} some outputs and firewall rules may differ from the lesson text. Choose a tested engine: `dnlab up --engine {suggest}`.',
  'doctor.feature.title': 'kernel feature: {feature}',
  'doctor.feature.detail': 'Unknown device type or not permitted',
  'doctor.feature.fixRequired':
    'this kernel cannot create {feature} links; use a distribution kernel, or the VM (vagrant up)',
  'doctor.feature.fixOptional':
    'steps that need {feature} are shown as "needs {feature}" and skipped; a distribution kernel (or the VM) has it',
  'doctor.image.title': 'lab image built (offline, from busybox-static)',
  'doctor.leftovers.title': 'no stale lab state',
  'doctor.leftovers.titleUp': 'lab state (the lab is up)',
  'doctor.leftovers.fix': 'dnlab doctor --fix (or dnlab down) removes it',
  'doctor.containerd.title': 'a system containerd runs',
  'doctor.containerd.detail': 'not used: each lab host starts its own containerd',
} as const satisfies Record<string, string>;
