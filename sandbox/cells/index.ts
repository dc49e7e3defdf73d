// The cell API's front door: what the site's kernel worker and the doc-tests use to run cells.
export type { ApiListOptions, CellObjectApi, KubenotesApi } from "./api.ts";
export { createCellApi } from "./api.ts";
export { formatValues } from "./format.ts";
export { CELL_MODULE, rewriteCellImports } from "./imports.ts";
export { CELL_API_PARAM, CELL_HEADER_LINES, runCell } from "./run-cell.ts";
export type {
  CellApiServer,
  CellCluster,
  CellEnv,
  CellListOptions,
  CellShell,
  CellStream,
  CellWatchEvent,
  CellWrite,
  ShellResult,
} from "./types.ts";
