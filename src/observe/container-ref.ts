/**
 * The one rule for naming a container (checks, probes and trace all use it): its name, with or
 * without the leading `/`; its full id; or a hex prefix of its id of at least 3 characters that
 * only one container has (an ambiguous prefix names nothing).
 */
export function findContainerRef<C extends { id: string; name: string }>(
  containers: readonly C[],
  ref: string,
): C | undefined {
  const name = ref.replace(/^\//, '');
  const byName = containers.find((c) => c.name.replace(/^\//, '') === name);
  if (byName) return byName;
  const byId = containers.find((c) => c.id === ref);
  if (byId) return byId;
  if (/^[0-9a-f]{3,}$/.test(ref)) {
    const prefixed = containers.filter((c) => c.id.startsWith(ref));
    if (prefixed.length === 1) return prefixed[0];
  }
  return undefined;
}
