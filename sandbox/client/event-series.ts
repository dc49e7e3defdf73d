// An events.k8s.io/v1 recorder, as client-go's tools/events (the one kube-scheduler records through): no
// aggregation by message and no spam filter. An event that repeats one already recorded (same type, action,
// reason and reference, whatever its note) becomes a series: the first repeat writes `series.count: 2`, later
// ones only count in memory until a periodic check writes them. The API keeps core/v1 Events, so what is
// written is the core/v1 view the server converts an events.k8s.io/v1 Event to.
import type { Event, EventSeries, KubeObject } from "../api/types.ts";
import type { ApiServer } from "../apiserver/server.ts";
import { microTime } from "../util/time.ts";
import { eventName, intern, objectReference } from "./events.ts";

// tools/events' finishTime: checked this often, a series last observed longer ago is written one last time
// and forgotten (a singleton recorded longer ago is just forgotten).
export const FINISH_MS = 6 * 60_000;
// tools/events' refreshTime: this often every series still remembered is written again.
export const REFRESH_MS = 30 * 60_000;

/** An event the recorder remembers: what it wrote, and how often and when it has been observed since. */
interface Remembered {
  event: Event;
  at: number;
  count: number;
  last: number;
}

/** Records events for one controller (`default-scheduler`) the way tools/events does. */
export class SeriesRecorder {
  private readonly api: ApiServer;
  private readonly controller: string;
  private readonly instance: string;
  // Keyed by what makes two events isomorphic; insertion order keeps the periodic writes deterministic.
  private readonly cache = new Map<string, Remembered>();
  // When recording started: the periodic checks fall on multiples of FINISH_MS from here.
  private origin = 0;
  private cancelTick: (() => void) | undefined;

  /** A recorder for `controller` in the process on `hostname` (its instance is `<controller>-<hostname>`). */
  constructor(api: ApiServer, controller: string, hostname: string) {
    if (!controller || !hostname) throw new Error("SeriesRecorder: controller and hostname are required");
    this.api = api;
    this.controller = controller;
    this.instance = `${controller}-${hostname}`;
    this.origin = api.loop.now();
  }

  /** Start recording afresh, as a new process does: nothing remembered, checks counted from now. */
  start(): void {
    this.stop();
    this.origin = this.api.loop.now();
  }

  /** Stop, as the process does: series counted but not yet written are lost with it. */
  stop(): void {
    this.cancelTick?.();
    this.cancelTick = undefined;
    this.cache.clear();
  }

  /** Record an event about `regarding`, as EventRecorder.Eventf with no related object. Never throws. */
  eventf(
    regarding: KubeObject,
    type: "Normal" | "Warning",
    reason: string,
    action: string,
    note: string,
  ): void {
    const ref = objectReference(regarding, regarding.kind ?? "");
    // client-go's eventKey: type, action, reason, reporting controller and instance (this recorder's own)
    // and the whole reference, resourceVersion included; the note is not part of it.
    const key = `${type}\n${action}\n${reason}\n${ref.kind}\n${ref.namespace ?? ""}\n${ref.name ?? ""}\n${
      ref.uid ?? ""
    }\n${ref.apiVersion ?? ""}\n${ref.resourceVersion ?? ""}`;
    const now = this.api.loop.now();
    const seen = this.cache.get(key);
    if (seen) {
      seen.count++;
      seen.last = now;
      // Only the repeat that starts the series is written now; the periodic checks write the rest.
      if (seen.count === 2) this.writeSeries(seen);
      return;
    }
    const namespace = ref.namespace || "default";
    const event: Event = {
      apiVersion: "v1",
      kind: "Event",
      metadata: { name: eventName(this.api, ref.name ?? "", now), namespace },
      involvedObject: ref,
      reason,
      // core/v1 omits an empty message (omitempty), as kube-proxy's Starting event has.
      ...(note ? { message: intern(note) } : {}),
      // The events.k8s.io/v1 API leaves the deprecated fields empty: the core/v1 view shows an empty
      // source, null first and last timestamps and no count.
      source: {},
      firstTimestamp: null,
      lastTimestamp: null,
      type,
      eventTime: microTime(now),
      action,
      reportingComponent: this.controller,
      reportingInstance: this.instance,
    };
    this.cache.set(key, { event, at: now, count: 1, last: now });
    this.arm();
    try {
      this.api.create<Event>("events", event, { namespace, handOff: true });
    } catch {
      // Events are best effort: a failed write must not break the caller.
    }
  }

  // Write a remembered event's series; an event gone from the server is created anew under its name, as
  // client-go does when its patch finds nothing. A write that would change nothing is not made.
  private writeSeries(r: Remembered): void {
    const series: EventSeries = { count: r.count, lastObservedTime: microTime(r.last) };
    const { name, namespace } = r.event.metadata;
    try {
      const cur = this.api.tryGet<Event>("events", namespace, name!);
      const had = cur?.series;
      if (had?.count === series.count && had?.lastObservedTime === series.lastObservedTime) return;
      if (cur)
        this.api.update<Event>(
          "events",
          { ...cur, metadata: { ...cur.metadata }, series },
          { handOff: true },
        );
      else
        this.api.create<Event>(
          "events",
          { ...r.event, metadata: { name, namespace }, series },
          { namespace, handOff: true },
        );
    } catch {
      // Best effort, as above.
    }
  }

  // Schedule the next periodic check while anything is remembered (an empty cache makes the checks no-ops).
  private arm(): void {
    if (this.cancelTick || this.cache.size === 0) return;
    const now = this.api.loop.now();
    const next = this.origin + (Math.floor((now - this.origin) / FINISH_MS) + 1) * FINISH_MS;
    this.cancelTick = this.api.loop.schedule(next - now, () => this.tick());
  }

  // tools/events runs finishSeries every FINISH_MS and refreshExistingEventSeries every REFRESH_MS, both from
  // the start; where both fall on one instant (their goroutines race) the finish goes first here.
  private tick(): void {
    this.cancelTick = undefined;
    const now = this.api.loop.now();
    const cutoff = now - FINISH_MS;
    for (const [key, r] of this.cache) {
      if (r.count > 1) {
        if (r.last >= cutoff) continue;
        this.writeSeries(r);
      } else if (r.at >= cutoff) continue;
      this.cache.delete(key);
    }
    if ((now - this.origin) % REFRESH_MS === 0)
      for (const r of this.cache.values()) if (r.count > 1) this.writeSeries(r);
    this.arm();
  }
}
