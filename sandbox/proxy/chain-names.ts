// kube-proxy's iptables chain names: a prefix plus 16 base32 characters of a SHA-256 hash.
import { sha256 } from "@noble/hashes/sha2.js";
import { utf8ToBytes } from "@noble/hashes/utils.js";

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/** Encode bytes with the standard RFC 4648 base32 alphabet (no padding needed for a 16-char prefix). */
export function base32(bytes: Uint8Array): string {
  let out = "";
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = ((buffer << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(buffer << (5 - bits)) & 31];
  return out;
}

// Every sync on every node hashes the same service port names again: remember each hash (a pure function
// of the text, so sharing it between clusters is safe).
const hashes = new Map<string, string>();

function hash16(text: string): string {
  let h = hashes.get(text);
  if (h === undefined) {
    h = base32(sha256(utf8ToBytes(text))).slice(0, 16);
    if (hashes.size >= 20_000) hashes.clear();
    hashes.set(text, h);
  }
  return h;
}

/** Build a service port name: `<ns>/<svc>:<port>`, or `<ns>/<svc>` when the port is unnamed. */
export function servicePortName(namespace: string, name: string, portName?: string): string {
  return `${namespace}/${name}${portName ? `:${portName}` : ""}`;
}

/** Hash a service port name and lower-case protocol the way kube-proxy's portProtoHash does. */
export function portProtoHash(spn: string, protocol: string): string {
  return hash16(spn + protocol.toLowerCase());
}

/** Name the KUBE-SVC- chain (endpoints for Cluster traffic policy). */
export function svcChain(spn: string, protocol: string): string {
  return `KUBE-SVC-${portProtoHash(spn, protocol)}`;
}

/** Name the KUBE-SVL- chain (endpoints for Local traffic policy). */
export function svlChain(spn: string, protocol: string): string {
  return `KUBE-SVL-${portProtoHash(spn, protocol)}`;
}

/** Name the KUBE-EXT- chain (NodePort, external IP and load-balancer traffic). */
export function extChain(spn: string, protocol: string): string {
  return `KUBE-EXT-${portProtoHash(spn, protocol)}`;
}

/** Name the KUBE-FW- chain (loadBalancerSourceRanges firewall). */
export function fwChain(spn: string, protocol: string): string {
  return `KUBE-FW-${portProtoHash(spn, protocol)}`;
}

/** Name the KUBE-SEP- chain of one endpoint (`ip:port`). */
export function sepChain(spn: string, protocol: string, endpoint: string): string {
  return `KUBE-SEP-${hash16(spn + protocol.toLowerCase() + endpoint)}`;
}

/** Report whether a chain is one kube-proxy creates per service or endpoint (and deletes when stale). */
export function isServiceChain(chain: string): boolean {
  return /^KUBE-(SVC|SVL|EXT|FW|SEP)-/.test(chain);
}
