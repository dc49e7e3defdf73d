// An event recorder, as client-go's: writes core/v1 Events through the API, folding repeats of the same
// event into one object whose count grows.
import type { Event, KubeObject } from "../api/types.ts";
import type { ApiServer } from "../apiserver/server.ts";
import { rfc3339 } from "../util/time.ts";
import { type EventIdentity, SeenEvents } from "./seen-events.ts";

/** Who is reporting: `default-scheduler`, or `kubelet` on `node01`. */
export interface EventSource {
  component: string;
  host?: string;
}

const sequences = new WeakMap<ApiServer, number>();
// client-go's correlator remembers the last 4096 distinct events (an LRU); older repeats start anew.
const SEEN_LIMIT = 4096;
// Messages and field paths recur across objects (every pod's `Pulling image "nginx:1.27"` and
// `spec.containers{web}`): events keep one string of a recent text rather than a copy each. Shared by every
// recorder (a table each would cost more than it saves); strings are values, so sharing is invisible.
const texts = new Map<string, string>();
const TEXTS_LIMIT = 1024;

function intern(s: string): string {
  const t = texts.get(s);
  if (t !== undefined) return t;
  if (texts.size >= TEXTS_LIMIT) texts.clear();
  texts.set(s, s);
  return s;
}

/** Records events about objects on behalf of one component. */
export class EventRecorder {
  private readonly api: ApiServer;
  private readonly source: EventSource;
  private readonly seen = new SeenEvents(SEEN_LIMIT);
  private readonly sourceCopy: EventSource;
  private lastInvolved: Event["involvedObject"] | undefined = undefined;

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
    rawMessage: string,
    rawFieldPath?: string,
  ): void {
    const ns = obj.metadata.namespace || "default";
    const kind = obj.kind ?? "";
    const name = obj.metadata.name ?? "";
    // A message that names its object is that object's alone (its repeats fold into one event): only the
    // others can recur across objects, so only they are worth a look-up in the table.
    const message = name !== "" && rawMessage.includes(name) ? rawMessage : intern(rawMessage);
    const fieldPath = rawFieldPath ? intern(rawFieldPath) : rawFieldPath;
    const id: EventIdentity = {
      kind,
      namespace: ns,
      name,
      uid: obj.metadata.uid ?? "",
      fieldPath: fieldPath ?? "",
      reason,
      message,
    };
    const at = this.api.loop.now();
    if (at !== nowAt) {
      nowText = rfc3339(at);
      nowAt = at;
    }
    const now = nowText;
    const existing = this.seen.get(id);
    try {
      if (existing) {
        const ev = this.api.tryGet<Event>("events", ns, existing.metadata.name!);
        if (ev) {
          // Only the count and time change: the rest is shared with the stored event, never changed in place.
          const next: Event = {
            ...ev,
            metadata: { ...ev.metadata },
            count: (ev.count ?? 1) + 1,
            lastTimestamp: now,
          };
          this.api.update("events", next, { handOff: true });
          return;
        }
      }
      // Real names are `<object>.<unix nanoseconds in hex>`; a sequence number per API server (shared by
      // every recorder, so two components naming the same object in one millisecond do not collide).
      if (at !== baseAt) splitNanos(at);
      const seq = sequences.get(this.api) ?? 0;
      sequences.set(this.api, seq + 1);
      const evName = `${obj.metadata.name}.${nanosHex(baseHi, baseHiHex, baseLo + seq)}`;
      const involved = this.involvedObject(obj, kind, fieldPath);
      // apiVersion and kind lead, where the server puts them, so it need not reorder the keys.
      const ev: Event = {
        apiVersion: "v1",
        kind: "Event",
        metadata: { name: evName, namespace: ns },
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
      // The stored event (its name is part of the server's key), not a copy of its identity.
      this.seen.set(id, this.api.create<Event>("events", ev, { namespace: ns, handOff: true }));
    } catch {
      // Events are best effort, as in client-go: a failed write must not break the caller.
    }
  }

  // Successive events about one object (a container's Pulled, Created, Started) share one reference:
  // stored objects are never changed in place.
  private involvedObject(
    obj: KubeObject,
    kind: string,
    fieldPath: string | undefined,
  ): Event["involvedObject"] {
    const last = this.lastInvolved;
    const m = obj.metadata;
    if (
      last !== undefined &&
      last.uid === m.uid &&
      last.resourceVersion === m.resourceVersion &&
      last.name === m.name &&
      last.namespace === m.namespace &&
      last.kind === kind &&
      last.apiVersion === obj.apiVersion &&
      last.fieldPath === (fieldPath || undefined)
    )
      return last;
    const involved: Event["involvedObject"] = {
      kind,
      namespace: m.namespace,
      name: m.name,
      uid: m.uid,
      apiVersion: obj.apiVersion,
      resourceVersion: m.resourceVersion,
    };
    if (fieldPath) involved.fieldPath = fieldPath;
    this.lastInvolved = involved;
    return involved;
  }
}

// The instant last recorded at and its timestamp: events come in bursts at one instant of one clock.
let nowAt = Number.NaN;
let nowText = "";

// The current millisecond in nanoseconds, split at 2^32 so that naming an event needs no BigInt; shared
// by every recorder, since they all record at the instants of one clock.
let baseAt = Number.NaN;
let baseHi = 0;
let baseHiHex = "";
let baseLo = 0;

// `ms * 10^6` split at 2^32, exactly: every partial product stays below 2^53 (ms below 2^42).
function splitNanos(ms: number): void {
  // As BigInt(ms) did: a fractional instant names no event (the recorder drops it).
  if (!Number.isInteger(ms)) throw new RangeError(`${ms} is not an integer`);
  const ah = Math.floor(ms / 0x20_0000);
  const al = ms - ah * 0x20_0000;
  // ms * 10^6 = x * 2^21 + al * 10^6 with x = ah * 10^6 = xh * 2^11 + xl.
  const x = ah * 1_000_000;
  const xh = Math.floor(x / 0x800);
  const y = (x - xh * 0x800) * 0x20_0000 + al * 1_000_000;
  const carry = Math.floor(y / 0x1_0000_0000);
  baseAt = ms;
  baseHi = xh + carry;
  baseHiHex = baseHi.toString(16);
  baseLo = y - carry * 0x1_0000_0000;
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
