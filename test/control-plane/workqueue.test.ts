import { describe, expect, it } from "vitest";
import { WorkQueue } from "../../sandbox/client/workqueue.ts";
import { EventLoop } from "../../sandbox/util/event-loop.ts";

describe("work queue", () => {
  it("processes a key queued twice once, in FIFO order", () => {
    const loop = new EventLoop({ startTime: 0 });
    const seen: string[] = [];
    const q = new WorkQueue({ loop, reconcile: (k) => seen.push(k) });
    q.add("a");
    q.add("b");
    q.add("a");
    expect(q.length()).toBe(2);
    loop.drain();
    expect(seen).toEqual(["a", "b"]);
    expect(q.length()).toBe(0);
  });

  it("queues a key again once it has been taken, even while it is being processed", () => {
    const loop = new EventLoop({ startTime: 0 });
    const seen: string[] = [];
    const q = new WorkQueue({
      loop,
      reconcile: (k) => {
        seen.push(k);
        if (seen.length === 1) {
          q.add("a");
          q.add("b");
        }
      },
    });
    q.add("a");
    q.add("b");
    loop.drain();
    expect(seen).toEqual(["a", "b", "a"]);
    q.add("b");
    loop.drain();
    expect(seen).toEqual(["a", "b", "a", "b"]);
  });

  it("retries a failing key with back-off", () => {
    const loop = new EventLoop({ startTime: 0 });
    const at: number[] = [];
    const q = new WorkQueue({
      loop,
      reconcile: () => {
        at.push(loop.now());
        if (at.length < 3) throw new Error("not yet");
      },
    });
    q.add("a");
    loop.drain();
    loop.advance(100);
    expect(at).toEqual([0, 5, 15]);
  });
});
