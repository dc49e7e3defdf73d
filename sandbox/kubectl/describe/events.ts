// The Events section: which events belong to an object, and the table kubectl prints for them.
import type { Event } from "../../api/types.ts";
import { since } from "./duration.ts";
import type { DescribeWriter } from "./writer.ts";

/** The involvedObject fields kubectl's field selector matches on; an omitted kind or uid is not matched. */
export interface EventQuery {
  name: string;
  namespace: string;
  kind?: string;
  uid?: string;
}

/** Select the events a field selector on involvedObject.{name,namespace,kind,uid} would return. */
export function eventsFor(events: readonly Event[], q: EventQuery): Event[] {
  return events.filter((e) => {
    const o = e.involvedObject ?? {};
    if ((o.name ?? "") !== q.name || (o.namespace ?? "") !== q.namespace) return false;
    if (q.kind && (o.kind ?? "") !== q.kind) return false;
    if (q.uid && (o.uid ?? "") !== q.uid) return false;
    return true;
  });
}

function sortTime(e: Event): number {
  const t = e.series?.lastObservedTime ?? e.lastTimestamp ?? e.eventTime;
  return t ? Date.parse(t) : Number.NEGATIVE_INFINITY;
}

/** Print `Events:  <none>` or the Type/Reason/Age/From/Message table, oldest first. */
export function describeEvents(w: DescribeWriter, events: readonly Event[], now: number): void {
  if (events.length === 0) {
    w.write(0, "Events:\t<none>\n");
    return;
  }
  w.flush();
  // Go uses an unstable sort here; a stable sort keeps ties in list order.
  const sorted = [...events].sort((a, b) => sortTime(a) - sortTime(b));
  w.write(0, "Events:\n  Type\tReason\tAge\tFrom\tMessage\n");
  w.write(1, "----\t------\t----\t----\t-------\n");
  for (const e of sorted) {
    const first = e.eventTime ? since(now, e.eventTime) : since(now, e.firstTimestamp);
    const series = e.series;
    let age = first;
    if (series) age = `${since(now, series.lastObservedTime)} (x${series.count ?? 0} over ${first})`;
    else if ((e.count ?? 0) > 1) age = `${since(now, e.lastTimestamp)} (x${e.count} over ${first})`;
    const from = e.source?.component || e.reportingComponent || "";
    w.write(1, `${e.type ?? ""}\t${e.reason ?? ""}\t${age}\t${from}\t${(e.message ?? "").trim()}\n`);
  }
}
