import { describe, expect, it } from "vitest";
import { humanDuration, translateTimestampSince } from "../../sandbox/kubectl/printers/index.ts";

// FIDELITY §1.4 test vectors (seconds → output).
const VECTORS = `-5 → <invalid>   -1 → 0s   0 → 0s   1 → 1s   59 → 59s   60 → 60s   119 → 119s   120 → 2m   125 → 2m5s
179 → 2m59s   540 → 9m   599 → 9m59s   600 → 10m   601 → 10m   3599 → 59m   3600 → 60m   10799 → 179m
10800 → 3h   10860 → 3h1m   12600 → 3h30m   28799 → 7h59m   28800 → 8h   86399 → 23h   172799 → 47h
172800 → 2d   190800 → 2d5h   691199 → 7d23h   691200 → 8d   31535999 → 364d   63071999 → 729d
63072000 → 2y   63331200 → 2y3d   252287999 → 7y364d   252288000 → 8y`;

describe("humanDuration", () => {
  const cases = [...VECTORS.matchAll(/(-?\d+) → (\S+)/g)].map((m) => [Number(m[1]), m[2]] as const);

  it("has all 34 FIDELITY vectors", () => {
    expect(cases).toHaveLength(34);
  });

  it.each(cases)("prints %d seconds as %s", (seconds, text) => {
    expect(humanDuration(seconds)).toBe(text);
  });

  it("truncates fractions toward zero, so 1.9s of clock skew still reads as now", () => {
    expect(humanDuration(-1.9)).toBe("0s");
    expect(humanDuration(119.99)).toBe("119s");
  });
});

describe("translateTimestampSince", () => {
  const now = Date.parse("2025-01-10T12:00:00Z");

  it("prints the age of a timestamp", () => {
    expect(translateTimestampSince("2025-01-10T11:57:50Z", now)).toBe("2m10s");
  });

  it("prints <unknown> for a missing or zero timestamp", () => {
    expect(translateTimestampSince(null, now)).toBe("<unknown>");
    expect(translateTimestampSince(undefined, now)).toBe("<unknown>");
    expect(translateTimestampSince("0001-01-01T00:00:00Z", now)).toBe("<unknown>");
  });
});
