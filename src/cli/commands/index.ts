import type { Command } from 'commander';
import * as check from './check.js';
import * as classReport from './class-report.js';
import * as doctor from './doctor.js';
import * as down from './down.js';
import * as exec from './exec.js';
import * as grade from './grade.js';
import * as lint from './lint.js';
import * as newLesson from './new.js';
import * as reset from './reset.js';
import * as restartEngine from './restart-engine.js';
import * as shell from './shell.js';
import * as status from './status.js';
import * as testLessons from './test-lessons.js';
import * as topo from './topo.js';
import * as trace from './trace.js';
import * as up from './up.js';

/** Every subcommand, in the order `dnlab --help` lists them. */
export const commands: { register(program: Command): void }[] = [
  up,
  down,
  reset,
  restartEngine,
  status,
  shell,
  exec,
  topo,
  trace,
  check,
  grade,
  classReport,
  testLessons,
  lint,
  newLesson,
  doctor,
];
