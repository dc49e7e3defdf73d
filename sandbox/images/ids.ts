// Deterministic image IDs and digests derived from a reference (the model has no real layers).
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";
import { KNOWN_DIGESTS } from "./digests.ts";

/** Derive a stable `sha256:<64 hex>` from a seed string. */
export function fakeSha256(seed: string): string {
  return KNOWN_DIGESTS.get(seed) ?? `sha256:${bytesToHex(sha256(utf8ToBytes(seed)))}`;
}
