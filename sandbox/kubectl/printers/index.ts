// Front door of kubectl's table printers: pure functions from objects (and a clock) to text.
//
//   renderTable(rt, objects, { now, wide, noHeaders, withNamespace, showLabels, labelColumns,
//               withKindPrefix, sortBy })                     -> "NAME   READY ...\n..." ("" if no objects)
//   renderGroups([{ rt, objects }, ...], opts)                 -> kinds separated by one empty line
//   new WatchTableWriter(tableHeader(rt, opts, watchEvents)).write([objectRow(rt, obj, opts, "ADDED")])
//   buildTable(rt, objects, now)                               -> the server-side Table (all columns)

export { tableHandlerFor } from "./columns/index.ts";
export { type PodStatusCells, podStatusCells } from "./columns/pod-status.ts";
export { humanDuration, parseTime, translateTimestampSince } from "./duration.ts";
export { formatLabelSelector, formatLabels, selectorString } from "./format.ts";
export { naturalLess, sortObjects } from "./sort.ts";
export {
  buildTable,
  objectRow,
  renderGroups,
  renderTable,
  rowCells,
  type TableGroup,
  type TableOptions,
  tableHeader,
  tableRows,
  type WatchEventType,
} from "./table.ts";
export type { Cell, ColumnDefinition, Table, TableHandler, TableRow } from "./table-model.ts";
export { cellWidth, layoutRows, WatchTableWriter } from "./tabwriter.ts";
