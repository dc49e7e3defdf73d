// Turn objects into kubectl's table text: build the server-side Table, decorate it as kubectl does
// (NAMESPACE, `<kind>/` names, label columns) and lay it out with the tabwriter rules (FIDELITY §1).

import { kindPrefix, type ResourceType } from "../../api/resources.ts";
import type { KubeObject } from "../../api/types.ts";
import { tableHandlerFor } from "./columns/index.ts";
import { formatLabels } from "./format.ts";
import { sortObjects } from "./sort.ts";
import { type Cell, type ColumnDefinition, cellText, type Table } from "./table-model.ts";
import { layoutRows } from "./tabwriter.ts";

/** Options of `kubectl get` that shape a table. `now` is the clock in ms since epoch. */
export interface TableOptions {
  now: number;
  /** `-o wide`: show priority-1 columns. */
  wide?: boolean;
  /** `--no-headers`. */
  noHeaders?: boolean;
  /** `-A`: prepend NAMESPACE (ignored for cluster-scoped types, as kubectl does). */
  withNamespace?: boolean;
  /** `--show-labels`: append LABELS. */
  showLabels?: boolean;
  /** `-L key1,key2`: one column per label key, headed by the key's last path segment. */
  labelColumns?: string[];
  /** Print names as `<kind>[.<group>]/<name>` (several kinds requested, or `--show-kind`). */
  withKindPrefix?: boolean;
  /** `--sort-by=<jsonpath>`, e.g. `.metadata.name` or `{.status.startTime}`. */
  sortBy?: string;
}

/** A watch event type for `--output-watch-events`. */
export type WatchEventType = "ADDED" | "MODIFIED" | "DELETED" | "ERROR";

const EVENT_TEXT: Record<WatchEventType, string> = {
  ADDED: "ADDED   ",
  MODIFIED: "MODIFIED",
  DELETED: "DELETED ",
  ERROR: "ERROR   ",
};

/** Build the Table the API server would return for these objects of one type at `now`. */
export function buildTable(rt: ResourceType, objects: readonly KubeObject[], now: number): Table {
  const handler = tableHandlerFor(rt.plural);
  return {
    columnDefinitions: handler.columns,
    rows: objects.map((object) => ({ cells: handler.cells(object, now), object })),
  };
}

// Cut a cell at its first line break and neutralise terminal escapes, as kubectl's table printer does.
function printable(cell: Cell | null | undefined): string {
  let text = cellText(cell);
  const cut = text.search(/[\f\n\r]/);
  const truncated = cut >= 0;
  if (truncated) text = text.slice(0, cut);
  text = text.replaceAll("\x1b", "^[");
  return truncated ? `${text}...` : text;
}

function visible(columns: ColumnDefinition[], opts: TableOptions): number[] {
  const idx: number[] = [];
  columns.forEach((c, i) => {
    if (c.priority === 0 || opts.wide) idx.push(i);
  });
  return idx;
}

function withNamespace(rt: ResourceType, opts: TableOptions): boolean {
  return Boolean(opts.withNamespace && rt.namespaced);
}

/** Compute the header cells kubectl prints for a type (upper-cased names plus any added columns). */
export function tableHeader(rt: ResourceType, opts: TableOptions, watchEvents = false): string[] {
  const columns = tableHandlerFor(rt.plural).columns;
  const header = visible(columns, opts).map((i) => columns[i].name.toUpperCase());
  for (const key of opts.labelColumns ?? []) header.push(key.split("/").pop()!.toUpperCase());
  if (opts.showLabels) header.push("LABELS");
  if (withNamespace(rt, opts)) header.unshift("NAMESPACE");
  if (watchEvents) header.unshift("EVENT");
  return header;
}

/** Compute the printed cells of one table row, decorated as kubectl decorates it. */
export function rowCells(
  rt: ResourceType,
  table: Table,
  rowIndex: number,
  opts: TableOptions,
  eventType?: WatchEventType,
): string[] {
  const columns = table.columnDefinitions;
  const row = table.rows[rowIndex];
  const nameIdx = opts.withKindPrefix
    ? columns.findIndex((c) => c.format === "name" && c.type === "string")
    : -1;
  const cells = visible(columns, opts).map((i) =>
    i === nameIdx ? `${kindPrefix(rt)}/${printable(row.cells[i])}` : printable(row.cells[i]),
  );
  const labels = row.object.metadata.labels ?? {};
  for (const key of opts.labelColumns ?? []) cells.push(labels[key] ?? "");
  if (opts.showLabels) cells.push(formatLabels(labels));
  if (withNamespace(rt, opts)) cells.unshift(row.object.metadata.namespace ?? "");
  if (eventType) cells.unshift(EVENT_TEXT[eventType]);
  return cells;
}

/** Compute the printed cells of every row of a type's objects, after `--sort-by`. */
export function tableRows(rt: ResourceType, objects: readonly KubeObject[], opts: TableOptions): string[][] {
  const sorted = opts.sortBy ? sortObjects(objects, opts.sortBy) : objects;
  const table = buildTable(rt, sorted, opts.now);
  return table.rows.map((_, i) => rowCells(rt, table, i, opts));
}

/**
 * Render `kubectl get <type>` as text: header (unless noHeaders) and one line per object, each line ending
 * in "\n". Returns "" for no objects; the caller then prints "No resources found" to stderr (FIDELITY §1.6).
 */
export function renderTable(rt: ResourceType, objects: readonly KubeObject[], opts: TableOptions): string {
  if (objects.length === 0) return "";
  const rows = tableRows(rt, objects, opts);
  return layoutRows(opts.noHeaders ? rows : [tableHeader(rt, opts), ...rows]);
}

/** One kind's objects in a multi-kind `kubectl get pods,svc`. */
export interface TableGroup {
  rt: ResourceType;
  objects: readonly KubeObject[];
}

/**
 * Render several kinds, each with its own header and widths, separated by exactly one empty line
 * (no separator with `--no-headers`, as kubectl does). Empty groups print nothing. Pass
 * `withKindPrefix: true` when more than one kind was requested.
 */
export function renderGroups(groups: readonly TableGroup[], opts: TableOptions): string {
  const parts = groups.map((g) => renderTable(g.rt, g.objects, opts)).filter((text) => text !== "");
  return parts.join(opts.noHeaders ? "" : "\n");
}

/**
 * Compute the printed cells of a single object, for `kubectl get -w`: feed them to a WatchTableWriter
 * created with `tableHeader(rt, opts, watchEvents)`. Pass `eventType` with `--output-watch-events`.
 */
export function objectRow(
  rt: ResourceType,
  obj: KubeObject,
  opts: TableOptions,
  eventType?: WatchEventType,
): string[] {
  return rowCells(rt, buildTable(rt, [obj], opts.now), 0, opts, eventType);
}
