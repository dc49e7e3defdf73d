// Test fixtures: a virtual clock with a schedule queue, a seeded random source, and booted machines.
import { Machine, type MachineConfig } from "../../sandbox/node/machine.ts";

/** 2025-01-02T03:04:05Z, the boot time every test machine uses. */
export const BOOT = Date.UTC(2025, 0, 2, 3, 4, 5);

/** A virtual clock: schedule() queues callbacks, advance() runs them in time order. */
export class VirtualClock {
  now: number;
  private queue: Array<{ at: number; seq: number; fn: () => void; cancelled: boolean }> = [];
  private seq = 0;

  constructor(now: number) {
    this.now = now;
  }

  schedule = (delayMs: number, fn: () => void): (() => void) => {
    const item = { at: this.now + Math.max(0, delayMs), seq: this.seq++, fn, cancelled: false };
    this.queue.push(item);
    return () => {
      item.cancelled = true;
    };
  };

  /** Run everything due within the next ms milliseconds, in order. */
  advance(ms: number): void {
    const end = this.now + ms;
    for (;;) {
      this.queue.sort((a, b) => a.at - b.at || a.seq - b.seq);
      const next = this.queue[0];
      if (!next || next.at > end) break;
      this.queue.shift();
      if (next.cancelled) continue;
      this.now = next.at;
      next.fn();
    }
    this.now = end;
  }
}

/** A small deterministic PRNG (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Boot a machine on a fresh virtual clock, 5 minutes before the clock's now. */
export function bootMachine(over: Partial<MachineConfig> = {}): { m: Machine; clock: VirtualClock } {
  const clock = new VirtualClock(BOOT + 5 * 60_000);
  const m = new Machine({
    hostname: "controlplane",
    ip: "172.30.1.2",
    role: "control-plane",
    bootTime: BOOT,
    schedule: clock.schedule,
    random: seededRandom(42),
    ...over,
  });
  return { m, clock };
}
