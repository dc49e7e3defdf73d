// `kubectl get events` columns; the wide ones are interleaved with the normal ones (FIDELITY §1.2, §1.3).
import type { Event, KubeObject } from "../../../api/types.ts";
import { translateTimestampSince } from "../duration.ts";
import { type Cell, column, type TableHandler } from "../table-model.ts";

// printers.go's formatEventSource: events.k8s.io/v1 events leave source empty and name their reporter.
function source(ev: Event): string {
  const component = ev.source?.component || ev.reportingComponent || "";
  const host = ev.source?.host || ev.reportingInstance || "";
  return host ? `${component}, ${host}` : component;
}

/** Build the event table: LAST SEEN TYPE REASON OBJECT [SUBOBJECT SOURCE] MESSAGE [FIRST SEEN COUNT NAME]. */
export const eventTable: TableHandler = {
  columns: [
    column("Last Seen"),
    column("Type"),
    column("Reason"),
    column("Object"),
    column("Subobject", { wide: true }),
    column("Source", { wide: true }),
    column("Message"),
    column("First Seen", { wide: true }),
    column("Count", { wide: true }),
    column("Name", { wide: true, format: "name" }),
  ],
  cells(obj: KubeObject, now: number): Cell[] {
    const ev = obj as Event;
    const firstSeen = ev.firstTimestamp
      ? translateTimestampSince(ev.firstTimestamp, now)
      : translateTimestampSince(ev.eventTime, now);
    let lastSeen = ev.lastTimestamp ? translateTimestampSince(ev.lastTimestamp, now) : firstSeen;
    let count = ev.count ?? 0;
    if (ev.series) {
      lastSeen = translateTimestampSince(ev.series.lastObservedTime, now);
      count = ev.series.count ?? 0;
    } else if (count === 0) {
      count = 1;
    }
    const io = ev.involvedObject ?? {};
    const kind = (io.kind ?? "").toLowerCase();
    return [
      lastSeen,
      ev.type ?? "",
      ev.reason ?? "",
      io.name ? `${kind}/${io.name}` : kind,
      io.fieldPath ?? "",
      source(ev),
      (ev.message ?? "").trim(),
      firstSeen,
      count,
      ev.metadata.name ?? "",
    ];
  },
};
