import type { CheckLine, LessonSummary, StepView } from '../../../src/tui/model.js';

export const LESSONS: LessonSummary[] = [
  {
    id: '01-namespaces',
    title: 'Network namespaces',
    minutes: 10,
    state: 'done',
    stepsDone: 3,
    stepsTotal: 3,
  },
  {
    id: '02-docker0',
    title: 'The docker0 bridge',
    minutes: 15,
    state: 'in-progress',
    stepsDone: 1,
    stepsTotal: 4,
  },
  {
    id: '03-user-bridges',
    title: 'User-defined bridges and their DNS',
    minutes: 20,
    state: 'new',
    stepsDone: 0,
    stepsTotal: 5,
  },
  {
    id: '04-publish',
    title: '发布端口 (publishing ports)',
    minutes: 12,
    state: 'new',
    stepsDone: 0,
    stepsTotal: 3,
  },
];

export const STEPS: StepView[] = [
  {
    id: 'look',
    title: 'Look at docker0',
    markdown: [
      '# The default bridge',
      '',
      'Every Docker host has a bridge called `docker0`. Containers started **without** a network option are plugged into it.',
      '',
      '- list the links with `ip link`',
      '- find the bridge',
      '',
      '```sh',
      'ip -br link show docker0 # the bridge',
      '```',
    ].join('\n'),
    state: 'done',
    hints: ['Try `ip link`.'],
    solution: [{ host: 'host1', run: 'ip link show docker0' }],
    explain: 'The bridge exists before any container runs.',
  },
  {
    id: 'run',
    title: 'Run a container on it',
    markdown:
      'Start a container named `web` from the `lab` image, detached.\n\nThen look at the bridge again.',
    state: 'todo',
    hints: [
      'Use `docker run -d`.',
      'Give it a name with `--name web`.',
      'The image is called `lab`.',
    ],
    solution: [
      { host: 'host1', run: 'docker run -d --name web lab httpd -f -p 80' },
      { host: 'host1', run: 'bridge link' },
    ],
  },
];

export const CHECKS: CheckLine[] = [
  {
    id: 'web-running',
    kind: 'container-running',
    pass: true,
    message: 'Container web is running.',
  },
  {
    id: 'web-on-bridge',
    kind: 'container-on-network',
    pass: false,
    message: 'Container web is on network none, expected bridge.',
  },
  {
    id: 'web-reachable',
    kind: 'http-reachable',
    pass: false,
    message: 'Not checked yet.',
    waitingOn: 'web-on-bridge',
  },
  {
    id: 'vlan',
    kind: 'link-exists',
    pass: false,
    // As check-step gives it: the reason is both the message and `skipped`.
    message: 'needs vlan, not available on this machine',
    skipped: 'needs vlan, not available on this machine',
  },
];
