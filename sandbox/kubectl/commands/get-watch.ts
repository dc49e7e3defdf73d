// kubectl get -w: the initial table, then one row per watch event, widths kept across flushes.
import type { KubeObject } from "../../api/types.ts";
import { customColumnCells } from "../output/index.ts";
import {
  objectRow,
  sortObjects,
  tableHeader,
  type WatchEventType,
  WatchTableWriter,
} from "../printers/index.ts";
import { fail, type Run } from "./common.ts";
import { fetch, multipleTypes, type Request, tableOptions } from "./get.ts";
import { formatObjects, outputFormat } from "./print.ts";

/** Virtual time without events after which a watch ends (and the most it runs). */
export const WATCH_QUIET_MS = 30_000;
const WATCH_LIMIT_MS = 600_000;

/**
 * Watch until quiet. Deviation: real `kubectl get -w` runs until interrupted; here it stops once nothing
 * changed for 30 s of virtual time (10 min at most), since a script or a cell cannot press Ctrl-C.
 */
export function runWatch(run: Run, requests: Request[]): number {
  if (requests.length !== 1) {
    fail(
      `watch is only supported on individual resources and resource collections, but ${requests.length} resources were found`,
    );
  }
  const { rt, names } = requests[0];
  if (names.length > 1)
    fail(
      `watch is only supported on individual resources and resource collections, but ${names.length} resources were found`,
    );
  const fmt = outputFormat(run, true);
  const opts = tableOptions(run, multipleTypes(run.args));
  const events = run.bool("output-watch-events");
  const table = fmt.kind === "" || fmt.kind === "wide";
  const columns = fmt.kind === "custom-columns" ? (fmt.columns ?? []) : undefined;
  const header = columns ? columns.map((c) => c.header) : tableHeader(rt, opts, events);
  // Custom columns go through the same width-remembering writer, header once, as kubectl's tabwriter.
  const noHeaders = columns ? fmt.noHeaders : opts.noHeaders;
  const writer = new WatchTableWriter(noHeaders ? null : header);
  const print = (objs: KubeObject[], type: WatchEventType) => {
    if (objs.length === 0) return;
    opts.now = run.now;
    if (table) run.out(writer.write(objs.map((o) => objectRow(rt, o, opts, events ? type : undefined))));
    else if (columns) run.out(writer.write(objs.map((o) => customColumnCells(o, columns))));
    else for (const o of objs) run.out(formatObjects(fmt, [o], false, rt));
  };
  const { found, errors } = fetch(run, requests);
  if (errors.length > 0) throw errors[0];
  if (!run.bool("watch-only")) {
    const objs = found.map((f) => f.obj);
    print(opts.sortBy ? sortObjects(objs, opts.sortBy) : objs, "ADDED");
  }
  const all = run.bool("all-namespaces");
  const fieldSelector = [run.str("field-selector"), names.length === 1 ? `metadata.name=${names[0]}` : ""]
    .filter((s) => s)
    .join(",");
  let last = run.now;
  const stop = run.ctx.api.watch(
    rt.plural,
    {
      namespace: rt.namespaced && !all ? run.namespace : undefined,
      labelSelector: run.str("selector"),
      fieldSelector,
    },
    (ev) => {
      last = run.now;
      print([ev.object as KubeObject], ev.type as WatchEventType);
    },
  );
  try {
    const start = run.now;
    while (run.now - last < WATCH_QUIET_MS && run.now - start < WATCH_LIMIT_MS) {
      const target = last + WATCH_QUIET_MS;
      const before = run.now;
      run.ctx.waitUntil(() => run.now >= target, target - run.now);
      if (run.now === before) break;
    }
  } finally {
    stop();
  }
  return 0;
}
