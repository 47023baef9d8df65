import { engineFor } from './daemon.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Wait (at most `deadlineMs`) until no container on these hosts was started less than a second
 * ago. A container whose program exits at once (busybox httpd without -f forks and exits) is
 * "running" for a few milliseconds after `docker run -d` returns: judged in that instant, a
 * wrong attempt would pass. The self-test waits for the state to settle before it judges, so
 * the same commands always give the same verdict. An engine that does not answer is not waited
 * for (the check itself then names it).
 */
export async function containersSettled(hosts: readonly string[], deadlineMs = 3000): Promise<void> {
  const end = Date.now() + deadlineMs;
  for (;;) {
    const fresh = await Promise.all(
      hosts.map((h) =>
        engineFor(h)
          .request<{ Status?: string }[]>({ path: '/containers/json', timeoutMs: 2000 })
          .then((list) => list.some((c) => /less than a second/i.test(c.Status ?? '')))
          .catch(() => false),
      ),
    );
    if (!fresh.some(Boolean) || Date.now() >= end) return;
    await sleep(250);
  }
}
