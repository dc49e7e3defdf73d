import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";
import { describe, expect, it } from "vitest";
import { seedDigestHex } from "../../sandbox/network/seed-digest.ts";

const reference = (s: string) => bytesToHex(sha256(utf8ToBytes(s)));

describe("seedDigestHex", () => {
  it("matches SHA-256 for every length across block boundaries", () => {
    for (let len = 0; len < 200; len++) {
      let s = "";
      for (let i = 0; i < len; i++) s += String.fromCharCode(33 + ((i * 7 + len) % 90));
      expect(seedDigestHex(s)).toBe(reference(s));
    }
  });

  it("gives a prefix of the requested length", () => {
    expect(seedDigestHex("veth:abc", 8)).toBe(reference("veth:abc").slice(0, 8));
    expect(seedDigestHex("veth-pod:abc", 12)).toBe(reference("veth-pod:abc").slice(0, 12));
  });

  it("hashes non-ASCII seeds as UTF-8", () => {
    expect(seedDigestHex("nöde-é")).toBe(reference("nöde-é"));
  });
});
