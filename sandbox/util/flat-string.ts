// Long-lived names built from parts (a pod's cgroup path, a link's MAC address) are kept by every process
// and link that holds them: `+` and template literals make a rope with a node per piece (~32 bytes each,
// plus the pieces), where a joined array gives one flat string of the same text.

/** Join parts into one flat string: the same text as concatenating them. */
export function flatJoin(parts: readonly string[], separator = ""): string {
  return parts.join(separator);
}
