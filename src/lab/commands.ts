import { randomBytes } from 'node:crypto';
import { hostCommand } from './shell.js';
import { run, type RunResult } from './run.js';

/**
 * Run one line as the learner would type it in the host's shell (`bash -c <line>` inside the
 * lab host). Lesson solutions and setup commands are shell lines by nature; nothing is spliced
 * into them.
 */
export function runOnHost(host: string, line: string, timeoutMs = 60_000): Promise<RunResult> {
  // --norc: Node's stdin is a socket, and bash then reads ~/.bashrc as if started by rshd.
  const cmd = hostCommand(host, ['bash', '--norc', '-c', line]);
  return run([cmd.file, ...cmd.args], { env: cmd.env, timeoutMs });
}

export interface LineResult extends RunResult {
  /** The line's own time, measured inside the host (without the start of the batch). */
  ms: number;
}

/**
 * Each line still runs as its own `bash --norc -c <line>` (exactly as runOnHost: nothing
 * carries over from one line to the next), but from one shell started in the host, so a batch
 * costs one program start through nsenter instead of one per line. The lines are the shell's
 * arguments, never spliced into its script. After each line the shell writes a marker line with
 * a random nonce, the line's exit code and its start and end time, on stdout and on stderr, so
 * each line's own output is told apart.
 */
const BATCH_SCRIPT = [
  'nonce=$1; stop=$2; shift 2; i=0',
  'for line in "$@"; do',
  '  t0=$EPOCHREALTIME',
  '  bash --norc -c "$line"; rc=$?',
  `  printf '\\n%s %d %d %s %s\\n' "$nonce" "$i" "$rc" "$t0" "$EPOCHREALTIME"`,
  `  printf '\\n%s %d\\n' "$nonce" "$i" >&2`,
  '  if [ "$rc" -ne 0 ] && [ "$stop" = 1 ]; then exit 0; fi',
  '  i=$((i+1))',
  'done',
].join('\n');

/** Split a batch's output at its markers: one piece per line run, and what came after the last. */
function pieces(text: string, marker: RegExp): { parts: string[]; fields: string[][] } {
  const parts: string[] = [];
  const fields: string[][] = [];
  let rest = text;
  for (let m = marker.exec(rest); m; m = marker.exec(rest)) {
    parts.push(rest.slice(0, m.index));
    fields.push(m.slice(1));
    rest = rest.slice(m.index + m[0].length);
  }
  parts.push(rest);
  return { parts, fields };
}

const seconds = (s: string | undefined) => Number((s ?? '0').replace(',', '.'));

/**
 * Run `lines` on one host from a single shell (see BATCH_SCRIPT). With `stopOnFailure`, the
 * lines after the first failing one are not run (nor in the result). A batch killed before its
 * end (its deadline, `timeoutMs` per line) gives its last line the batch's own exit code.
 */
export async function runLinesOnHost(
  host: string,
  lines: readonly string[],
  opts: { stopOnFailure: boolean; timeoutMs?: number },
): Promise<LineResult[]> {
  if (lines.length === 0) return [];
  const nonce = `dnlab-${randomBytes(8).toString('hex')}`;
  const argv = ['bash', '--norc', '-c', BATCH_SCRIPT, 'dnlab-batch', nonce, opts.stopOnFailure ? '1' : '0', ...lines];
  const cmd = hostCommand(host, argv);
  const r = await run([cmd.file, ...cmd.args], {
    env: cmd.env,
    timeoutMs: (opts.timeoutMs ?? 60_000) * lines.length,
  });
  const out = pieces(r.stdout, new RegExp(`\\n${nonce} (\\d+) (-?\\d+) ([\\d.,]+) ([\\d.,]+)\\n`));
  const err = pieces(r.stderr, new RegExp(`\\n${nonce} (\\d+)\\n`));
  const results: LineResult[] = out.fields.map(([, code, t0, t1], i) => ({
    code: Number(code),
    stdout: out.parts[i] ?? '',
    stderr: err.parts[i] ?? '',
    ms: (seconds(t1) - seconds(t0)) * 1000,
  }));
  const last = results.at(-1);
  const stopped = opts.stopOnFailure && last !== undefined && last.code !== 0;
  if (results.length < lines.length && !stopped) {
    // Killed or failed before the line's marker: that line failed with the batch's own code.
    results.push({
      code: r.code === 0 ? 1 : r.code,
      stdout: out.parts.at(-1) ?? '',
      stderr: err.parts.at(-1) ?? '',
      ms: 0,
    });
  }
  return results;
}
