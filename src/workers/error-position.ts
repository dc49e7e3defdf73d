/** Point a runtime error of a cell at the cell's own line and column. */
import { CELL_HEADER_LINES } from "../../sandbox/cells/index.ts";
import { originalPosition } from "./source-map.ts";

/** Return "line L:C" of the first cell frame in an error's stack, if there is one. */
export function cellErrorPosition(error: unknown, sourceMap?: string): string | undefined {
  const stack = error instanceof Error ? (error.stack ?? "") : "";
  const match = /<anonymous>:(\d+):(\d+)/.exec(stack) ?? /cell\.(?:ts|js):(\d+):(\d+)/.exec(stack);
  if (!match) return undefined;
  const isFunction = match[0].startsWith("<anonymous>");
  let line = Number(match[1]) - (isFunction ? CELL_HEADER_LINES : 0);
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
