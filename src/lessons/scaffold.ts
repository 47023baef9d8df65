import fs from 'node:fs';
import path from 'node:path';
import { t } from '../i18n/index.js';
import { LESSON_FILE } from './analyze.js';
import { LESSON_ID } from './schema.js';
import { UserError } from '../errors.js';

/** A scaffold that cannot be written: a bad id, or the folder already exists. */
export class ScaffoldError extends UserError {
  override name = 'ScaffoldError';
}

export interface ScaffoldResult {
  dir: string;
  /** Files written, relative to `dir`. */
  files: string[];
}

/** `02-docker0` → `Docker0`: a first title from the id's words. */
export function titleFromId(id: string): string {
  const words = id.replace(/^\d+-/, '').split('-').join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * Write `<root>/<id>/` with a one-step lesson that lints clean: a container-running check, a
 * hint, the solution, a wrong attempt and an explanation, each commented for the author. Never
 * overwrites: an existing folder is an error.
 */
export function scaffoldLesson(
  root: string,
  id: string,
  opts: { title?: string } = {},
): ScaffoldResult {
  if (!LESSON_ID.test(id)) throw new ScaffoldError(t('lessons.new.badId', { id }));
  const dir = path.resolve(root, id);
  const files: Record<string, string> = {
    [LESSON_FILE]: lessonYaml(id, opts.title ?? titleFromId(id)),
    'steps/01-start-web.md': STEP_TEXT,
    'steps/01-explain.md': EXPLAIN_TEXT,
  };
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  try {
    fs.mkdirSync(dir); // not recursive: fails if the folder exists, even if made a moment ago
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new ScaffoldError(t('lessons.new.exists', { dir }), {
        tryMessage: t('lessons.new.exists.fix'),
      });
    }
    throw e;
  }
  fs.mkdirSync(path.join(dir, 'steps'));
  for (const [rel, text] of Object.entries(files)) {
    fs.writeFileSync(path.join(dir, rel), text, { flag: 'wx' });
  }
  return { dir, files: Object.keys(files) };
}

/**
 * A one-line YAML scalar quoted as Prettier would: single quotes (`'` doubled) unless the text has
 * more `'` than `"`; then double quotes (a JSON string is a valid YAML double-quoted scalar).
 */
function quote(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  const singles = line.split("'").length - 1;
  const doubles = line.split('"').length - 1;
  return singles > doubles ? JSON.stringify(line) : `'${line.replace(/'/g, "''")}'`;
}

function lessonYaml(id: string, title: string): string {
  return `# A dnlab lesson: the data here, the words in steps/*.md. Check it with: dnlab lint
# To translate it, write lesson.zh-CN.yaml beside this file (the same steps by id, with their
# titles, hints and check messages) and steps/*.zh-CN.md beside each markdown file.
id: ${id}
title: ${quote(title)}
summary: 'One sentence: what the learner builds, and what they will see.'
minutes: 10
# The lab hosts the lesson uses: host1, host2.
hosts: [host1]
# Commands that bring a host to the first step's start state:
# setup:
#   - { host: host1, run: 'docker network create example' }
steps:
  - id: start-web
    title: 'Start a web server'
    text: steps/01-start-web.md
    # host: host1 (the step's shell and checks; default: the first of hosts)
    # points: 1 (for grading)
    # Checks judge the host's real state, never the typed command.
    checks:
      - kind: container-running
        id: web-running
        container: web
    # Shown one at a time.
    hints:
      - 'docker run -d starts a container in the background; --name gives it a name.'
      - 'The lab image is dnlab/busybox; its httpd -f -p 80 keeps running in the foreground.'
    # What a learner would type; the self-test runs it.
    solution:
      - { host: host1, run: 'docker run -d --name web dnlab/busybox httpd -f -p 80' }
    # A typical mistake: the check that must fail, and a phrase of its message.
    wrong:
      - run: [{ host: host1, run: 'docker create --name web dnlab/busybox httpd -f -p 80' }]
        fails: web-running
        says: 'web'
    explain: steps/01-explain.md
`;
}

const STEP_TEXT = `# Start a web server

Start a container named \`web\` from the lab image \`dnlab/busybox\`, running
\`httpd -f -p 80\`, in the background.

When it runs, this step passes by itself.
`;

const EXPLAIN_TEXT = `\`docker run -d\` created the container and started it, detached from your
terminal. \`docker create\` alone would have created it without starting it.
`;
