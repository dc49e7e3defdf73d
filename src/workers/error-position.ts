/** Point a runtime error of a cell at the cell's own line and column. */
import { CELL_HEADER_LINES } from "../../sandbox/cells/index.ts";
import { CELL_MODULE_HEADER_LINES } from "./cell-module.ts";
import { originalPosition } from "./source-map.ts";

// Frames of a cell: the browser kernel's blob: module, the Node doc-tests' AsyncFunction, or a file.
const FRAMES: [RegExp, number][] = [
  [/kubenotes-cell\.js:(\d+):(\d+)/, CELL_MODULE_HEADER_LINES],
  [/<anonymous>:(\d+):(\d+)/, CELL_HEADER_LINES],
  [/cell\.(?:ts|js):(\d+):(\d+)/, 0],
];

/** Return "line L:C" of the first cell frame in an error's stack, if there is one. */
export function cellErrorPosition(error: unknown, sourceMap?: string): string | undefined {
  const stack = error instanceof Error ? (error.stack ?? "") : "";
  let match: RegExpExecArray | null = null;
  let header = 0;
  for (const [pattern, lines] of FRAMES) {
    match = pattern.exec(stack);
    header = lines;
    if (match) break;
  }
  if (!match) return undefined;
  let line = Number(match[1]) - header;
  let column = Number(match[2]);
  if (sourceMap) {
    const mapped = originalPosition(sourceMap, line, column);
    if (mapped) ({ line, column } = mapped);
  }
  return line > 0 ? `line ${line}:${column}` : undefined;
}

/** Format an error thrown by a cell the way the cell's terminal shows it. */
export function formatCellError(error: unknown, sourceMap?: string): string {
  const head = error instanceof Error ? `${error.name}: ${error.message}` : `Uncaught ${String(error)}`;
  const where = cellErrorPosition(error, sourceMap);
  return where ? `${head}\n    at ${where} of this cell\n` : `${head}\n`;
}
