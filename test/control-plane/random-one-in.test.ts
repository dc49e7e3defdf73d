import { describe, expect, it } from "vitest";
import { Random } from "../../sandbox/util/random.ts";

describe("Random.oneIn", () => {
  it("answers int(n) === 0 from the same draw, leaving the stream where int(n) leaves it", () => {
    const a = new Random(7);
    const b = new Random(7);
    for (let i = 0; i < 20_000; i++) {
      const n = 2 + (i % 1500);
      expect(a.oneIn(n)).toBe(b.int(n) === 0);
    }
    expect(a.next()).toBe(b.next());
  });
});
