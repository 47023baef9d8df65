import type { LabFacts } from '../../observe/facts.js';
import type { Probe } from '../types.js';
import { findContainer } from './lookup.js';
import { makeProbe } from '../../observe/probe.js';

/**
 * `cat <path>` inside a container: the one probe of the checks that judge a file's content. The
 * runner reads it in Node through the container's root (src/observe/container-files.ts): links
 * stay inside the container, only a regular file of at most 1 MiB is read.
 */
export function catProbe(host: string, container: string, path: string): Probe {
  return makeProbe(host, container, ['cat', path], 2000);
}

/** The file probe, unless the facts already show the container is not running (nothing to read). */
export function catProbeIfRunning(
  facts: LabFacts | undefined,
  host: string,
  container: string,
  path: string,
): Probe[] {
  if (facts) {
    const h = facts.hosts[host];
    if (!h || !findContainer(h, container)?.running) return [];
  }
  return [catProbe(host, container, path)];
}
