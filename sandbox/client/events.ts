// An event recorder, as client-go's: writes core/v1 Events through the API, folding repeats of the same
// event into one object whose count grows.
import type { Event, KubeObject } from "../api/types.ts";
import type { ApiServer } from "../apiserver/server.ts";
import { clone } from "../util/clone.ts";
import { rfc3339 } from "../util/time.ts";

/** Who is reporting: `default-scheduler`, or `kubelet` on `node01`. */
export interface EventSource {
  component: string;
  host?: string;
}

const sequences = new WeakMap<ApiServer, number>();
// client-go's correlator remembers the last 4096 distinct events (an LRU); older repeats start anew.
const SEEN_LIMIT = 4096;

/** Records events about objects on behalf of one component. */
export class EventRecorder {
  private readonly api: ApiServer;
  private readonly source: EventSource;
  private readonly seen = new Map<string, string>();
  // The keys of `seen` in insertion order (a ring from `oldest` once full): the oldest is found without
  // walking the map past the holes its deletions leave.
  private readonly order: string[] = [];
  private oldest = 0;
  private readonly sourceCopy: EventSource;
  // The current millisecond in nanoseconds, split at 2^32 so that naming an event needs no BigInt.
  private baseAt = Number.NaN;
  private baseHi = 0;
  private baseHiHex = "";
  private baseLo = 0;

  constructor(api: ApiServer, source: EventSource) {
    this.api = api;
    this.source = source;
    // Every event carries the same source; stored objects are never changed in place, so one copy serves all.
    this.sourceCopy = { ...source };
  }

  /** Record one event; a repeat of an earlier one increments its count. Never throws. */
  record(
    obj: KubeObject,
    type: "Normal" | "Warning",
    reason: string,
    message: string,
    fieldPath?: string,
  ): void {
    const ns = obj.metadata.namespace || "default";
    const kind = obj.kind ?? "";
    const key = `${kind}\u0000${ns}\u0000${obj.metadata.name ?? ""}\u0000${obj.metadata.uid ?? ""}\u0000${fieldPath ?? ""}\u0000${reason}\u0000${message}`;
    const now = rfc3339(this.api.loop.now());
    const existing = this.seen.get(key);
    try {
      if (existing) {
        const ev = this.api.tryGet<Event>("events", ns, existing);
        if (ev) {
          const next = clone(ev);
          next.count = (ev.count ?? 1) + 1;
          next.lastTimestamp = now;
          this.api.update("events", next, { handOff: true });
          return;
        }
      }
      // Real names are `<object>.<unix nanoseconds in hex>`; a sequence number per API server (shared by
      // every recorder, so two components naming the same object in one millisecond do not collide).
      const at = this.api.loop.now();
      if (at !== this.baseAt) {
        this.baseAt = at;
        const base = BigInt(at) * 1_000_000n;
        this.baseHi = Number(base >> 32n);
        this.baseHiHex = this.baseHi.toString(16);
        this.baseLo = Number(base & 0xffffffffn);
      }
      const seq = sequences.get(this.api) ?? 0;
      sequences.set(this.api, seq + 1);
      const name = `${obj.metadata.name}.${nanosHex(this.baseHi, this.baseHiHex, this.baseLo + seq)}`;
      const involved: Event["involvedObject"] = {
        kind,
        namespace: obj.metadata.namespace,
        name: obj.metadata.name,
        uid: obj.metadata.uid,
        apiVersion: obj.apiVersion,
        resourceVersion: obj.metadata.resourceVersion,
      };
      if (fieldPath) involved.fieldPath = fieldPath;
      // apiVersion and kind lead, where the server puts them, so it need not reorder the keys.
      const ev: Event = {
        apiVersion: "v1",
        kind: "Event",
        metadata: { name, namespace: ns },
        involvedObject: involved,
        reason,
        message,
        source: this.sourceCopy,
        firstTimestamp: now,
        lastTimestamp: now,
        count: 1,
        type,
        eventTime: null,
        reportingComponent: this.source.component,
        reportingInstance: this.source.host ?? "",
      };
      this.api.create("events", ev, { namespace: ns, handOff: true });
      if (this.seen.size >= SEEN_LIMIT) {
        this.seen.delete(this.order[this.oldest]);
        this.oldest = (this.oldest + 1) % SEEN_LIMIT;
      }
      const before = this.seen.size;
      this.seen.set(key, name);
      if (this.seen.size > before) this.order[(this.oldest + before) % SEEN_LIMIT] = key;
    } catch {
      // Events are best effort, as in client-go: a failed write must not break the caller.
    }
  }
}

// Two hex digits for each byte value.
const BYTE_HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

// `hi * 2^32 + lo` in hex without leading zeros, where lo may have overflowed 32 bits (`hiHex` is hi's hex).
function nanosHex(hi: number, hiHex: string, lo: number): string {
  const carry = lo >= 0x1_0000_0000 ? Math.floor(lo / 0x1_0000_0000) : 0;
  const top = hi + carry;
  const low = (lo - carry * 0x1_0000_0000) >>> 0;
  if (top === 0) return low.toString(16);
  // Below the top word, all eight digits are written, from a table rather than a radix conversion.
  const digits =
    BYTE_HEX[low >>> 24] + BYTE_HEX[(low >>> 16) & 255] + BYTE_HEX[(low >>> 8) & 255] + BYTE_HEX[low & 255];
  return `${carry === 0 ? hiHex : top.toString(16)}${digits}`;
}
