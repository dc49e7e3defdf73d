// A rate-limited work queue, as client-go's: fair (FIFO) and stingy (a key queued twice before it is
// processed is processed once). Processing happens on the event loop, one key at a time.
import type { EventLoop } from "../util/event-loop.ts";

/** Configuration of a work queue. */
export interface WorkQueueConfig {
  loop: EventLoop;
  /** Called for each key; throw to have the key retried with back-off. */
  reconcile: (key: string) => void;
  /** Base and maximum retry delay in ms (client-go: 5 ms and 1000 s). */
  baseDelayMs?: number;
  maxDelayMs?: number;
}

/** A FIFO of keys with de-duplication, delayed adds and per-key exponential back-off. */
export class WorkQueue {
  private readonly queue: string[] = [];
  private head = 0;
  // Each key's latest place in `queue`: it is waiting while that place is not yet reached. Nothing is
  // deleted as keys are taken (deleting from a Set shrinks and copies its table again and again); the
  // whole map is cleared once the queue is empty.
  private readonly queued = new Map<string, number>();
  private readonly failures = new Map<string, number>();
  private readonly delayed = new Map<string, () => void>();
  private pumping = false;
  private stopped = false;
  private readonly cfg: Required<WorkQueueConfig>;
  // One task function for every pump, rather than a new closure each time the queue wakes.
  private readonly pumpTask = () => this.pump();

  constructor(cfg: WorkQueueConfig) {
    if (!cfg.loop || !cfg.reconcile) throw new Error("WorkQueue: loop and reconcile are required");
    this.cfg = { baseDelayMs: 5, maxDelayMs: 1_000_000, ...cfg };
  }

  /** Queue a key for processing at the current instant. */
  add(key: string): void {
    if (this.stopped) return;
    const at = this.queued.get(key);
    if (at !== undefined && at >= this.head) return;
    this.queued.set(key, this.queue.length);
    this.queue.push(key);
    if (!this.pumping) {
      this.pumping = true;
      this.cfg.loop.defer(this.pumpTask);
    }
  }

  /** Queue a key after a virtual delay (an earlier pending delay for the same key wins). */
  addAfter(key: string, delayMs: number): void {
    if (this.stopped || this.delayed.has(key)) return;
    const cancel = this.cfg.loop.schedule(delayMs, () => {
      this.delayed.delete(key);
      this.add(key);
    });
    this.delayed.set(key, cancel);
  }

  /** Stop processing; pending work is dropped. */
  stop(): void {
    this.stopped = true;
    for (const c of this.delayed.values()) c();
    this.delayed.clear();
  }

  /** Keys waiting right now. */
  length(): number {
    return this.queue.length - this.head;
  }

  private pump(): void {
    while (this.head < this.queue.length && !this.stopped) {
      const key = this.queue[this.head++];
      try {
        this.cfg.reconcile(key);
        if (this.failures.size > 0) this.failures.delete(key);
      } catch (err) {
        const n = (this.failures.get(key) ?? 0) + 1;
        this.failures.set(key, n);
        const delay = Math.min(this.cfg.baseDelayMs * 2 ** (n - 1), this.cfg.maxDelayMs);
        if (n > 30) throw err;
        this.addAfter(key, delay);
      }
    }
    this.queue.length = 0;
    this.head = 0;
    if (this.queued.size > 0) this.queued.clear();
    this.pumping = false;
  }
}
