import { describe, expect, it } from "vitest";
import { EventLoop } from "../../sandbox/util/event-loop.ts";
import { Random } from "../../sandbox/util/random.ts";

describe("event loop", () => {
  it("runs timers in time order, ties in scheduling order, and stops at the target time", () => {
    const loop = new EventLoop({ startTime: 1000 });
    const order: string[] = [];
    loop.schedule(20, () => order.push("b"));
    loop.schedule(10, () => order.push("a1"));
    loop.schedule(10, () => order.push("a2"));
    loop.schedule(30, () => order.push("c"));
    loop.advance(25);
    expect(order).toEqual(["a1", "a2", "b"]);
    expect(loop.now()).toBe(1025);
  });

  it("drains deferred tasks at each instant before time moves", () => {
    const loop = new EventLoop({ startTime: 0 });
    const order: string[] = [];
    loop.schedule(5, () => {
      order.push("timer");
      loop.defer(() => order.push("deferred"));
    });
    loop.schedule(5, () => order.push("timer2"));
    loop.advance(5);
    expect(order).toEqual(["timer", "deferred", "timer2"]);
  });

  it("stops advanceUntil at the first instant the condition holds", () => {
    const loop = new EventLoop({ startTime: 0 });
    let x = 0;
    loop.schedule(100, () => x++);
    loop.schedule(200, () => x++);
    expect(loop.advanceUntil(() => x === 1, 10_000)).toBe(true);
    expect(loop.now()).toBe(100);
  });

  it("rejects a non-finite start time", () => {
    expect(() => new EventLoop({ startTime: Number.NaN })).toThrow(/startTime/);
  });
});

describe("random", () => {
  it("repeats the same sequence for the same seed", () => {
    const a = new Random(42);
    const b = new Random(42);
    expect([a.string(5), a.uuid()]).toEqual([b.string(5), b.uuid()]);
  });

  it("generates names from the apimachinery alphabet", () => {
    expect(new Random(7).string(200)).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]+$/);
  });
});
