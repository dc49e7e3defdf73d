// Virtual time for the whole cluster. Components never read a real clock: they defer work to this loop
// or schedule it for a later virtual instant, and whoever drives the cluster advances time explicitly.

interface Timer {
  at: number;
  seq: number;
  fn: () => void;
  cancelled: boolean;
}

/** Configuration of an event loop. */
export interface EventLoopConfig {
  /** Virtual start time, in milliseconds since the Unix epoch. */
  startTime: number;
  /** Safety valve: the most tasks one drain may run before it reports a livelock. */
  maxTasksPerDrain?: number;
}

/** A deterministic task queue plus a timer heap over virtual time. */
export class EventLoop {
  private time: number;
  // Pairs of a task function and its argument, in order.
  private readonly tasks: unknown[] = [];
  private head = 0;
  private readonly heap: Timer[] = [];
  private seq = 0;
  private readonly maxTasks: number;

  constructor(config: EventLoopConfig) {
    if (!Number.isFinite(config.startTime)) throw new Error("EventLoop: startTime must be a finite number");
    this.time = config.startTime;
    this.maxTasks = config.maxTasksPerDrain ?? 50_000_000;
  }

  /** Current virtual time in ms since the epoch. */
  now(): number {
    return this.time;
  }

  /** Run fn at the current instant, after the task that is running now. */
  defer(fn: () => void): void {
    this.tasks.push(fn, undefined);
  }

  /** Run fn(arg) at the current instant, after the task that is running now (no closure needed). */
  deferCall<A>(fn: (arg: A) => void, arg: A): void {
    this.tasks.push(fn, arg);
  }

  /** Run fn once `delayMs` of virtual time has passed; returns a cancel function. */
  schedule(delayMs: number, fn: () => void): () => void {
    const timer: Timer = { at: this.time + Math.max(0, delayMs), seq: this.seq++, fn, cancelled: false };
    this.push(timer);
    return () => {
      timer.cancelled = true;
    };
  }

  /** Whether anything is queued at the current instant. */
  busy(): boolean {
    return this.head < this.tasks.length;
  }

  /** Virtual time of the next live timer, or undefined when none is pending. */
  nextTimerAt(): number | undefined {
    this.dropCancelled();
    return this.heap[0]?.at;
  }

  /** Run every task queued for the current instant, including tasks those tasks queue. */
  drain(): void {
    let ran = 0;
    while (this.head < this.tasks.length) {
      const fn = this.tasks[this.head] as (arg: unknown) => void;
      const arg = this.tasks[this.head + 1];
      this.head += 2;
      fn(arg);
      if (++ran > this.maxTasks) throw new Error("EventLoop: livelock (too many tasks at one instant)");
    }
    this.tasks.length = 0;
    this.head = 0;
  }

  /** Advance virtual time by `ms`, running timers in order and draining after each. */
  advance(ms: number): void {
    this.advanceTo(this.time + Math.max(0, ms));
  }

  /** Advance virtual time to `target` (never backwards). */
  advanceTo(target: number): void {
    this.drain();
    for (;;) {
      this.dropCancelled();
      const next = this.heap[0];
      if (!next || next.at > target) break;
      this.pop();
      if (next.at > this.time) this.time = next.at;
      next.fn();
      this.drain();
    }
    if (target > this.time) this.time = target;
  }

  /**
   * Advance until `done()` holds, checking after every timer, for at most `limitMs` of virtual time.
   * Returns whether `done()` held. Time stops at the instant it first held.
   */
  advanceUntil(done: () => boolean, limitMs: number): boolean {
    this.drain();
    const limit = this.time + limitMs;
    if (done()) return true;
    for (;;) {
      const at = this.nextTimerAt();
      if (at === undefined || at > limit) {
        this.time = Math.max(this.time, limit);
        return done();
      }
      this.advanceTo(at);
      if (done()) return true;
    }
  }

  private dropCancelled(): void {
    while (this.heap.length > 0 && this.heap[0].cancelled) this.pop();
  }

  private less(a: Timer, b: Timer): boolean {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }

  private push(t: Timer): void {
    const h = this.heap;
    h.push(t);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(h[i], h[p])) break;
      const t = h[i];
      h[i] = h[p];
      h[p] = t;
      i = p;
    }
  }

  private pop(): Timer | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (h.length > 0 && last) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && this.less(h[l], h[m])) m = l;
        if (r < h.length && this.less(h[r], h[m])) m = r;
        if (m === i) break;
        const t = h[i];
        h[i] = h[m];
        h[m] = t;
        i = m;
      }
    }
    return top;
  }
}
