// FNV-1a, the hash Kubernetes uses for pod-template hashes and the kubelet for static pods' config hashes.

/** FNV-1a, 32 bits, over a string's UTF-16 code units. */
export function fnv32a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}
