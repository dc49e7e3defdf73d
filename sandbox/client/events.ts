// An event recorder, as client-go's (tools/record): writes core/v1 Events through the API after its
// correlator has aggregated similar events, folded repeats into one event's count and dropped spam.
import type { Event, KubeObject } from "../api/types.ts";
import type { ApiServer } from "../apiserver/server.ts";
import { rfc3339 } from "../util/time.ts";
import { COMBINED_PREFIX, EventAggregator, similarHash } from "./event-aggregator.ts";
import { type EventIdentity, eventHash, objectHash, SeenEvents } from "./seen-events.ts";
import { SpamFilter } from "./spam-filter.ts";

/** Who is reporting: `default-scheduler`, or `kubelet` on `node01`. */
export interface EventSource {
  component: string;
  host?: string;
}

const sequences = new WeakMap<ApiServer, number>();
// client-go's correlator keeps each of its caches (events seen, groups of similar events, spam buckets)
// to 4096 entries. Its caches are LRUs; these forget the oldest entry, not the least recently used one.
const CACHE_LIMIT = 4096;
// Messages and field paths recur across objects (every pod's `Pulling image "nginx:1.27"` and
// `spec.containers{web}`): events keep one string of a recent text rather than a copy each. Shared by every
// recorder (a table each would cost more than it saves); strings are values, so sharing is invisible.
const texts = new Map<string, string>();
const TEXTS_LIMIT = 1024;

/** One shared string of a recent text (a message, a field path) for every event that says it. */
export function intern(s: string): string {
  const t = texts.get(s);
  if (t !== undefined) return t;
  if (texts.size >= TEXTS_LIMIT) texts.clear();
  texts.set(s, s);
  return s;
}

/**
 * The message of an event about the object named `name`: one shared string of it, unless it names the
 * object (then it is that object's alone, its repeats fold into one event, and a look-up would be wasted).
 */
export function sharedMessage(message: string, name: string): string {
  return name !== "" && message.includes(name) ? message : intern(message);
}

/** How a recorder treats its events before writing them. */
export interface RecorderOptions {
  /**
   * Aggregate similar events and drop an object's spam, as client-go's core/v1 recorder (kubelet,
   * controllers) does; on unless turned off. Exact repeats fold into one event's count either way.
   */
  correlate?: boolean;
}

/** Records events about objects on behalf of one component. */
export class EventRecorder {
  private readonly api: ApiServer;
  private readonly source: EventSource;
  private readonly seen = new SeenEvents(CACHE_LIMIT);
  private readonly aggregator: EventAggregator | undefined;
  private readonly spam: SpamFilter | undefined;
  private readonly sourceCopy: EventSource;
  private lastInvolved: Event["involvedObject"] | undefined = undefined;

  constructor(api: ApiServer, source: EventSource, opts: RecorderOptions = {}) {
    this.api = api;
    this.source = source;
    // Every event carries the same source; stored objects are never changed in place, so one copy serves all.
    this.sourceCopy = { ...source };
    const correlate = opts.correlate ?? true;
    this.aggregator = correlate ? new EventAggregator(CACHE_LIMIT) : undefined;
    this.spam = correlate ? new SpamFilter(CACHE_LIMIT) : undefined;
  }

  /**
   * Record one event, as client-go's EventCorrelator does: the tenth distinct message of a kind of event
   * about an object within 10 minutes goes into an aggregate event, a repeat increments its event's count,
   * and what the spam filter refuses is dropped (though still counted). Never throws.
   */
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
    const message = sharedMessage(rawMessage, name);
    const fieldPath = rawFieldPath ? intern(rawFieldPath) : rawFieldPath;
    // The reference its event would keep; the tables keep it too, as the key of the event's object, rather
    // than an identity of their own for each entry.
    const involved = this.involvedObject(obj, kind, fieldPath || undefined);
    const id: EventIdentity = {
      kind,
      namespace: ns,
      name,
      uid: obj.metadata.uid ?? "",
      apiVersion: obj.apiVersion ?? "",
      fieldPath: fieldPath ?? "",
      type,
      reason,
      message,
    };
    const at = this.api.loop.now();
    if (at !== nowAt) {
      nowText = rfc3339(at);
      nowAt = at;
    }
    const now = nowText;
    const objHash = objectHash(id);
    // What to write is either a group's aggregate event or this event's own: `prior` is the one observed
    // before, if any (then `count` is its observations so far, this one included), else `fresh`, built now.
    const group = this.aggregator ? this.aggregator.observe(id, similarHash(id, objHash), at, involved) : -1;
    let slot = -1;
    let prior: Event | undefined;
    let fresh: Event | undefined;
    let count = 1;
    try {
      if (group >= 0) {
        prior = this.aggregator!.aggregate(group);
        if (prior) count = this.aggregator!.repeat(group);
        else {
          fresh = this.newEvent(id, involved, at, now, true);
          this.aggregator!.keep(group, fresh);
        }
      } else {
        const hash = eventHash(id, objHash);
        slot = this.seen.find(id, hash);
        if (slot >= 0) {
          prior = this.seen.event(slot);
          count = this.seen.repeat(slot);
        } else {
          fresh = this.newEvent(id, involved, at, now, false);
          slot = this.seen.add(hash, fresh);
        }
      }
      // client-go counts an observation before its filter: a later event that passes shows them all.
      if (this.spam && !this.spam.allow(id, objHash, at, involved)) return;
      if (prior) {
        const shown = group >= 0 ? COMBINED_PREFIX + message : message;
        const cur = this.api.tryGet<Event>("events", ns, prior.metadata.name!);
        // Only the count, time and (for an aggregate) message change: the rest is shared with the stored
        // event, never changed in place. Gone (deleted, or never written: the spam filter dropped its first
        // observation), it is created anew under its first name, as client-go does when its patch fails.
        const next: Event = cur
          ? { ...cur, metadata: { ...cur.metadata }, count, lastTimestamp: now, message: shown }
          : {
              ...prior,
              metadata: { name: prior.metadata.name, namespace: ns },
              count,
              lastTimestamp: now,
              message: shown,
            };
        const stored = cur
          ? this.api.update<Event>("events", next, { handOff: true })
          : this.api.create<Event>("events", next, { namespace: ns, handOff: true });
        this.keep(group, slot, stored);
        return;
      }
      // The stored event (its name is part of the server's key), not a copy of its identity.
      this.keep(group, slot, this.api.create<Event>("events", fresh!, { namespace: ns, handOff: true }));
    } catch {
      // Events are best effort, as in client-go: a failed write must not break the caller.
    }
  }

  // Remember the stored copy of the event just written, in the table that found it.
  private keep(group: number, slot: number, stored: Event): void {
    if (group >= 0) this.aggregator!.keep(group, stored);
    else this.seen.keep(slot, stored);
  }

  // A new event about the object of `id` (`involved` refers to it), named after it and the instant (ms)
  // `at`: its own, or a group's aggregate event, which client-go builds without the reporting controller
  // and instance.
  private newEvent(
    id: EventIdentity,
    involved: Event["involvedObject"],
    at: number,
    now: string,
    aggregate: boolean,
  ): Event {
    const evName = eventName(this.api, id.name, at);
    // apiVersion and kind lead, where the server puts them, so it need not reorder the keys.
    return {
      apiVersion: "v1",
      kind: "Event",
      metadata: { name: evName, namespace: id.namespace },
      involvedObject: involved,
      reason: id.reason,
      message: aggregate ? COMBINED_PREFIX + id.message : id.message,
      source: this.sourceCopy,
      firstTimestamp: now,
      lastTimestamp: now,
      count: 1,
      type: id.type as Event["type"],
      eventTime: null,
      reportingComponent: aggregate ? "" : this.source.component,
      reportingInstance: aggregate ? "" : (this.source.host ?? ""),
    };
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
    const involved = objectReference(obj, kind, fieldPath);
    this.lastInvolved = involved;
    return involved;
  }
}

/** Build the reference an event keeps to its object (client-go's reference.GetReference). */
export function objectReference(obj: KubeObject, kind: string, fieldPath?: string): Event["involvedObject"] {
  const m = obj.metadata;
  const ref: Event["involvedObject"] = {
    kind,
    namespace: m.namespace,
    name: m.name,
    uid: m.uid,
    apiVersion: obj.apiVersion,
    resourceVersion: m.resourceVersion,
  };
  if (fieldPath) ref.fieldPath = fieldPath;
  return ref;
}

/**
 * Name an event about the object named `name` recorded at the instant `at` (ms), as both client-go
 * recorders do: `<name>.<unix nanoseconds in hex>`.
 */
export function eventName(api: ApiServer, name: string, at: number): string {
  // A sequence number per API server stands in for the nanoseconds (shared by every recorder, so two
  // components naming the same object in one millisecond do not collide).
  if (at !== baseAt) splitNanos(at);
  const seq = sequences.get(api) ?? 0;
  sequences.set(api, seq + 1);
  return `${name}.${nanosHex(baseHi, baseHiHex, baseLo + seq)}`;
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
