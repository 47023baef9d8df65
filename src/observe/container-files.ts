import fs from 'node:fs';
import path from 'node:path';

/**
 * Read a file as a container sees it, in Node, through `/proc/<pid>/root` (or any directory taken
 * as a root), without ever letting the kernel follow a link: each path component is looked at with
 * lstat, a symbolic link is read and resolved here (absolute targets restart at the root, `..` at
 * the root stays there, as in a chroot), and each directory is opened with O_NOFOLLOW and walked
 * from its descriptor (`/proc/self/fd/<n>/<name>`). So a link can never lead out of the root: a
 * link to /etc/shadow reads the container's own /etc/shadow, never the machine's.
 *
 * Only a regular file of at most 1 MiB is read (a device, fifo or socket is never opened); a
 * bigger one gives `too-large`. No subprocess: nothing from the container runs.
 */

export const MAX_FILE_BYTES = 1024 * 1024;
const MAX_LINKS = 40;

export type FileReadError =
  'missing' | 'not-a-file' | 'not-a-directory' | 'too-large' | 'too-many-links' | 'unreadable';

export type FileRead =
  { ok: true; text: string } | { ok: false; error: FileReadError; detail: string };

// libuv opens every file with O_CLOEXEC already.
const { O_RDONLY, O_NOFOLLOW, O_DIRECTORY, O_NONBLOCK } = fs.constants;
const DIR_FLAGS = O_RDONLY | O_NOFOLLOW | O_DIRECTORY;
const FILE_FLAGS = O_RDONLY | O_NOFOLLOW | O_NONBLOCK;

function at(fd: number, name: string): string {
  return `/proc/self/fd/${fd}/${name}`;
}

function fail(error: FileReadError, detail: string): FileRead {
  return { ok: false, error, detail };
}

function sameFile(a: fs.Stats, b: fs.Stats): boolean {
  return a.dev === b.dev && a.ino === b.ino;
}

function errnoOf(e: unknown): string {
  return (e as NodeJS.ErrnoException).code ?? 'EIO';
}

/** Read `file` (an absolute path as the container names it) under `root`. */
export function readUnderRoot(root: string, file: string): FileRead {
  let rootFd: number;
  try {
    rootFd = fs.openSync(root, DIR_FLAGS & ~O_NOFOLLOW);
  } catch (e) {
    return fail('unreadable', `${root}: ${errnoOf(e)}`);
  }
  // A stack of open directories from the root down; `..` pops, never past the root.
  const stack: number[] = [rootFd];
  try {
    return walk(stack, file);
  } finally {
    for (const fd of stack) fs.closeSync(fd);
  }
}

function walk(stack: number[], file: string): FileRead {
  const todo = file.split('/').reverse();
  let links = 0;
  while (todo.length) {
    const name = todo.pop()!;
    if (name === '' || name === '.') continue;
    const dir = stack[stack.length - 1]!;
    if (name === '..') {
      if (stack.length > 1) fs.closeSync(stack.pop()!);
      continue;
    }
    let st: fs.Stats;
    try {
      st = fs.lstatSync(at(dir, name));
    } catch (e) {
      const code = errnoOf(e);
      return fail(
        code === 'ENOENT' ? 'missing' : code === 'ENOTDIR' ? 'not-a-directory' : 'unreadable',
        code,
      );
    }
    if (st.isSymbolicLink()) {
      if (++links > MAX_LINKS) return fail('too-many-links', 'ELOOP');
      let target: string;
      try {
        target = fs.readlinkSync(at(dir, name));
      } catch (e) {
        return fail('unreadable', errnoOf(e));
      }
      if (path.isAbsolute(target)) while (stack.length > 1) fs.closeSync(stack.pop()!);
      todo.push(...target.split('/').reverse());
      continue;
    }
    const last = todo.every((n) => n === '' || n === '.');
    if (!last) {
      if (!st.isDirectory()) return fail('not-a-directory', name);
      try {
        const fd = fs.openSync(at(dir, name), DIR_FLAGS);
        stack.push(fd);
        if (!sameFile(fs.fstatSync(fd), st)) return fail('unreadable', 'changed while read');
      } catch (e) {
        return fail('unreadable', errnoOf(e));
      }
      continue;
    }
    if (!st.isFile()) return fail('not-a-file', kindOf(st));
    if (st.size > MAX_FILE_BYTES) return fail('too-large', String(st.size));
    return readRegular(at(dir, name), st);
  }
  return fail('not-a-file', 'directory' satisfies FileKind);
}

/** What a path is when it is not a regular file (a catalogue key's last part: check.probe.kind.*). */
export type FileKind = 'directory' | 'chardev' | 'blockdev' | 'fifo' | 'socket' | 'special';

function kindOf(st: fs.Stats): FileKind {
  if (st.isDirectory()) return 'directory';
  if (st.isCharacterDevice()) return 'chardev';
  if (st.isBlockDevice()) return 'blockdev';
  if (st.isFIFO()) return 'fifo';
  if (st.isSocket()) return 'socket';
  return 'special';
}

function readRegular(p: string, st: fs.Stats): FileRead {
  let fd: number;
  try {
    fd = fs.openSync(p, FILE_FLAGS);
  } catch (e) {
    return fail('unreadable', errnoOf(e));
  }
  try {
    const now = fs.fstatSync(fd);
    // Swapped between the look and the open: judge what was opened, never read a non-file.
    if (!now.isFile() || !sameFile(now, st)) return fail('not-a-file', kindOf(now));
    const buf = Buffer.alloc(MAX_FILE_BYTES + 1);
    let n = 0;
    while (n < buf.length) {
      const got = fs.readSync(fd, buf, n, buf.length - n, null);
      if (got === 0) break;
      n += got;
    }
    if (n > MAX_FILE_BYTES) return fail('too-large', `> ${MAX_FILE_BYTES}`);
    return { ok: true, text: buf.subarray(0, n).toString('utf8') };
  } catch (e) {
    return fail('unreadable', errnoOf(e));
  } finally {
    fs.closeSync(fd);
  }
}

/** A container's file: its root is `/proc/<pid>/root` (the pid of its init, from the engine). */
export function readContainerFile(pid: number, file: string): FileRead {
  return readUnderRoot(`/proc/${pid}/root`, file);
}
