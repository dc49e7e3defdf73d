// An events.k8s.io/v1 recorder, as client-go's tools/events (the one kube-scheduler records through): no
// aggregation by message and no spam filter. An event that repeats one already recorded (same type, action,
// reason and reference, whatever its note) becomes a series: the first repeat writes `series.count: 2`, later
// ones only count in memory until a periodic check writes them. The API keeps core/v1 Events, so what is
// written is the core/v1 view the server converts an events.k8s.io/v1 Event to.
import type { Event, EventSeries, KubeObject } from "../api/types.ts";
import type { ApiServer } from "../apiserver/server.ts";
import { microTime } from "../util/time.ts";
import { eventName, objectReference, sharedMessage } from "./events.ts";
import { SeriesCache, seriesHash } from "./series-cache.ts";

// tools/events' finishTime: checked this often, a series last observed longer ago is written one last time
// and forgotten (a singleton recorded longer ago is just forgotten).
export const FINISH_MS = 6 * 60_000;
// tools/events' refreshTime: this often every series still remembered is written again.
export const REFRESH_MS = 30 * 60_000;

/** Records events for one controller (`default-scheduler`) the way tools/events does. */
export class SeriesRecorder {
  private readonly api: ApiServer;
  private readonly controller: string;
  private readonly instance: string;
  // Keyed by what makes two events isomorphic; insertion order keeps the periodic writes deterministic.
  private readonly cache = new SeriesCache();
  // Every event's empty source is one object (stored objects are never changed in place), and the events
  // of one instant share its time.
  private readonly source = {};
  private timeAt = Number.NaN;
  private timeText = "";
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
    // client-go's eventKey: type, action, reason, reporting controller and instance (this recorder's own)
    // and the whole reference, resourceVersion included; the note is not part of it.
    const hash = seriesHash(regarding, reason);
    const now = this.api.loop.now();
    const seen = this.cache.find(regarding, type, action, reason, hash);
    if (seen >= 0) {
      // Only the repeat that starts the series is written now; the periodic checks write the rest.
      if (this.cache.observe(seen, now) === 2) this.writeSeries(seen);
      return;
    }
    const ref = objectReference(regarding, regarding.kind ?? "");
    const namespace = ref.namespace || "default";
    if (now !== this.timeAt) {
      this.timeText = microTime(now);
      this.timeAt = now;
    }
    const event: Event = {
      apiVersion: "v1",
      kind: "Event",
      metadata: { name: eventName(this.api, ref.name ?? "", now), namespace },
      involvedObject: ref,
      reason,
      // core/v1 omits an empty message (omitempty), as kube-proxy's Starting event has.
      ...(note ? { message: sharedMessage(note, ref.name ?? "") } : {}),
      // The events.k8s.io/v1 API leaves the deprecated fields empty: the core/v1 view shows an empty
      // source, null first and last timestamps and no count.
      source: this.source,
      firstTimestamp: null,
      lastTimestamp: null,
      type,
      eventTime: this.timeText,
      action,
      reportingComponent: this.controller,
      reportingInstance: this.instance,
    };
    this.cache.add(hash, event, now);
    this.arm();
    try {
      this.api.create<Event>("events", event, { namespace, handOff: true });
    } catch {
      // Events are best effort: a failed write must not break the caller.
    }
  }

  // Write a remembered event's series; an event gone from the server is created anew under its name, as
  // client-go does when its patch finds nothing. A write that would change nothing is not made.
  private writeSeries(slot: number): void {
    const series: EventSeries = {
      count: this.cache.count(slot),
      lastObservedTime: microTime(this.cache.last(slot)),
    };
    const event = this.cache.event(slot);
    const { name, namespace } = event.metadata;
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
          { ...event, metadata: { name, namespace }, series },
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
    const cache = this.cache;
    cache.sweep((slot) => {
      if (cache.count(slot) > 1) {
        if (cache.last(slot) >= cutoff) return true;
        this.writeSeries(slot);
      } else if (cache.first(slot) >= cutoff) return true;
      return false;
    });
    if ((now - this.origin) % REFRESH_MS === 0)
      cache.forEach((slot) => {
        if (cache.count(slot) > 1) this.writeSeries(slot);
      });
    this.arm();
  }
}
