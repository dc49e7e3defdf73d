import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";
import { describe, expect, it } from "vitest";
import { ALL_IMAGES } from "../../sandbox/images/catalog.ts";
import { KNOWN_DIGESTS } from "../../sandbox/images/digests.ts";
import { fakeSha256 } from "../../sandbox/images/ids.ts";
import { imageIdOf } from "../../sandbox/node/containerd-images.ts";

const hash = (seed: string) => `sha256:${bytesToHex(sha256(utf8ToBytes(seed)))}`;

describe("precomputed image digests", () => {
  it("are the SHA-256 of their seeds", () => {
    for (const [seed, digest] of KNOWN_DIGESTS) expect(digest, seed).toBe(hash(seed));
  });

  it("cover every image's digest and config ID, so loading and pulling hash nothing", () => {
    const known = new Set(KNOWN_DIGESTS.values());
    for (const img of ALL_IMAGES) {
      expect(known.has(img.digest), img.ref).toBe(true);
      expect(KNOWN_DIGESTS.has(`config:${img.ref}`), img.ref).toBe(true);
      expect(imageIdOf(img), img.ref).toBe(hash(`config:${img.ref}`));
    }
  });

  it("leave other seeds to the hash", () => {
    expect(fakeSha256("not a known seed")).toBe(hash("not a known seed"));
  });
});
